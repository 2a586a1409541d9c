import type { PassageHit } from '../retrieval/retriever.js';
import { articleTerms, RERANK_FEATURE_NAMES, rerankFeatures } from './rerank-features.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

const [overtime, idle, leave, minimumWage] = [SAMPLE_ARTICLES[0]!, SAMPLE_ARTICLES[1]!, SAMPLE_ARTICLES[2]!, SAMPLE_ARTICLES[3]!];
const hit = (article: PassageHit['article'], score: number, strength: number, expansion = 0): PassageHit => ({
  article,
  passages: [{ clauseNo: '1', text: article.text, score: score / 2 }],
  score,
  strength,
  signals: { title: score / 4, body: score / 4 - expansion, expansion, passage: score / 2, coverage: 0, reference: 0, translation: 0 },
});
const feature = (rows: number[][], i: number, name: (typeof RERANK_FEATURE_NAMES)[number]) => rows[i]![RERANK_FEATURE_NAMES.indexOf(name)];

describe('rerankFeatures', () => {
  const hits = [hit(idle, 10, 0.5), hit(leave, 8, 0.7, 3), hit(minimumWage, 4, 0.2)];
  const rows = rerankFeatures({ text: 'nghỉ hằng năm được mấy ngày', asker: null }, hits, articleTerms);

  it('gives one row per candidate, one value per feature, all finite', () => {
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toHaveLength(RERANK_FEATURE_NAMES.length);
      expect(row.every(Number.isFinite)).toBe(true);
    }
  });

  it('reads the search order, the score parts relative to the best candidate, and the strength gap', () => {
    expect(feature(rows, 0, 'rank_inverse')).toBe(1);
    expect(feature(rows, 2, 'rank_inverse')).toBeCloseTo(1 / 3);
    expect(feature(rows, 1, 'score_ratio')).toBeCloseTo(0.8);
    expect(feature(rows, 1, 'expansion_ratio')).toBe(1);
    expect(feature(rows, 0, 'expansion_none')).toBe(1);
    expect(feature(rows, 1, 'strength_gap')).toBe(0);
    expect(feature(rows, 0, 'strength_gap')).toBeCloseTo(-0.2);
  });

  it('says which article states a figure of the kind asked and which holds the rarer words of the question', () => {
    // "mấy ngày": the annual-leave article states "12 ngày"; the minimum-wage one states sums only.
    expect(feature(rows, 1, 'quantity_stated')).toBe(1);
    expect(feature(rows, 2, 'quantity_missing')).toBe(1);
    expect(feature(rows, 1, 'rare_overlap')).toBeGreaterThan(feature(rows, 2, 'rare_overlap')!);
    expect(feature(rows, 1, 'law')).toBe(1);
    expect(feature(rows, 2, 'decree')).toBe(1);
  });

  it("reads the match of the article's best clause phrasing", () => {
    const phrased = [{ ...hit(leave, 8, 0.7), phrasedClause: { clauseNo: '1', match: 0.8 } }, hit(idle, 6, 0.5)];
    const clauseRows = rerankFeatures({ text: 'nghỉ hằng năm được mấy ngày', asker: null }, phrased, articleTerms);
    expect(feature(clauseRows, 0, 'clause_phrasing_match')).toBe(0.8);
    expect(feature(clauseRows, 1, 'clause_phrasing_match')).toBe(0);
  });

  it('computes nothing for no candidate', () => {
    expect(rerankFeatures({ text: 'lương', asker: null }, [], articleTerms)).toEqual([]);
    expect(rerankFeatures({ text: 'lương', asker: null }, [hit(overtime, 1, 0.1)], articleTerms)).toHaveLength(1);
  });
});

describe('rerankFeatures: the learned word-translation likelihood (D-answers-52)', () => {
  it('reads each candidate against the likeliest one, and its rank among them', () => {
    const hits = [{ ...hit(idle, 10, 0.5), translation: -6 }, { ...hit(leave, 8, 0.7), translation: -4.5 }, { ...hit(minimumWage, 4, 0.2), translation: -7 }];
    const rows = rerankFeatures({ text: 'nghỉ hằng năm được mấy ngày', asker: null }, hits, articleTerms);
    expect(feature(rows, 1, 'translation_gap')).toBe(0);
    expect(feature(rows, 0, 'translation_gap')).toBeCloseTo(-1.5);
    expect(feature(rows, 1, 'translation_rank')).toBe(1);
    expect(feature(rows, 2, 'translation_rank')).toBeCloseTo(1 / 3);
  });

  it('is neutral when the search did not score it', () => {
    const rows = rerankFeatures({ text: 'lương', asker: null }, [hit(overtime, 2, 0.3), hit(idle, 1, 0.1)], articleTerms);
    expect(rows.map((row) => [row[RERANK_FEATURE_NAMES.indexOf('translation_gap')], row[RERANK_FEATURE_NAMES.indexOf('translation_rank')]])).toEqual([[0, 0], [0, 0]]);
  });
});
