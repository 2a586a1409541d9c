import { canonicalNumberToken, moneyValue, parseNumberText } from './number-forms.js';

describe('parseNumberText', () => {
  it.each([
    ['15', 15],
    ['5.000.000', 5_000_000],
    ['5,000,000', 5_000_000],
    ['5 000 000', 5_000_000],
    ['1,5', 1.5],
    ['2.5', 2.5],
    ['1.500', 1500],
    ['15/3', null],
    ['5.00.000', null],
  ])('%s → %s', (input, expected) => {
    expect(parseNumberText(input)).toBe(expected);
  });
});

describe('canonicalNumberToken', () => {
  it.each([
    ['5.000.000', '5000000'],
    ['1,5', '1,5'],
    ['2.5', '2,5'],
    ['2025', '2025'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalNumberToken(input)).toBe(expected);
  });
});

describe('moneyValue', () => {
  it.each([
    [4, 1e6, '7', false, 4_700_000],
    [4, 1e6, '75', false, 4_750_000],
    [2, 1e6, '500', false, 2_500_000],
    [1, 1e9, '2', false, 1_200_000_000],
    [500, 1e3, undefined, false, 500_000],
    [3, 1e6, undefined, true, 3_500_000],
    [1.5, 1e9, undefined, false, 1_500_000_000],
  ])('%s × %s + %s (half %s) = %s', (amount, multiplier, remainder, half, expected) => {
    expect(moneyValue(amount, multiplier, remainder, half)).toBe(expected);
  });
});
