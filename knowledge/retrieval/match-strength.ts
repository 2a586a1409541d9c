import { fieldContains, inverseDocumentFrequency } from './bm25-field.js';
import type { LexicalIndex } from './lexical-index.js';
import { unigramsAndBigrams } from './text-views.js';
import type { WeightedQuery } from './weighted-query.js';

/**
 * Below this strength a hit is too weak to answer from (answers should say "not covered"). Also used here: when
 * the best in-force article is that weak but an expired one is not, the expired documents join the ranking (still below the
 * articles that replaced them), because the question is probably about a provision only the old law had.
 */
export const RECOMMENDED_MIN_STRENGTH = 0.35;

/** Credit for a question term typed with diacritics that the article has only in another accent form. */
const FOLDED_ONLY_CREDIT = 0.5;
/** Words the corpus never uses count half: they are often chat abbreviations rather than content. */
const UNKNOWN_TERM_DISCOUNT = 0.5;

/**
 * How much of the question an article accounts for, in [0, 1]: the IDF-weighted share of the question's
 * content syllables and syllable pairs that the article contains (a synonym counts when the article has the
 * legal phrase). Unlike a BM25 score it is comparable across questions, so it can gate "not covered"
 * answers: a question about football shares a few common syllables with the labour code but not its pairs.
 * Questions typed with diacritics are judged on the accented text (`bóng đá` is not `bổng` + `đã`).
 */
export function matchStrength(index: LexicalIndex, query: WeightedQuery, articleIndex: number): number {
  if (query.coverage.length === 0) return 0;
  const fields = (view: 'accented' | 'folded') => [index.body[view], index.title[view]];
  const inArticle = (view: 'accented' | 'folded', term: string): boolean =>
    fields(view).some((field) => fieldContains(field, term, articleIndex));
  const known = (view: 'accented' | 'folded', term: string): boolean => fields(view).some((field) => field.postings.has(term));
  const hasFolded = (term: string): boolean => inArticle('folded', term);

  const coveredSpans = query.expansions
    .filter((expansion) => expansion.legal.some((legal) => unigramsAndBigrams(legal.folded).every(hasFolded)))
    .map((expansion) => expansion.span);
  const insideCoveredSpan = (start: number, end: number): boolean =>
    coveredSpans.some(([spanStart, spanEnd]) => start >= spanStart && end <= spanEnd);

  const view = query.accentedQuery ? 'accented' : 'folded';
  const totals = { unigram: 0, bigram: 0, unigramHit: 0, bigramHit: 0 };
  for (const { term, folded, start, end, weight: termWeight } of query.coverage) {
    let weight = inverseDocumentFrequency(index.body[view], term) * termWeight;
    if (!known(view, term) && !known('folded', folded)) weight *= UNKNOWN_TERM_DISCOUNT;
    let credit = 0;
    if (inArticle(view, term) || insideCoveredSpan(start, end)) credit = 1;
    else if (view === 'accented' && hasFolded(folded)) credit = FOLDED_ONLY_CREDIT;
    if (end - start === 1) {
      totals.unigram += weight;
      totals.unigramHit += weight * credit;
    } else {
      totals.bigram += weight;
      totals.bigramHit += weight * credit;
    }
  }
  const unigramShare = totals.unigram > 0 ? totals.unigramHit / totals.unigram : 0;
  if (totals.bigram === 0) return unigramShare;
  return 0.5 * unigramShare + 0.5 * (totals.bigramHit / totals.bigram);
}

/**
 * IDF-weighted share of an article title's folded terms that the question (with its synonyms) contains.
 */
export function titleCoverage(index: LexicalIndex, articleIndex: number, queryTerms: ReadonlyMap<string, number>): number {
  const terms = index.titleTerms[articleIndex] as readonly { term: string; idf: number }[];
  let total = 0;
  let covered = 0;
  for (const { term, idf } of terms) {
    total += idf;
    const weight = queryTerms.get(term);
    if (weight !== undefined) covered += idf * Math.min(1, weight);
  }
  return total > 0 ? covered / total : 0;
}
