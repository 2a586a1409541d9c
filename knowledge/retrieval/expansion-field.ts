import type { LawArticle } from '../../core/knowledge/law.js';
import type { ArticlePhrasings } from './article-phrasings.js';
import { buildBm25Field, foldBm25Field, inverseDocumentFrequency, type Bm25Params } from './bm25-field.js';
import type { ViewFields } from './lexical-index.js';
import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { fillerRulesFor, type FillerRules } from './query-fillers.js';
import { unigramsAndBigrams, type TextAnalyzer } from './text-views.js';
import type { WeightedQuery } from './weighted-query.js';

/**
 * The document expansion (D-answers-44): the questions members ask that an article answers, one BM25 document per
 * phrasing (both views), so that an article is found by the best of its phrasings rather than by a bag of all of
 * them, where each common word of twenty questions adds up.
 */
export interface ExpansionIndex {
  fields: ViewFields;
  /** Article position of each phrasing (non-decreasing). */
  phrasingArticle: Int32Array;
  /** The khoản each phrasing asks about (clause phrasings, D-answers-47); null for a phrasing of the whole article. */
  phrasingClause: readonly (string | null)[];
  /** How many distinct phrasings each article has. */
  counts: Int32Array;
  /** Each phrasing's content terms (folded; fillers out, as the question's own are), with their IDF over the phrasings. */
  contentTerms: readonly (readonly { term: string; idf: number }[])[];
}

/**
 * Indexes the phrasings of the articles `accepts` lets in (in force): a phrasing naming an article that is not in
 * the corpus, or not accepted, is dropped. Duplicates of one article (the FAQ and a phrasing file agreeing) count once.
 * `prepare` is the members' query normaliser: the phrasings are members' text and are read like their questions.
 */
export function buildExpansionIndex(
  articles: readonly LawArticle[],
  phrasings: readonly ArticlePhrasings[],
  accepts: (position: number) => boolean,
  analyzer: TextAnalyzer,
  params: Bm25Params,
  prepare: (text: string) => string,
): ExpansionIndex {
  const positionByKey = new Map(articles.map((article, position) => [`${article.lawId}#${article.articleNo}`, position]));
  // Per article, each distinct phrasing with the khoản it asks about (the first entry naming it wins).
  const byArticle = new Map<number, Map<string, string | null>>();
  for (const entry of phrasings) {
    const position = positionByKey.get(`${entry.lawId}#${entry.articleNo}`);
    if (position === undefined || !accepts(position)) continue;
    let owned = byArticle.get(position);
    if (!owned) byArticle.set(position, (owned = new Map()));
    for (const phrasing of entry.phrasings) {
      const text = prepare(phrasing).trim().toLowerCase();
      if (!owned.has(text)) owned.set(text, entry.clauseNo ?? null);
    }
  }
  const documents: string[][] = [];
  const contents: string[][] = [];
  const owners: number[] = [];
  const clauses: (string | null)[] = [];
  const counts = new Int32Array(articles.length);
  for (const position of [...byArticle.keys()].sort((a, b) => a - b)) {
    for (const [phrasing, clauseNo] of byArticle.get(position) as Map<string, string | null>) {
      const tokens = analyzer.accented(phrasing);
      if (tokens.length === 0) continue;
      documents.push(unigramsAndBigrams(tokens));
      contents.push(contentTermsOf(tokens.map(analyzer.fold), hasDiacritics(phrasing) ? tokens : tokens.map(analyzer.fold), fillerRulesFor(hasDiacritics(phrasing), analyzer.fold)));
      owners.push(position);
      clauses.push(clauseNo);
      counts[position] = (counts[position] as number) + 1;
    }
  }
  const foldTerm = (term: string): string => (term.includes(' ') ? term.split(' ').map(analyzer.fold).join(' ') : analyzer.fold(term));
  const accented = buildBm25Field(documents, params);
  const fields = { accented, folded: foldBm25Field(accented, foldTerm) };
  const contentTerms = contents.map((terms) => terms.map((term) => ({ term, idf: inverseDocumentFrequency(fields.folded, term) })));
  return { fields, phrasingArticle: Int32Array.from(owners), phrasingClause: clauses, counts, contentTerms };
}

/**
 * IDF-weighted share of the question's own content terms (folded, fillers out, synonyms not counted) that each
 * phrasing contains: 1 when a phrasing holds every word of the question, small when it shares one common word.
 */
export function phrasingCoverage(index: ExpansionIndex, query: WeightedQuery): Float64Array {
  const field = index.fields.folded;
  const covered = new Float64Array(field.documentCount);
  let total = 0;
  const seen = new Set<string>();
  for (const { folded, weight } of query.coverage) {
    if (seen.has(folded)) continue;
    seen.add(folded);
    const termWeight = weight * inverseDocumentFrequency(field, folded);
    total += termWeight;
    const list = field.postings.get(folded);
    if (!list) continue;
    for (let i = 0; i < list.docs.length; i += 1) covered[list.docs[i] as number] = (covered[list.docs[i] as number] as number) + termWeight;
  }
  if (total > 0) for (let i = 0; i < covered.length; i += 1) covered[i] = (covered[i] as number) / total;
  return covered;
}

