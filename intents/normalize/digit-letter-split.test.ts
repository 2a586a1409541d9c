import { splitDigitsFromLetters } from './digit-letter-split.js';

describe('splitDigitsFromLetters', () => {
  it.each([
    ['5tr', '5 tr'],
    ['45ngay', '45 ngay'],
    ['4tr7', '4 tr 7'],
    ['500k', '500 k'],
    ['5.000.000đ', '5.000.000 đ'],
    ['ca3', 'ca 3'],
    ['12h/ngày', '12 h/ngày'],
    ['năm 2025', 'năm 2025'],
    ['1,5 tỷ', '1,5 tỷ'],
  ])('%s → %s', (input, expected) => {
    expect(splitDigitsFromLetters(input)).toBe(expected);
  });
});
