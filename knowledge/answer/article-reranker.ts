import { z } from 'zod';
import { linearModelSchema, loadLinearModel, parseLinearModel } from './linear-model-file.js';
import { linearModelScore } from './linear-model-score.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { articleTerms, RERANK_FEATURE_NAMES, rerankFeatures, type ArticleTerms, type RerankQuestion } from './rerank-features.js';

/**
 * The learned reranker of the law search's leading articles (D-answers-49): a linear model over rerank-features.ts,
 * features standardised with the training set's mean and spread, then weighted. Trained by `kb train-reranker`
 * (knowledge/eval/reranker-training.ts) on the dev answer batches; the runtime only loads the committed JSON.
 */
export const ArticleRerankerModelSchema = linearModelSchema({
  /** How many leading hits of the search are reordered. */
  depth: z.number().int().min(2).max(50),
  /**
   * Added to the search's first hit's score: another candidate leads only when the model prefers it by more than
   * this (the search's first is right more often than the model's runner-up: a demoted right first hit is a lost answer).
   */
  keepFirstMargin: z.number().min(0).default(0),
});

export type ArticleRerankerModel = z.infer<typeof ArticleRerankerModelSchema>;

const RERANKER_FILE = { schema: ArticleRerankerModelSchema, label: 'article reranker', featureNames: RERANK_FEATURE_NAMES, retrainCommand: 'kb train-reranker' };

/** Reorders the leading hits of one search; the hits past `depth` keep their order after them. */
export interface ArticleReranker {
  readonly depth: number;
  rerank(question: RerankQuestion, hits: readonly PassageHit[]): readonly PassageHit[];
}

/** A model file that is not JSON, does not fit the schema, or was trained on other features → `CONFIG_INVALID`. */
export function parseArticleRerankerModel(text: string): ArticleRerankerModel {
  return parseLinearModel(text, RERANKER_FILE);
}

export function loadArticleRerankerModel(file: string | URL): ArticleRerankerModel {
  return loadLinearModel(file, RERANKER_FILE);
}

/** The committed model (trained on every dev batch; `kb train-reranker --out`). */
export const DEFAULT_ARTICLE_RERANKER_MODEL = new URL('./data/article-reranker.json', import.meta.url);

export function rerankerScore(model: Pick<ArticleRerankerModel, 'mean' | 'spread' | 'weights'>, features: readonly number[]): number {
  return linearModelScore(model, features);
}

/** One cache of article word sets for every search (articles do not change while a retriever lives). */
export function createArticleTermsCache(): (article: LawArticle) => ArticleTerms {
  const cache = new Map<string, ArticleTerms>();
  return (article) => {
    let terms = cache.get(article.id);
    if (!terms) {
      terms = articleTerms(article);
      cache.set(article.id, terms);
    }
    return terms;
  };
}

/** Orders the leading `depth` hits by the model's score, the search's order breaking ties (a stable sort). */
export function createArticleReranker(model: ArticleRerankerModel, termsOf = createArticleTermsCache()): ArticleReranker {
  return {
    depth: model.depth,
    rerank(question, hits) {
      const head = hits.slice(0, model.depth);
      if (head.length < 2) return hits;
      const scores = rerankFeatures(question, head, termsOf).map((row, i) => rerankerScore(model, row) + (i === 0 ? model.keepFirstMargin : 0));
      const order = head.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      return [...order.map((i) => head[i] as PassageHit), ...hits.slice(model.depth)];
    },
  };
}
