import { AppError } from '../../core/errors/app-error.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { createAnswerLawSearch } from './answer-search.js';
import { createArticleReranker, DEFAULT_ARTICLE_RERANKER_MODEL, loadArticleRerankerModel, parseArticleRerankerModel, type ArticleRerankerModel } from './article-reranker.js';
import { RERANK_FEATURE_NAMES } from './rerank-features.js';
import { SAMPLE_ARTICLES } from './testing/sample-law.js';

const width = RERANK_FEATURE_NAMES.length;
function modelFavouring(feature: (typeof RERANK_FEATURE_NAMES)[number], depth = 3): ArticleRerankerModel {
  return {
    version: 1,
    features: [...RERANK_FEATURE_NAMES],
    mean: new Array(width).fill(0),
    spread: new Array(width).fill(1),
    weights: RERANK_FEATURE_NAMES.map((name) => (name === feature ? 1 : 0)),
    depth,
    keepFirstMargin: 0,
    trainedOn: { set: 'dev', batches: ['dev'], questions: 1, l2: 0.01 },
  };
}

const [overtime, idle, leave] = [SAMPLE_ARTICLES[0]!, SAMPLE_ARTICLES[1]!, SAMPLE_ARTICLES[2]!];
const hits: PassageHit[] = [
  { article: overtime, passages: [], score: 10, strength: 0.4 },
  { article: idle, passages: [], score: 9, strength: 0.5 },
  { article: leave, passages: [], score: 8, strength: 0.9 },
];
const ids = (list: readonly PassageHit[]) => list.map((hit) => hit.article.articleNo);

describe('parseArticleRerankerModel', () => {
  const codeOf = (text: string) => {
    try {
      parseArticleRerankerModel(text);
    } catch (error) {
      return error instanceof AppError ? error.code : 'other';
    }
    return 'none';
  };

  it('loads the committed model, trained on the features computed now', () => {
    const model = loadArticleRerankerModel(DEFAULT_ARTICLE_RERANKER_MODEL);
    expect(model.features).toEqual([...RERANK_FEATURE_NAMES]);
    expect(model.trainedOn.batches.every((batch) => batch.startsWith('dev'))).toBe(true);
  });

  it('refuses what is not JSON, a broken model, or one trained on other features, with a typed error', () => {
    expect(codeOf('{ not json')).toBe('CONFIG_INVALID');
    expect(codeOf(JSON.stringify({ ...modelFavouring('strength'), weights: [1] }))).toBe('CONFIG_INVALID');
    const renamed = modelFavouring('strength');
    expect(codeOf(JSON.stringify({ ...renamed, features: ['other', ...renamed.features.slice(1)] }))).toBe('CONFIG_INVALID');
  });
});

describe('createArticleReranker', () => {
  const question = { text: 'nghỉ hằng năm được mấy ngày', asker: null };

  it('orders the leading hits by the model score, keeping the search order on a tie and past its depth', () => {
    expect(ids(createArticleReranker(modelFavouring('strength')).rerank(question, hits))).toEqual(['113', '99', '98']);
    expect(ids(createArticleReranker(modelFavouring('rank_inverse')).rerank(question, hits))).toEqual(['98', '99', '113']);
    expect(ids(createArticleReranker(modelFavouring('expired')).rerank(question, hits))).toEqual(['98', '99', '113']);
    expect(ids(createArticleReranker(modelFavouring('strength', 2)).rerank(question, hits))).toEqual(['99', '98', '113']);
    // The search's first keeps its place unless the model prefers another by more than the margin (0.5 − 0.4 here).
    expect(ids(createArticleReranker({ ...modelFavouring('strength'), keepFirstMargin: 0.3 }).rerank(question, hits))).toEqual(['113', '98', '99']);
    expect(ids(createArticleReranker({ ...modelFavouring('strength'), keepFirstMargin: 0.6 }).rerank(question, hits))).toEqual(['98', '113', '99']);
  });

  it('is hooked after the retriever in the answer search, which asks it for signals and its depth', () => {
    const calls: { k: number; signals?: boolean }[] = [];
    const retriever = {
      size: 3,
      search: (_query: string, options: { k: number; signals?: boolean }) => {
        calls.push(options);
        return hits.slice(0, options.k);
      },
    };
    const base = { retriever, normalizeQuery: (text: string) => text, askerOf: () => null, window: 5 };
    expect(ids(createAnswerLawSearch(base)('nghỉ hằng năm được mấy ngày', 2))).toEqual(['98', '99']);
    const reranked = createAnswerLawSearch({ ...base, reranker: createArticleReranker(modelFavouring('strength')) });
    expect(ids(reranked('nghỉ hằng năm được mấy ngày', 2))).toEqual(['113', '99']);
    expect(calls[1]).toMatchObject({ k: 3, signals: true });
  });
});
