import { fitGroupSoftmax, isInformativeGroup } from './softmax-group-fit.js';
import { createArticleTermsCache, type ArticleReranker, type ArticleRerankerModel } from '../answer/article-reranker.js';
import { RERANK_FEATURE_NAMES, rerankFeatures } from '../answer/rerank-features.js';
import type { AnswerEvalCase } from './answer-evaluation.js';

/** The candidates of one search: one feature vector each, and which of them are acceptable articles of the case. */
export interface RerankGroup {
  batch: string;
  id: string;
  features: number[][];
  positive: boolean[];
}

export interface RerankTrainingOptions {
  l2: number;
  iterations: number;
  learningRate: number;
  depth: number;
  keepFirstMargin: number;
  set: string;
}

export const DEFAULT_RERANK_TRAINING: Omit<RerankTrainingOptions, 'set'> = { l2: 0.01, iterations: 400, learningRate: 0.5, depth: 20, keepFirstMargin: 0 };

/** Only a search with both an acceptable and another candidate tells the model something about ordering. */
export function informativeGroup(group: RerankGroup): boolean {
  return isInformativeGroup(group);
}

/**
 * Fits the reranker as the unit chooser is fitted (chooser-training.ts): per search, a softmax over its candidates,
 * maximising the probability of the acceptable ones, L2 penalty, full-batch gradient descent on standardised
 * features (convex; the result does not depend on the order of the data).
 */
export function trainArticleReranker(groups: readonly RerankGroup[], options: RerankTrainingOptions): ArticleRerankerModel {
  const used = groups.filter(informativeGroup);
  const { mean, spread, weights } = fitGroupSoftmax(used, RERANK_FEATURE_NAMES.length, options);
  const batches = [...new Set(used.map((group) => group.batch))].sort();
  return {
    version: 1,
    features: [...RERANK_FEATURE_NAMES],
    mean,
    spread,
    weights,
    depth: options.depth,
    keepFirstMargin: options.keepFirstMargin,
    trainedOn: { set: options.set, batches, questions: used.length, l2: options.l2 },
  };
}

/**
 * A reranker that reorders nothing and records, for the case being searched, every candidate's features and whether
 * it is acceptable: the training data, collected through the search the answer makes. One group per case (the first
 * search of it).
 */
export function createRerankRecorder(depth: number): { reranker: ArticleReranker; searching(batch: string, item: AnswerEvalCase): void; groups(): RerankGroup[] } {
  const termsOf = createArticleTermsCache();
  const groups: RerankGroup[] = [];
  let current: { batch: string; item: AnswerEvalCase } | null = null;
  return {
    reranker: {
      depth,
      rerank(question, hits) {
        if (current) {
          const { batch, item } = current;
          const head = hits.slice(0, depth);
          groups.push({
            batch,
            id: item.id,
            features: rerankFeatures(question, head, termsOf),
            positive: head.map((hit) => item.cite.some((ok) => ok.law_id === hit.article.lawId && ok.article_no === hit.article.articleNo)),
          });
          current = null;
        }
        return hits;
      },
    },
    searching(batch, item) {
      current = { batch, item };
    },
    groups: () => [...groups],
  };
}
