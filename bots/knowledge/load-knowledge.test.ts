import { normalizeQuery } from './load-knowledge.js';

describe('normalizeQuery, the query of retrieval and the FAQ', () => {
  it('expands teencode, and keeps a question typed without diacritics without any', () => {
    expect(normalizeQuery('sinh em be dc nghi bao lau')).toBe('sinh em be duoc nghi bao lau');
    expect(normalizeQuery('nu bn tuoi thi dc nghi huu')).toBe('nu bao nhieu tuoi thi duoc nghi huu');
  });

  it('keeps the diacritics of a typed question and its roman numerals', () => {
    expect(normalizeQuery('Cty ko trả lương vùng III')).toBe('công ty không trả lương vùng iii');
    expect(normalizeQuery('trợ cấp ốm đau bằng bao nhiêu % lương')).toBe('trợ cấp ốm đau bằng bao nhiêu phần trăm lương');
    expect(normalizeQuery('luong thu viec dc bn %')).toBe('luong thu viec duoc bao nhieu phan tram');
  });
});
