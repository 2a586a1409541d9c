import type { LawArticle } from '../../core/knowledge/law.js';
import { articleKey } from './citation.js';

export interface ParsedCitation {
  articleNo: string;
  /** Null when the model wrote `[Điều 98]` without the document number. */
  lawId: string | null;
  raw: string;
}

export interface CitationAudit {
  /** Retrieved articles the reply cites, in order of first citation. */
  cited: LawArticle[];
  /** Citations that point at nothing retrieved (or are ambiguous without a law id). */
  invalid: string[];
  /** Bracketed citations found, valid or not. */
  total: number;
}

const BRACKET = /\[([^\]]{1,120})\]/g;
const ARTICLE_IN_BRACKET = /điều\s+(\d{1,3}[a-z]?)/iu;
const LAW_ID = /\d+\/\d{4}\/[A-ZĐ0-9-]+/u;
const BARE_ARTICLE = /(?<![\p{L}[])điều\s+(\d{1,3}[a-z]?)(?![\d])/giu;

/** `[Điều 98, 45/2019/QH14]` (also `[Điều 98 - 45/2019/QH14]`, `[Điều 98]`). */
export function parseBracketCitations(reply: string): ParsedCitation[] {
  const citations: ParsedCitation[] = [];
  for (const match of reply.matchAll(BRACKET)) {
    const inner = match[1] ?? '';
    const article = ARTICLE_IN_BRACKET.exec(inner);
    if (!article?.[1]) continue;
    citations.push({ articleNo: article[1], lawId: LAW_ID.exec(inner)?.[0] ?? null, raw: match[0] });
  }
  return citations;
}

/**
 * Checks every citation of a reply against the retrieved articles. A bracket without a law id is accepted only
 * when exactly one retrieved article has that number. Article numbers mentioned in running text ("theo Điều
 * 35") must be retrieved ones or appear in the passages the model was shown (the law cross-references itself).
 */
export function auditReplyCitations(reply: string, retrieved: readonly LawArticle[], passagesText: string): CitationAudit {
  const byKey = new Map(retrieved.map((article) => [articleKey(article.lawId, article.articleNo), article]));
  const cited = new Map<string, LawArticle>();
  const invalid: string[] = [];
  const brackets = parseBracketCitations(reply);

  for (const citation of brackets) {
    let article: LawArticle | undefined;
    if (citation.lawId) {
      article = byKey.get(articleKey(citation.lawId, citation.articleNo));
    } else {
      const candidates = retrieved.filter((candidate) => candidate.articleNo === citation.articleNo);
      article = candidates.length === 1 ? candidates[0] : undefined;
    }
    if (article) cited.set(articleKey(article.lawId, article.articleNo), article);
    else invalid.push(citation.raw);
  }

  const retrievedNumbers = new Set(retrieved.map((article) => article.articleNo));
  const mentionedInPassages = new Set([...passagesText.matchAll(BARE_ARTICLE)].map((match) => match[1]));
  const outsideBrackets = reply.replace(BRACKET, ' ');
  for (const match of outsideBrackets.matchAll(BARE_ARTICLE)) {
    const articleNo = match[1] ?? '';
    if (!retrievedNumbers.has(articleNo) && !mentionedInPassages.has(articleNo)) invalid.push(match[0]);
  }

  return { cited: [...cited.values()], invalid, total: brackets.length };
}
