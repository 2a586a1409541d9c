import type { LawArticle } from '../../core/knowledge/law.js';
import { articleKey } from './citation.js';

/** Finds one article by document and number; FAQ citations are resolved through it. */
export interface ArticleLookup {
  get(lawId: string, articleNo: string): LawArticle | undefined;
}

/** An in-memory lookup over the imported corpus (1,237 articles: a Map is all it needs). */
export function createArticleLookup(articles: Iterable<LawArticle>): ArticleLookup {
  const byKey = new Map<string, LawArticle>();
  for (const article of articles) byKey.set(articleKey(article.lawId, article.articleNo), article);
  return { get: (lawId, articleNo) => byKey.get(articleKey(lawId, articleNo)) };
}
