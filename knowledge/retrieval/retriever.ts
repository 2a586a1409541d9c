import type { RetrievalSignals } from './retrieval-signals.js';
import type { LawArticle } from '../../core/knowledge/law.js';

/** One retrieved article with the clauses (khoản) that explain why it matched. */
export interface PassageHit {
  article: LawArticle;
  /** Clause-level passages (khoản) of the article that matched best, best first; each a full paragraph line-set. */
  passages: { clauseNo: string | null; text: string; score: number }[];
  /** Fused/BM25 score, higher is better. Only comparable within one search. */
  score: number;
  /**
   * Normalised strength in [0,1] usable for thresholds ("not covered" when weak): the IDF-weighted share of the
   * question's content words and word pairs the article contains (synonyms count). Comparable across
   * questions, unlike `score`. RECOMMENDED_MIN_STRENGTH (law-retriever.ts) is 0.35.
   */
  strength: number;
  /**
   * The khoản whose members' phrasing (clause phrasings, D-answers-47) matched the question best, and how much of the
   * two overlap (`match` in [0, 1], the larger of the phrasing's coverage of the question and the question's of it).
   * Absent when no clause phrasing of the article shares a word with the question.
   */
  phrasedClause?: { clauseNo: string; match: number };
  /** What each part of the ranking added to `score` (retrieval-signals.ts); only when `SearchOptions.signals`. */
  signals?: RetrievalSignals;
  /**
   * The mean log-likelihood of the question's words given the article under the learned word-translation model
   * (article-translation.ts, D-answers-52); only when `SearchOptions.signals`. Comparable within one search.
   */
  translation?: number;
}

export interface SearchOptions {
  k: number;
  /** Expired documents are hidden unless asked for, or unless nothing in force matches. */
  includeExpired?: boolean;
  /**
   * The story told around the question (the query is then the asked part alone): searched too, but its words weigh
   * less (RetrievalTuning `storyTermWeight`).
   */
  story?: string;
  /** Attach each hit's `signals` (the score per field and lift), for a reranker that reads them. */
  signals?: boolean;
}

/** Synchronous lexical retrieval over the law corpus. */
export interface LawRetriever {
  search(query: string, options: SearchOptions): PassageHit[];
  readonly size: number;
}

/**
 * Retrieval that may also consult an embedding model (dense + BM25 fused by reciprocal rank).
 * `searchAsync` falls back to the lexical result when no embedding provider is configured.
 */
export interface AsyncLawRetriever extends LawRetriever {
  searchAsync(query: string, options: SearchOptions): Promise<PassageHit[]>;
}
