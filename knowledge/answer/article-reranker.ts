import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { articleTerms, RERANK_FEATURE_NAMES, rerankFeatures, type ArticleTerms, type RerankQuestion } from './rerank-features.js';

/**
 * The learned reranker of the law search's leading articles (D-answers-49): a linear model over rerank-features.ts,
 * features standardised with the training set's mean and spread, then weighted. Trained by `kb train-reranker`
 * (knowledge/eval/reranker-training.ts) on the dev answer batches; the runtime only loads the committed JSON.
 */
export const ArticleRerankerModelSchema = z
  .object({
    version: z.literal(1),
    features: z.array(z.string().min(1)).min(1),
    mean: z.array(z.number()),
    spread: z.array(z.number().positive()),
    weights: z.array(z.number()),
    /** How many leading hits of the search are reordered. */
    depth: z.number().int().min(2).max(50),
    /**
     * Added to the search's first hit's score: another candidate leads only when the model prefers it by more than
     * this (the search's first is right more often than the model's runner-up: a demoted right first hit is a lost answer).
     */
    keepFirstMargin: z.number().min(0).default(0),
    trainedOn: z.object({ set: z.string(), batches: z.array(z.string()), questions: z.number().int().min(0), l2: z.number().min(0) }),
  })
  .superRefine((model, context) => {
    for (const key of ['mean', 'spread', 'weights'] as const) {
      if (model[key].length !== model.features.length) context.addIssue({ code: 'custom', path: [key], message: `expected ${model.features.length} values, one per feature` });
    }
  });

export type ArticleRerankerModel = z.infer<typeof ArticleRerankerModelSchema>;

/** Reorders the leading hits of one search; the hits past `depth` keep their order after them. */
export interface ArticleReranker {
  readonly depth: number;
  rerank(question: RerankQuestion, hits: readonly PassageHit[]): readonly PassageHit[];
}

/** A model file that is not JSON, does not fit the schema, or was trained on other features → `CONFIG_INVALID`. */
export function parseArticleRerankerModel(text: string): ArticleRerankerModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', 'article reranker model is not valid JSON', { cause: error, fields: [{ path: 'model', message: 'not valid JSON' }] });
  }
  const parsed = ArticleRerankerModelSchema.safeParse(json);
  if (!parsed.success) throw new AppError('CONFIG_INVALID', 'invalid article reranker model', { fields: fieldIssuesFromZod(parsed.error, 'model') });
  const expected = RERANK_FEATURE_NAMES.join(',');
  if (parsed.data.features.join(',') !== expected) {
    throw new AppError('CONFIG_INVALID', 'article reranker model was trained on other features: retrain it (kb train-reranker)', {
      fields: [{ path: 'model.features', message: `expected ${expected}` }],
    });
  }
  return parsed.data;
}

export function loadArticleRerankerModel(file: string | URL): ArticleRerankerModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `cannot read the article reranker model ${String(file)}`, { cause: error, fields: [{ path: 'model', message: 'cannot read' }] });
  }
  return parseArticleRerankerModel(text);
}

/** The committed model (trained on every dev batch; `kb train-reranker --out`). */
export const DEFAULT_ARTICLE_RERANKER_MODEL = new URL('./data/article-reranker.json', import.meta.url);

export function rerankerScore(model: Pick<ArticleRerankerModel, 'mean' | 'spread' | 'weights'>, features: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < model.weights.length; i += 1) score += (model.weights[i] as number) * (((features[i] as number) - (model.mean[i] as number)) / (model.spread[i] as number));
  return score;
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