/** An article's best phrasing for a question: its value (BM25 × match^exponent), which phrasing, and the match. */
export interface PhrasingMatch {
  value: number;
  phrasing: number;
  /** The larger of the phrasing's coverage of the question and the question's of the phrasing, in [0, 1]. */
  match: number;
}

/**
 * Each article's best phrasing for the question, valued `BM25(phrasing) × match^exponent`, where match is the larger
 * of the phrasing's coverage of the question and the question's coverage of the phrasing (a story-wrapped question
 * holds the whole of "bao nhiêu tuổi mới được đi làm" and many words besides). The best single phrasing counts, and
 * only as far as the two overlap: a phrasing that shares one common word ("lương") with the question lends little
 * either way, one that asks the same thing lends its whole BM25 score.
 * `scoreField` is the retriever's own per-view BM25 (accented and folded, as the question was typed). Phrasings
 * matching less than `minMatch` count for nothing.
 */
export function bestPhrasingPerArticle(
  index: ExpansionIndex,
  query: WeightedQuery,
  coverageExponent: number,
  scoreField: (fields: ViewFields, weight: number, into: Float64Array) => void,
  minMatch = 0,
): Map<number, PhrasingMatch> {
  const best = new Map<number, PhrasingMatch>();
  if (index.phrasingArticle.length === 0) return best;
  const phrasingScores = new Float64Array(index.phrasingArticle.length);
  scoreField(index.fields, 1, phrasingScores);
  const coverage = phrasingCoverage(index, query);
  // A word of the story around the question counts `storyTermWeight`, as in match strength (D-answers-39).
  const asked = new Map<string, number>();
  for (const { folded, weight } of query.coverage) asked.set(folded, Math.max(weight, asked.get(folded) ?? 0));
  phrasingScores.forEach((score, phrasing) => {
    if (score <= 0) return;
    // Either way round: the phrasing holds the question, or the question (a story around it) holds the phrasing.
    const match = Math.max(coverage[phrasing] as number, questionCoverageOfPhrasing(index, phrasing, asked));
    if (match < minMatch) return;
    const value = score * match ** coverageExponent;
    const article = index.phrasingArticle[phrasing] as number;
    if (value > (best.get(article)?.value ?? 0)) best.set(article, { value, phrasing, match });
  });
  return best;
}

/**
 * Adds `weight × value of the article's best phrasing` (`bestPhrasingPerArticle`) to each article's score; returns
 * the best phrasings.
 */
export function addExpansionScores(
  index: ExpansionIndex,
  query: WeightedQuery,
  scoring: { weight: number; coverageExponent: number },
  scoreField: (fields: ViewFields, weight: number, into: Float64Array) => void,
  articleScores: Float64Array,
): Map<number, PhrasingMatch> {
  if (scoring.weight <= 0) return new Map();
  const best = bestPhrasingPerArticle(index, query, scoring.coverageExponent, scoreField);
  for (const [article, { value }] of best) articleScores[article] = (articleScores[article] as number) + scoring.weight * value;
  return best;
}

/** Distinct folded content unigrams and bigrams of two content syllables (`judged` in the form the rules expect). */
function contentTermsOf(folded: readonly string[], judged: readonly string[], rules: FillerRules): string[] {
  const content = judged.map((syllable) => !rules.isUnigramFiller(syllable));
  const terms = new Set<string>();
  folded.forEach((syllable, i) => {
    if (content[i]) terms.add(syllable);
  });
  for (let i = 0; i + 1 < folded.length; i += 1) if (content[i] && content[i + 1]) terms.add(`${folded[i]} ${folded[i + 1]}`);
  return [...terms];
}

/**
 * A phrasing of fewer content syllables ("lương thế nào" is "lương" once fillers are out) is held by every question
 * that says the word: only the question's coverage of it counts then.
 */
const MIN_HELD_PHRASING_SYLLABLES = 2;

/**
 * IDF-weighted share of a phrasing's own content terms that the question holds, each counted at its weight in the
 * question (`asked`: 1, or `storyTermWeight` for a word only of the story around it); 0 for too short a phrasing.
 */
export function questionCoverageOfPhrasing(index: ExpansionIndex, phrasing: number, asked: ReadonlyMap<string, number>): number {
  const terms = index.contentTerms[phrasing] ?? [];
  if (terms.filter(({ term }) => !term.includes(' ')).length < MIN_HELD_PHRASING_SYLLABLES) return 0;
  let total = 0;
  let held = 0;
  for (const { term, idf } of terms) {
    total += idf;
    held += idf * (asked.get(term) ?? 0);
  }
  return total > 0 ? held / total : 0;
}
