import { isSafeText, safeDeep, safeText } from './safe-text.js';

describe('safeText', () => {
  it('drops NUL and control characters, keeps tabs and line breaks, and replaces lone surrogates', () => {
    expect(safeText('lương\u0000 tháng\u0007 này')).toBe('lương tháng này');
    expect(safeText('dòng 1\r\ndòng 2\tcột')).toBe('dòng 1\r\ndòng 2\tcột');
    expect(safeText('a\ud800b')).toBe('a\ufffdb');
    expect(safeText('a\udc00b\ud83d')).toBe('a\ufffdb\ufffd');
    // A real surrogate pair (an emoji) is kept.
    expect(safeText('cảm ơn 😀')).toBe('cảm ơn 😀');
  });

  it('tells whether text is already safe', () => {
    expect(isSafeText('Người lao động 😀\n')).toBe(true);
    expect(isSafeText('x\u0000')).toBe(false);
    expect(isSafeText('x\ud800')).toBe(false);
    expect(isSafeText('x\ud800')).toBe(false);
  });

  it('cleans every string of a nested value, keys included, and leaves other values alone', () => {
    const date = new Date(0);
    expect(safeDeep({ a: ['x\u0000', 1, null], 'k\ud800': { t: 'y\u001f' }, date })).toEqual({ a: ['x', 1, null], 'k\ufffd': { t: 'y' }, date });
  });
});
