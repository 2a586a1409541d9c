import { SAMPLE_ARTICLES } from './testing/sample-law.js';
import { citationLabel, formatVietnameseDate, renderCitationLine, shortLawName, toCitation, uniqueCitations } from './citation.js';
import { createArticleLookup } from './article-lookup.js';

const [overtime, , , minimumWage, expiredLeave] = SAMPLE_ARTICLES;

describe('citations', () => {
  it('labels an article with its law and effective date in Vietnamese date order', () => {
    expect(citationLabel(overtime!)).toBe('Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021)');
    expect(formatVietnameseDate('2026-01-01')).toBe('01/01/2026');
    expect(formatVietnameseDate('sometime')).toBe('sometime');
  });

  it('shortens decree names to their number', () => {
    expect(shortLawName(minimumWage!.lawName, minimumWage!.lawId)).toBe('Nghị định 293/2025/NĐ-CP');
    expect(toCitation(minimumWage!).label).toBe('Điều 3 Nghị định 293/2025/NĐ-CP (hiệu lực từ 01/01/2026)');
  });

  it('marks expired documents and omits a missing date', () => {
    expect(citationLabel(expiredLeave!)).toBe('Điều 111 Bộ luật Lao động 2012 (hiệu lực từ 01/05/2013, đã hết hiệu lực)');
    expect(citationLabel({ ...overtime!, effectiveDate: null })).toBe('Điều 98 Bộ luật Lao động 2019');
  });

  it('deduplicates and renders the "Căn cứ" line', () => {
    const citations = uniqueCitations([toCitation(overtime!), toCitation(overtime!), toCitation(minimumWage!)]);
    expect(citations).toHaveLength(2);
    expect(renderCitationLine(citations)).toBe(
      'Căn cứ: Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021); Điều 3 Nghị định 293/2025/NĐ-CP (hiệu lực từ 01/01/2026).',
    );
    expect(renderCitationLine([])).toBe('');
  });

  it('looks articles up by law id and number', () => {
    const lookup = createArticleLookup(SAMPLE_ARTICLES);
    expect(lookup.get('45/2019/QH14', '113')?.title).toBe('Nghỉ hằng năm');
    expect(lookup.get('45/2019/QH14', '999')).toBeUndefined();
  });
});
