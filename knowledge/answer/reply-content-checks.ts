import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';

/**
 * Checks of what a model reply says beyond its figures (issue #11 item 8): dates and document numbers it was never
 * shown, personal data (the member's text is redacted, so any such data came from the model), and replies about
 * something else entirely under a valid citation.
 */

const DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
const LAW_ID = /\d+\/\d{4}\/[A-ZĐ0-9-]+/gu;

const dayKey = (day: string, month: string, year: string) => `${Number(day)}/${Number(month)}/${year}`;

/** Dates (dd/mm/yyyy) of the reply that are neither in the passages nor an effective date of a retrieved article. */
export function foreignDates(reply: string, passagesText: string, retrieved: readonly LawArticle[]): string[] {
  const known = new Set<string>();
  for (const match of passagesText.matchAll(DATE)) known.add(dayKey(match[1] as string, match[2] as string, match[3] as string));
  for (const article of retrieved) {
    const iso = article.effectiveDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(article.effectiveDate) : null;
    if (iso) known.add(dayKey(iso[3] as string, iso[2] as string, iso[1] as string));
  }
  return [...reply.matchAll(DATE)].filter((m) => !known.has(dayKey(m[1] as string, m[2] as string, m[3] as string))).map((m) => m[0]);
}

/** Document numbers ("38/2022/NĐ-CP") the reply names that no retrieved article belongs to. */
export function foreignDocuments(reply: string, retrieved: readonly LawArticle[]): string[] {
  const ids = new Set(retrieved.map((article) => article.lawId));
  return [...reply.matchAll(LAW_ID)].map((m) => m[0]).filter((id) => !ids.has(id));
}

const PERSONAL_DATA: readonly RegExp[] = [
  /(?<![\d.,])(?:\+?84|0)(?:[\s.-]?\d){9,10}(?![\d.,])/, // phone numbers
  /(?<![\d.,])\d{12}(?![\d.,])/, // CCCD
  /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[a-z]{2,}/iu, // e-mail
  /\b(?:tài khoản|tk|stk|số tài khoản)\b\D{0,12}\d{6,}/iu, // bank account
  /(?<![\d.,])\d{9,}(?![\d.,])/, // any other long identifier
];

/** The first piece of personal data in the reply that the passages do not contain, if any. */
export function personalDataIn(reply: string, passagesText: string): string | null {
  for (const pattern of PERSONAL_DATA) {
    const match = pattern.exec(reply);
    if (match && !passagesText.includes(match[0])) return match[0];
  }
  return null;
}

const CHAT_WORDS = new Set([
  'ban', 'toi', 'em', 'anh', 'chi', 'minh', 'la', 'va', 'co', 'khong', 'duoc', 'cua', 'cho', 'thi', 'ma', 'nhe', 'a',
  'nay', 'do', 'neu', 'hay', 'nen', 'can', 'se', 'da', 'dang', 'theo', 'voi', 'trong', 'khi', 'cac', 'mot', 'nhung',
  've', 'de', 'tai', 'o', 'nhu', 'vay', 'rang', 'tren', 'duoi', 'hon', 'rat', 'cung', 'van', 'con', 'chi', 'moi',
]);

/**
 * The share of the reply's words that the passages or the member's question also use. A reply restating the law
 * in plain words keeps most of its vocabulary; one about football, recipes or investments under a valid citation
 * shares almost none.
 */
export function groundedWordShare(reply: string, passagesText: string, memberText: string): number {
  const vocabulary = new Set(syllables(foldDiacritics(`${passagesText}\n${memberText}`).toLowerCase()));
  const words = syllables(foldDiacritics(reply.replace(/\[[^\]]*\]/g, ' ')).toLowerCase()).filter((w) => !CHAT_WORDS.has(w) && !/^\d/.test(w));
  if (words.length === 0) return 1;
  return words.filter((word) => vocabulary.has(word)).length / words.length;
}
