import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { accumulateBm25, buildBm25Field, fieldContains, foldBm25Field, groupBm25Field, inverseDocumentFrequency } from './bm25-field.js';

describe('BM25 field', () => {
  const field = buildBm25Field([
    ['lương', 'tối', 'thiểu', 'vùng'],
    ['lương', 'làm', 'thêm', 'giờ', 'lương'],
    ['nghỉ', 'hằng', 'năm'],
  ]);

  it('weights rare terms above common ones', () => {
    expect(inverseDocumentFrequency(field, 'vùng')).toBeGreaterThan(inverseDocumentFrequency(field, 'lương'));
    expect(inverseDocumentFrequency(field, 'không có')).toBeGreaterThan(inverseDocumentFrequency(field, 'vùng'));
  });

  it('scores only documents that contain a query term, more for more matches', () => {
    const scores = new Float64Array(3);
    accumulateBm25(field, new Map([['lương', 1], ['giờ', 1]]), 1, scores);
    expect(scores[2]).toBe(0);
    expect(scores[1]).toBeGreaterThan(scores[0] as number);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('scales with the field and query weights', () => {
    const once = new Float64Array(3);
    const twice = new Float64Array(3);
    accumulateBm25(field, new Map([['nghỉ', 1]]), 1, once);
    accumulateBm25(field, new Map([['nghỉ', 1]]), 2, twice);
    expect(twice[2]).toBeCloseTo(2 * (once[2] as number));
  });

  it('answers membership from the postings', () => {
    expect(fieldContains(field, 'hằng', 2)).toBe(true);
    expect(fieldContains(field, 'hằng', 0)).toBe(false);
    expect(fieldContains(field, 'không có', 0)).toBe(false);
  });

  it('folds a field by merging the postings of accent variants', () => {
    const accented = buildBm25Field([['lương', 'luồng'], ['lương'], ['nghỉ']]);
    const folded = foldBm25Field(accented, foldDiacritics);
    expect(Array.from(folded.postings.get('luong')?.docs ?? [])).toEqual([0, 1]);
    expect(Array.from(folded.postings.get('luong')?.tfs ?? [])).toEqual([2, 1]);
    expect(folded.postings.has('lương')).toBe(false);
    expect(folded.docLengths).toEqual(accented.docLengths);
  });

  it('groups documents (clauses into articles) by summing frequencies and lengths', () => {
    const clauses = buildBm25Field([['lương', 'tháng'], ['lương'], ['nghỉ']]);
    const articles = groupBm25Field(clauses, Int32Array.from([0, 0, 1]), 2);
    expect(articles.documentCount).toBe(2);
    expect(Array.from(articles.docLengths)).toEqual([3, 1]);
    expect(Array.from(articles.postings.get('lương')?.tfs ?? [])).toEqual([2]);
    expect(Array.from(articles.postings.get('nghỉ')?.docs ?? [])).toEqual([1]);
  });
});
