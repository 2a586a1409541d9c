import type { LawArticle } from '../../core/knowledge/law.js';
import { splitIntoClauses } from '../retrieval/clause-passages.js';
import { ANSWER_TEXTS } from './answer-texts.vi.js';
import { shortLawName } from './citation.js';
import type { PromptSource } from './grounded-prompt.vi.js';

export interface ExtractiveOptions {
  /** Characters of quoted law text in total; a chat message should fit on one phone screen or two. */
  charBudget: number;
  maxArticles: number;
  maxPassages: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = { charBudget: 900, maxArticles: 2, maxPassages: 3 };

const MIN_QUOTE = 160;

/** `Theo khoản 1 Điều 98 Bộ luật Lao động 2019` (no khoản for lead-in text or single-paragraph articles). */
export function sourcePhrase(article: LawArticle, clauseNo: string | null): string {
  const clause = clauseNo ? `khoản ${clauseNo} ` : '';
  return `Theo ${clause}Điều ${article.articleNo} ${shortLawName(article.lawName, article.lawId)}`;
}

/** Cuts at the last line, clause or sentence end before `limit`, so a quote never stops mid-word. */
export function trimQuote(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const window = text.slice(0, limit);
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('; '), window.lastIndexOf('. '), window.lastIndexOf(', '));
  const end = cut > limit * 0.5 ? cut : window.lastIndexOf(' ');
  return `${window.slice(0, end > 0 ? end : limit).replace(/[;,:.\s]+$/u, '')}…`;
}

/**
 * A lead-in that announces a list ("...được trả lương như sau:") says nothing alone: follow it with the clauses
 * of the article that come after it.
 */
function withContinuation(article: LawArticle, clauseNo: string | null, text: string): string {
  if (!text.trimEnd().endsWith(':')) return text;
  const clauses = splitIntoClauses(article.text);
  const at = clauses.findIndex((clause) => clause.clauseNo === clauseNo && text.startsWith(clause.text.slice(0, 20)));
  if (at < 0) return text;
  return [text, ...clauses.slice(at + 1).map((clause) => clause.text)].join('\n');
}

function quoteBody(text: string): string {
  return text.replace(/^\d{1,3}\.\s+/, '').trim();
}

/** Quotes the best clauses in readable Vietnamese; returns the articles it quoted (the only ones it may cite). */
export function composeExtractiveAnswer(
  sources: readonly PromptSource[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
): { body: string; quoted: LawArticle[] } {
  const parts: string[] = [ANSWER_TEXTS.extractiveIntro];
  const quoted: LawArticle[] = [];
  let budget = options.charBudget;
  let passagesUsed = 0;

  for (const source of sources.slice(0, options.maxArticles)) {
    let quotedThisArticle = false;
    for (const passage of source.passages) {
      if (passagesUsed >= options.maxPassages || budget < MIN_QUOTE) break;
      const full = quoteBody(withContinuation(source.article, passage.clauseNo, passage.text));
      const quote = trimQuote(full, Math.max(MIN_QUOTE, budget));
      parts.push(`${sourcePhrase(source.article, passage.clauseNo)}: ${quote}`);
      budget -= quote.length;
      passagesUsed += 1;
      quotedThisArticle = true;
    }
    if (quotedThisArticle) {
      quoted.push(source.article);
      if (source.article.status === 'expired') parts.push(ANSWER_TEXTS.expiredNote);
    }
  }
  return { body: parts.join('\n\n'), quoted };
}
