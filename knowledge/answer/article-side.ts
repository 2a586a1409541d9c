import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import type { Actor } from '../faq/actor-cue.js';

/**
 * Whose rights or duties an article sets out, read from its title: "Quyền đơn phương chấm dứt hợp đồng lao động của
 * người lao động" (Bộ luật Lao động Điều 35) is the worker's, "… của người sử dụng lao động" (Điều 36) the
 * employer's. The two share nearly every word, so the search and the FAQ's grams cannot tell them apart, and a
 * question on the worker's right to quit got the employer's grounds to dismiss (issue #11, D-answers-24). The asker's
 * side (actor-cue.ts) is who ends the job, so only titles on ending it count ("chấm dứt", "thôi việc", "sa thải"),
 * that open with "Quyền" or "Nghĩa vụ" and name exactly one side: "Quyền và nghĩa vụ của người lao động" is not the
 * worker's side of a dismissal. The representative organisations ("tổ chức đại diện người lao động") name no side.
 */
const OWNED = /^(?:quyen|nghia vu)\b/;
const ENDING = /\b(?:cham dut|thoi viec|sa thai)\b/;
const EMPLOYER = 'nguoi su dung lao dong';
const EMPLOYEE = 'nguoi lao dong';
const REPRESENTATIVE = /dai dien (?:nguoi su dung lao dong|nguoi lao dong)/g;

export function articleSide(title: string): Actor | null {
  const folded = foldDiacritics(title).toLowerCase().replace(REPRESENTATIVE, ' ');
  if (!OWNED.test(folded) || !ENDING.test(folded)) return null;
  const employer = folded.includes(EMPLOYER);
  const employee = folded.split(EMPLOYER).join(' ').includes(EMPLOYEE);
  if (employer === employee) return null;
  return employer ? 'employer' : 'employee';
}

/** Whether an article belongs to the side opposite the asker's (never when either is unknown). */
export function isOtherSide(title: string, asker: Actor | null): boolean {
  if (asker === null) return false;
  const side = articleSide(title);
  return side !== null && side !== asker;
}

/**
 * The hits in the order the asker's side reads them: among the first `window`, articles of the other side go after
 * the rest (a side question's first hit was the other side's article); order is kept otherwise.
 */
export function preferAskersSide<T extends { article: { title: string } }>(hits: readonly T[], asker: Actor | null, window: number): readonly T[] {
  if (asker === null) return hits;
  const head = hits.slice(0, window);
  const other = head.filter((hit) => isOtherSide(hit.article.title, asker));
  if (other.length === 0) return hits;
  return [...head.filter((hit) => !other.includes(hit)), ...other, ...hits.slice(window)];
}
