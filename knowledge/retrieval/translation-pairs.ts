import type { LawArticle } from '../../core/knowledge/law.js';
import type { ArticlePhrasings } from './article-phrasings.js';
import { splitIntoClauses } from './clause-passages.js';
import type { TranslationPair } from './translation-model.js';

/**
 * The pairs the translation table learns from (D-answers-52): each members' question the retriever is given as a
 * phrasing (the FAQ's questions and variants, the article and clause phrasing files) against the law text that
 * answers it: the article's title and text, or for a clause phrasing its khoản as `splitIntoClauses` numbers it.
 * Never the evaluation sets (they measure it). Phrasings of articles not accepted (expired, not in the corpus) or of
 * a khoản the article lacks are left out; a question paired twice with one text (the FAQ and a file agreeing) once.
 */
export function translationPairs(
  articles: readonly LawArticle[],
  phrasings: readonly ArticlePhrasings[],
  accepts: (position: number) => boolean,
  terms: { question: (text: string) => string[]; law: (text: string) => string[] },
): TranslationPair[] {
  const positionByKey = new Map(articles.map((article, position) => [`${article.lawId}#${article.articleNo}`, position]));
  const sources = new Map<string, string[] | null>();
  const sourceOf = (position: number, clauseNo: string | undefined): string[] | null => {
    const key = `${position}#${clauseNo ?? ''}`;
    if (!sources.has(key)) {
      const article = articles[position] as LawArticle;
      const text = clauseNo === undefined ? `${article.title}\n${article.text}` : splitIntoClauses(article.text).find((clause) => clause.clauseNo === clauseNo)?.text;
      sources.set(key, text === undefined ? null : terms.law(text));
    }
    return sources.get(key) ?? null;
  };
  const seen = new Set<string>();
  const pairs: TranslationPair[] = [];
  for (const entry of phrasings) {
    const position = positionByKey.get(`${entry.lawId}#${entry.articleNo}`);
    if (position === undefined || !accepts(position)) continue;
    const source = sourceOf(position, entry.clauseNo);
    if (!source || source.length === 0) continue;
    for (const phrasing of entry.phrasings) {
      const target = terms.question(phrasing);
      const key = `${position}#${entry.clauseNo ?? ''}#${target.join(' ')}`;
      if (target.length === 0 || seen.has(key)) continue;
      seen.add(key);
      pairs.push({ source, target });
    }
  }
  return pairs;
}
