import type { TextView } from './text-views.js';

/**
 * Article numbers a member names outright: `điều 35`, `dieu 98`, `đ.113`. They are rare but unambiguous,
 * so the ranker lifts articles with that number and lets the rest of the question pick the law.
 */
export function referencedArticleNumbers(query: TextView): string[] {
  const numbers: string[] = [];
  for (let i = 0; i + 1 < query.folded.length; i += 1) {
    const word = query.folded[i];
    const next = query.folded[i + 1] as string;
    if ((word === 'dieu' || word === 'd') && /^\d{1,3}$/.test(next)) numbers.push(next);
  }
  return numbers;
}
