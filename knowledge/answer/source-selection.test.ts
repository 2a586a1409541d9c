import type { PassageHit } from '../retrieval/retriever.js';
import { selectSources } from './source-selection.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

const options = { minStrength: 0.3, relativeFloor: 0.6, maxSources: 3, maxPassagesPerSource: 2 };
const hit = (index: number, strength: number): PassageHit => ({
  article: SAMPLE_ARTICLES[index]!,
  passages: [{ clauseNo: '1', text: SAMPLE_ARTICLES[index]!.text, score: 1 }],
  score: 100 - index,
  strength,
});
const articleNos = (hits: PassageHit[]) => selectSources(hits, options).map((source) => source.article.articleNo);

describe('selectSources', () => {
  it('drops every leading hit under minStrength, the first one included (D-answers-50: the exemption lost on the blind gate)', () => {
    expect(articleNos([hit(0, 0.25), hit(1, 0.33)])).toEqual([SAMPLE_ARTICLES[1]!.articleNo]);
  });

  it('drops a hit far weaker than the best, and keeps hits over both floors in rank order', () => {
    expect(articleNos([hit(0, 0.18), hit(1, 0.55)])).toEqual([SAMPLE_ARTICLES[1]!.articleNo]);
    expect(articleNos([hit(0, 0.5), hit(1, 0.29)])).toEqual([SAMPLE_ARTICLES[0]!.articleNo]);
    expect(articleNos([hit(0, 0.5), hit(1, 0.4)])).toEqual([SAMPLE_ARTICLES[0]!.articleNo, SAMPLE_ARTICLES[1]!.articleNo]);
  });
});
