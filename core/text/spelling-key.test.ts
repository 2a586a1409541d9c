import { spellingKey } from './spelling-key.js';

describe('spellingKey puts the spellings writers confuse under one key', () => {
  it.each([
    ['xuat', 'suat'],
    ['truong', 'chuong'],
    ['giay', 'day'],
    ['rieng', 'dieng'],
    ['nuong', 'luong'],
    ['ky', 'ci'],
    ['luon', 'luong'],
    ['bat', 'bac'],
    ['thanh', 'than'],
    ['ghe', 'ge'],
    ['nghi', 'ngi'],
  ])('%s and %s', (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });

  it('keeps apart what no usual confusion joins', () => {
    expect(spellingKey('luong')).not.toBe(spellingKey('lam'));
    expect(spellingKey('tay')).not.toBe(spellingKey('tai'));
    expect(spellingKey('nghi')).not.toBe(spellingKey('nha'));
    expect(spellingKey('bao')).not.toBe(spellingKey('pao'));
  });

  it('reads "gì" as the initial gi with its vowel, so it meets "dì" and not the bare initial', () => {
    expect(spellingKey('gi')).toBe('di');
    expect(spellingKey('gia')).toBe('da');
  });

  it('leaves digits and mixed tokens as they are', () => {
    expect(spellingKey('2024')).toBe('2024');
    expect(spellingKey('bhxh1')).toBe('bhxh1');
  });
});
