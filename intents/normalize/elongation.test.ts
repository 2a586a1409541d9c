import { squeezeElongations } from './elongation.js';

describe('squeezeElongations', () => {
  it.each([
    ['quáaaa', 'quá'],
    ['quaaá', 'quá'],
    ['điiiii', 'đi'],
    ['nhaaa', 'nha'],
    ['mệtttt', 'mệt'],
    ['huhuuu', 'huhu'],
    ['chánnnn quá', 'chán quá'],
    ['tôôi', 'tôi'],
    ['vâaang', 'vâng'],
    // legitimate spellings stay
    ['ngoài', 'ngoài'],
    ['xoong', 'xoong'],
    ['cứu', 'cứu'],
    ['hưu trí', 'hưu trí'],
    ['nghi huu', 'nghi huu'],
    ['cuu tro', 'cuu tro'],
    ['thuuuu', 'thu'],
    ['rượu', 'rượu'],
    ['khuỷu', 'khuỷu'],
    ['hello', 'hello'],
    ['1000000', '1000000'],
    ['Facebook', 'Facebook'],
  ])('%s → %s', (input, expected) => {
    expect(squeezeElongations(input)).toBe(expected);
  });

  it('leaves protected acronyms alone', () => {
    expect(squeezeElongations('pccc', new Set(['pccc']))).toBe('pccc');
    expect(squeezeElongations('pccc')).toBe('pc');
  });
});
