import { foldDiacritics, hasDiacritics, syllables, toNfc } from './vietnamese-fold.js';

describe('toNfc', () => {
  it('composes decomposed input', () => {
    const decomposed = 'Người'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(5);
    expect(toNfc(decomposed)).toBe('Người');
  });
  it('maps the eth confusable to Đ and drops zero-width characters', () => {
    expect(toNfc('\u00d0ảm b\u200bảo')).toBe('Đảm bảo');
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Người lao động', 'Nguoi lao dong'],
    ['ĐƯỢC HƯỞNG', 'DUOC HUONG'],
    ['thoả thuận', 'thoa thuan'],
    ['thỏa thuận', 'thoa thuan'],
    ['Bảo hiểm xã hội', 'Bao hiem xa hoi'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('syllables / hasDiacritics', () => {
  it('splits on spaces and punctuation, keeps numbers', () => {
    expect(syllables('Lương tối thiểu vùng 2, năm 2026?')).toEqual(['lương', 'tối', 'thiểu', 'vùng', '2', 'năm', '2026']);
  });
  it('detects diacritics', () => {
    expect(hasDiacritics('nghi thai san')).toBe(false);
    expect(hasDiacritics('nghỉ thai sản')).toBe(true);
    expect(hasDiacritics('đi')).toBe(true);
  });
});
