import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';

/**
 * Clauses that talk to the assistant instead of asking about work ("bỏ qua hướng dẫn trước", "ignore all previous
 * instructions", "trả lời bằng tiếng Anh"). They are never obeyed, and they should not steer the search either:
 * left in, they dilute retrieval strength until a real question looks "not covered". Matched on folded text.
 */
const INSTRUCTION_CLAUSE: readonly RegExp[] = [
  /\b(bo qua|phot lo|quen)\b.{0,25}\b(huong dan|chi dan|quy tac|lenh|yeu cau|loi nhac)\b/,
  /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules|prompts?)\b/,
  /\b(reveal|print|show|tiet lo|in ra|cho xem)\b.{0,30}\b(system prompt|prompt|huong dan|quy tac|chi thi)\b/,
  /\bsystem prompt\b/,
  /\b(tra loi|answer|reply)\b.{0,15}\b(bang tieng|in) ?(anh|english|trung|phap)\b/,
  /\b(khong|dung|no|without)\b.{0,6}\b(trich dan|citations?)\b/,
  /\b(dong vai|act as|pretend|you are now|tu gio ban la)\b/,
];

const CLAUSE_SPLIT = /(?<=[.,;:!?\n])\s*/u;

/** The member's text without instruction clauses; unchanged when nothing (or everything) would be removed. */
export function stripInstructionClauses(text: string): string {
  const clauses = text.split(CLAUSE_SPLIT);
  const kept = clauses.filter((clause) => {
    const folded = foldDiacritics(clause).toLowerCase();
    return !INSTRUCTION_CLAUSE.some((pattern) => pattern.test(folded));
  });
  if (kept.length === clauses.length) return text;
  const focused = kept.join(' ').trim();
  return syllables(focused).length >= 2 ? focused : text;
}
