import type { LawDocument } from '../../core/knowledge/law.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * "luật cũ", "quy định cũ", "bộ luật cũ" (folded; "quy định cụ thể" folds to "quy dinh cu the" and is not one).
 */
const OLD_LAW_WORDS = /\b(?:luat|bo luat|blld|quy dinh|nghi dinh)\s+cu\b(?!\s+the)|\b(?:truoc day|ngay xua|hoi truoc)\b[^.?!]{0,30}\bluat\b/u;

/**
 * The law words a document's year follows when a member names a version ("bộ luật lao động 2012", "luật bhxh 2014").
 * Not "hợp đồng lao động" or "bhxh" alone: "ký hợp đồng lao động từ 2012", "đóng bhxh từ 2014" tell a story.
 */
const LAW_WORD = String.raw`\b(?:luat|blld)\b`;
/**
 * A year the member started or stopped at is a story even after a law word: "theo luật thì em đóng bảo hiểm từ 2014",
 * "làm từ tháng 10/2012".
 */
const STORY_BEFORE_YEAR = String.raw`(?<!\b(?:tu|den|tu nam|den nam|thang \d{1,2})[ /])`;

/**
 * Whether a question asks about a law no longer in force: it names an expired document by its number in full
 * ("10/2012/QH13"; "10/2012" alone is as often a month), by a law word and the year of its name ("bộ luật lao động
 * 2012", "luật 10/2012") or says "luật cũ". Only then is the old text quoted beside (or instead of) the one in
 * force; otherwise an expired document loses to the one that replaced it.
 * A year alone is not enough: "làm từ 2012 đến giờ" tells how long someone has worked.
 */
export function createOldLawQuestionTest(documents: readonly LawDocument[]): (question: string) => boolean {
  const expired = documents.filter((doc) => doc.status === 'expired');
  if (expired.length === 0) return () => false;
  const inForceYears = new Set(documents.filter((doc) => doc.status !== 'expired').map((doc) => yearOf(doc.name)));
  const years = [...new Set(expired.map((doc) => yearOf(doc.name)))].filter((year): year is string => year !== null && !inForceYears.has(year));
  const ids = expired.map((doc) => foldDiacritics(doc.lawId.toLowerCase()));
  const namedYear = years.length > 0 ? new RegExp(`${LAW_WORD}[^.?!]{0,30}?${STORY_BEFORE_YEAR}\\b(?:${years.join('|')})\\b`, 'u') : null;
  return (question) => {
    const folded = foldDiacritics(question.toLowerCase());
    return OLD_LAW_WORDS.test(folded) || ids.some((id) => folded.includes(id)) || (namedYear?.test(folded) ?? false);
  };
}

function yearOf(name: string): string | null {
  return /(\d{4})\s*$/u.exec(name)?.[1] ?? null;
}
