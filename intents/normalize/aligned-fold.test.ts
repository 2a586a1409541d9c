import { alignFold, originalSpan } from './aligned-fold.js';

describe('alignFold', () => {
  it('folds and lower-cases one character per source character', () => {
    const view = alignFold('Số ĐT');
    expect(view.folded).toBe('so dt');
    expect(view.origin).toEqual([0, 1, 2, 3, 4]);
  });

  it('skips combining marks and zero-width characters but maps spans back exactly', () => {
    const original = 'Tên Thuỷ'.normalize('NFD') + '\u200b ok';
    const view = alignFold(original);
    expect(view.folded).toBe('ten thuy ok');
    const start = view.folded.indexOf('thuy');
    const span = originalSpan(view, start, start + 4);
    expect(original.slice(span.start, span.end).normalize('NFC')).toBe('Thuỷ');
  });
});
