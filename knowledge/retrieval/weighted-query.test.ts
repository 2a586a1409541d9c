import { buildWeightedQuery } from './weighted-query.js';
import { DEFAULT_RETRIEVAL_TUNING } from './retrieval-tuning.js';
import { createTextAnalyzer } from './text-views.js';

describe('buildWeightedQuery', () => {
  const analyzer = createTextAnalyzer();

  it('searches both views for accented questions and only the folded view otherwise', () => {
    const accented = buildWeightedQuery('Nghỉ thai sản', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    expect(accented.accentedQuery).toBe(true);
    expect([...accented.accentedTerms.keys()]).toEqual(['nghỉ', 'thai', 'sản', 'nghỉ thai', 'thai sản']);
    expect(accented.foldedTerms.has('thai san')).toBe(true);
    const folded = buildWeightedQuery('nghi thai san', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    expect(folded.accentedQuery).toBe(false);
    expect(folded.accentedTerms.size).toBe(0);
  });

  it('drops pronouns and particles, and bigrams that contain them', () => {
    const query = buildWeightedQuery('em hỏi lương tối thiểu ạ', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    const terms = [...query.accentedTerms.keys()];
    expect(terms).not.toContain('em');
    expect(terms).not.toContain('em hỏi');
    expect(terms).not.toContain('thiểu ạ');
    expect(terms).toContain('tối thiểu');
  });

  it('normalises leading zeros so 03 ngày matches 3 ngày', () => {
    const query = buildWeightedQuery('báo trước 03 ngày', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    expect(query.accentedTerms.has('3 ngày')).toBe(true);
  });

  it('weighs the story told around the question less, in the search and in match strength, with no word pair across', () => {
    const tuning = { ...DEFAULT_RETRIEVAL_TUNING, storyTermWeight: 0.5 };
    const query = buildWeightedQuery('nghỉ thai sản', analyzer, null, tuning, 'nợ lương');
    expect(query.accentedTerms.get('thai sản')).toBe(1);
    expect(query.accentedTerms.get('nợ lương')).toBe(0.5);
    expect(query.accentedTerms.get('lương')).toBe(0.5);
    expect(query.accentedTerms.has('lương nghỉ')).toBe(false);
    expect(query.coverage.find((term) => term.term === 'nợ')?.weight).toBe(0.5);
    expect(query.coverage.find((term) => term.term === 'thai')?.weight).toBe(1);
    // A word both in the story and the question counts as asked.
    expect(buildWeightedQuery('lương thử việc', analyzer, null, tuning, 'nợ lương').accentedTerms.get('lương')).toBe(1);
  });
});
