import { RERANK_FEATURE_NAMES } from '../answer/rerank-features.js';
import { informativeGroup, trainArticleReranker, type RerankGroup } from './reranker-training.js';
import { rerankerScore } from '../answer/article-reranker.js';

const width = RERANK_FEATURE_NAMES.length;
const strength = RERANK_FEATURE_NAMES.indexOf('strength');
/** Candidates whose `strength` says which is acceptable, the others' noise in every other feature. */
function group(id: string, positiveAt: number): RerankGroup {
  const features = [0, 1, 2].map((i) => Array.from({ length: width }, (_, j) => (j === strength ? (i === positiveAt ? 0.9 : 0.3) : ((i * 7 + j * 3 + id.length) % 5) / 5)));
  return { batch: id.startsWith('a') ? 'dev' : 'dev-2', id, features, positive: [0, 1, 2].map((i) => i === positiveAt) };
}

describe('trainArticleReranker', () => {
  const groups = [group('a1', 0), group('a2', 2), group('b1', 1), group('b22', 2)];

  it('learns the feature that tells the acceptable candidate apart, and records what it learned from', () => {
    const model = trainArticleReranker(groups, { l2: 0.01, iterations: 200, learningRate: 0.5, depth: 20, keepFirstMargin: 0, set: 'dev' });
    expect(model.features).toEqual([...RERANK_FEATURE_NAMES]);
    expect(model.weights[strength]).toBeGreaterThan(0);
    for (const g of groups) {
      const scores = g.features.map((row) => rerankerScore(model, row));
      expect(scores.indexOf(Math.max(...scores))).toBe(g.positive.indexOf(true));
    }
    expect(model.trainedOn).toEqual({ set: 'dev', batches: ['dev', 'dev-2'], questions: 4, l2: 0.01 });
  });

  it('learns only from searches with an acceptable and another candidate', () => {
    expect(informativeGroup({ ...group('a1', 0), positive: [false, false, false] })).toBe(false);
    expect(informativeGroup(group('a1', 0))).toBe(true);
  });
});
