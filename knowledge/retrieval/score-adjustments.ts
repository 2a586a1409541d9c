import type { LawArticle } from '../../core/knowledge/law.js';
import { referencedArticleNumbers } from './article-references.js';
import type { LexicalIndex } from './lexical-index.js';
import { titleCoverage } from './match-strength.js';
import type { WeightedQuery } from './weighted-query.js';

/**
 * Articles whose number the member typed (`điều 35`) get the best score as a bonus, so they come first and
 * the rest of the question (`luật công đoàn`) decides between the documents that all have an Điều 35.
 */
const ARTICLE_REFERENCE_BONUS = 1;

/** Only this many best articles are ranked exactly; hybrid fusion and callers never look deeper. */
const EXACT_RANKING_DEPTH = 100;

/**
 * Multiplies scores by `1 + boost × titleCoverage²`. Coverage is computed only for articles that could still
 * reach the top EXACT_RANKING_DEPTH after the largest possible lift: most matches are far below and skipping
 * them is what keeps a query in the low milliseconds.
 */
export function applyTitleCoverage(index: LexicalIndex, query: WeightedQuery, boost: number, scores: Float64Array): void {
  const matched: number[] = [];
  scores.forEach((score, position) => {
    if (score > 0) matched.push(position);
  });
  let floor = 0;
  if (matched.length > EXACT_RANKING_DEPTH) {
    const sorted = matched.map((position) => scores[position] as number).sort((a, b) => b - a);
    floor = (sorted[EXACT_RANKING_DEPTH - 1] as number) / (1 + boost);
  }
  for (const position of matched) {
    const score = scores[position] as number;
    if (score < floor) continue;
    const coverage = titleCoverage(index, position, query.foldedTerms);
    scores[position] = score * (1 + boost * coverage * coverage);
  }
}

export function addArticleReferenceBonus(query: WeightedQuery, articles: readonly LawArticle[], scores: Float64Array): void {
  const numbers = referencedArticleNumbers(query.view);
  if (numbers.length === 0) return;
  const best = scores.reduce((max, score) => Math.max(max, score), 0);
  // The tiny extra keeps a named article above an unnamed one that reached the same score by itself.
  const bonus = ARTICLE_REFERENCE_BONUS * (best > 0 ? best : 1) * (1 + 1e-6);
  articles.forEach((article, position) => {
    if (numbers.includes(article.articleNo)) scores[position] = (scores[position] as number) + bonus;
  });
}

