import type { Redactor } from '../../core/ports/redactor.js';
import { toNfc } from '../../core/text/vietnamese-fold.js';
import { actorOf, type Actor } from '../faq/actor-cue.js';
import { foldedSyllables } from '../faq/faq-text-features.js';
import type { LawRetriever, PassageHit } from '../retrieval/retriever.js';
import { splitStoryQuestion } from './asked-clause.js';
import type { ArticleReranker } from './article-reranker.js';
import { preferAskersSide } from './article-side.js';
import { preferCompulsoryScheme } from './insurance-scheme.js';
import { resolveKnowledgeOptions, type KnowledgeOptionsInput } from './knowledge-options.js';
import { focusQuestion, stripPersonalClauses } from './query-focus.js';

/**
 * What the answer path searches for a member's message: the redacted text without the clauses carrying personal
 * data, instructions, feelings, story figures and greetings (query-focus.ts). Shared with the retrieval diagnostic
 * so that it measures the search members actually get.
 */
export function questionSearchText(redactor: Redactor, text: string): string {
  return focusQuestion(stripPersonalClauses(redactor.redact(toNfc(text).trim())));
}

/** Who ends the job in the question (actor-cue.ts) when the side cue is on; null otherwise. */
export function createAskerOf(normalizeQuery: (text: string) => string, sideCue: boolean): (text: string) => Actor | null {
  return (text) => (sideCue ? actorOf(foldedSyllables(normalizeQuery(text))) : null);
}

export interface AnswerLawSearchDeps {
  retriever: LawRetriever;
  normalizeQuery: (text: string) => string;
  /** Who ends the job in the question (the side cue), null when not said or the cue is off. */
  askerOf: (text: string) => Actor | null;
  /** How many leading hits the two reorderings look at (the answer's sources and a little more). */
  window: number;
  /** Search a story's asked part above the story around it (asked-clause.ts); off: the whole text at one weight. */
  askedPartFirst?: boolean;
  /** Reorders the search's leading hits before the side and scheme reorderings (article-reranker.ts); none: the retriever's order. */
  reranker?: ArticleReranker;
}

/**
 * The law search in the order the answer reads it: the retriever's ranking of the normalised question, then, among
 * the leading `window` hits, the other side's articles after the asker's (article-side.ts) and the voluntary
 * scheme's twin articles after the employee's own (insurance-scheme.ts), unless that scheme is asked about.
 */
export function createAnswerLawSearch(deps: AnswerLawSearchDeps): (searchText: string, k: number) => readonly PassageHit[] {
  const search = (searchText: string, k: number): PassageHit[] => {
    // A message told as a story: what happened and what it asks lead the search, the story between counts less
    // (asked-clause.ts, RetrievalTuning storyTermWeight).
    const split = deps.askedPartFirst === false ? null : splitStoryQuestion(searchText, deps.normalizeQuery);
    if (!split) return deps.retriever.search(deps.normalizeQuery(searchText), { k });
    return deps.retriever.search(deps.normalizeQuery(split.focus), { k, story: deps.normalizeQuery(split.story) });
  };
  const reranked = (searchText: string, k: number, reranker: ArticleReranker): readonly PassageHit[] => {
    const split = deps.askedPartFirst === false ? null : splitStoryQuestion(searchText, deps.normalizeQuery);
    const depth = Math.max(k, reranker.depth);
    const hits = split
      ? deps.retriever.search(deps.normalizeQuery(split.focus), { k: depth, story: deps.normalizeQuery(split.story), signals: true })
      : deps.retriever.search(deps.normalizeQuery(searchText), { k: depth, signals: true });
    return reranker.rerank({ text: deps.normalizeQuery(searchText), asker: deps.askerOf(searchText) }, hits).slice(0, k);
  };
  return (searchText, k) => {
    const query = deps.normalizeQuery(searchText);
    const hits = deps.reranker ? reranked(searchText, k, deps.reranker) : search(searchText, k);
    return preferCompulsoryScheme(preferAskersSide(hits, deps.askerOf(searchText), deps.window), query, deps.window);
  };
}

export interface QuestionLawSearchDeps {
  retriever: LawRetriever;
  redactor: Redactor;
  queryNormalizer?: (text: string) => string;
  options?: KnowledgeOptionsInput;
  reranker?: ArticleReranker;
}

/**
 * For the retrieval diagnostic (knowledge/eval/retrieval-diagnostic.ts): a member's message → the text searched and
 * the hits, built from the same dependencies and options as `createKnowledgeService`. The service's later readings
 * of a weak story (its outer clauses, its last clause) are not searched here: this is the first, whole reading.
 */
export function createQuestionLawSearch(deps: QuestionLawSearchDeps): (text: string, k: number) => { searchText: string; hits: readonly PassageHit[] } {
  const options = resolveKnowledgeOptions(deps.options);
  const normalizeQuery = deps.queryNormalizer ?? ((text: string) => text);
  const search = createAnswerLawSearch({
    retriever: deps.retriever,
    normalizeQuery,
    askerOf: createAskerOf(normalizeQuery, options.sideCue),
    window: options.maxSources + 2,
    askedPartFirst: options.askedPartFirst,
    ...(deps.reranker ? { reranker: deps.reranker } : {}),
  });
  return (text, k) => {
    const searchText = questionSearchText(deps.redactor, text);
    return { searchText, hits: search(searchText, Math.max(k, options.retrievalK)) };
  };
}
