import { SAMPLE_ARTICLES } from './testing/sample-law.js';
import { auditReplyCitations, parseBracketCitations } from './reply-citations.js';

const retrieved = SAMPLE_ARTICLES.slice(0, 3);

describe('reply citations', () => {
  it('parses bracketed citations with and without a law id', () => {
    expect(parseBracketCitations('x [Điều 98, 45/2019/QH14] y [điều 113] z [ghi chú]')).toEqual([
      { articleNo: '98', lawId: '45/2019/QH14', raw: '[Điều 98, 45/2019/QH14]' },
      { articleNo: '113', lawId: null, raw: '[điều 113]' },
    ]);
  });

  it('accepts citations of retrieved articles only', () => {
    const audit = auditReplyCitations('Ít nhất 150% [Điều 98, 45/2019/QH14], nghỉ 12 ngày [Điều 113].', retrieved, '');
    expect(audit.cited.map((a) => a.articleNo)).toEqual(['98', '113']);
    expect(audit.invalid).toEqual([]);
  });

  it('rejects invented articles, wrong documents and unknown bare mentions', () => {
    const audit = auditReplyCitations('A [Điều 999, 45/2019/QH14]. B [Điều 98, 10/2012/QH13]. Theo Điều 200 thì...', retrieved, '');
    expect(audit.invalid).toEqual(['[Điều 999, 45/2019/QH14]', '[Điều 98, 10/2012/QH13]', 'Điều 200']);
  });

  it('allows a bare mention of an article that the passages themselves refer to', () => {
    const audit = auditReplyCitations('Theo Điều 129 và [Điều 98, 45/2019/QH14].', retrieved, 'bồi thường theo quy định tại Điều 129 của Bộ luật này');
    expect(audit.invalid).toEqual([]);
  });
});
