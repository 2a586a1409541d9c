import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import type { PassageHit, SearchOptions } from '../retrieval/retriever.js';
import type { EvaluationQuestion } from './evaluation-questions.js';

/** `as_typed` uses each question as written; `folded` strips every diacritic first (the worst typing case). */
export type QueryView = 'as_typed' | 'folded';

export interface RetrievalMetrics {
  questions: number;
  /** Share of questions with a gold article at rank 1 / within the top 5 (hit rate: any gold counts). */
  recallAt1: number;
  recallAt5: number;
  /** Mean reciprocal rank of the first gold article within the top 10 (0 when absent). */
  mrrAt10: number;
  /** Questions whose gold is not in the top 5, for error analysis. */
  misses: { q: string; gold: string[]; top: string[] }[];
}

type Searcher = (query: string, options: SearchOptions) => PassageHit[] | Promise<PassageHit[]>;

const articleKey = (lawId: string, articleNo: string): string => `${lawId}#${articleNo}`;

/** Ranks each question with `search` and scores the ranking against its gold articles. */
export async function evaluateRetrieval(
  search: Searcher,
  questions: readonly EvaluationQuestion[],
  view: QueryView = 'as_typed',
): Promise<RetrievalMetrics> {
  let hitsAt1 = 0;
  let hitsAt5 = 0;
  let reciprocalRanks = 0;
  const misses: RetrievalMetrics['misses'] = [];

  for (const question of questions) {
    const query = view === 'folded' ? foldDiacritics(question.q) : question.q;
    const ranked = (await search(query, { k: 10 })).map((hit) => articleKey(hit.article.lawId, hit.article.articleNo));
    const gold = new Set(question.gold.map((item) => articleKey(item.law_id, item.article_no)));
    const firstRank = ranked.findIndex((key) => gold.has(key)) + 1;
    if (firstRank === 1) hitsAt1 += 1;
    if (firstRank >= 1 && firstRank <= 5) hitsAt5 += 1;
    else misses.push({ q: query, gold: [...gold], top: ranked.slice(0, 5) });
    if (firstRank >= 1) reciprocalRanks += 1 / firstRank;
  }
  const count = questions.length || 1;
  return {
    questions: questions.length,
    recallAt1: hitsAt1 / count,
    recallAt5: hitsAt5 / count,
    mrrAt10: reciprocalRanks / count,
    misses,
  };
}
