import { readMinimumAsAtLeast } from './minimum-quantifier.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { readKinDeath } from './kin-death.js';

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

/**
 * Feelings told around a question ("đau bụng quá", "bực lắm", "chán quá", "mệt mỏi quá", "buồn ghê"): a feeling word
 * followed by an intensifier. They say how the member feels, not what is asked, and left in they outweigh the few
 * words of a short question ("đến tháng đau bụng quá có được nghỉ không" matched nothing; issue #11, dev-7). Matched
 * on folded text; "lắm" folds to "lam" (= "làm"), so it counts only before punctuation, the end or "mà/nên".
 */
const FEELING = String.raw`(?:buc minh|buc|chan nan|chan|buon|met moi|met|moi chan|moi lung|moi|dau bung|dau dau|dau lung|kho chiu|kho|tuc|nan|so|lo|ngot ngat|nong)`;
/**
 * "mấy hôm nay", "mấy ngày nay", "dạo này": when the story happened. Its "mấy" is not a question, yet it made the
 * question look like it asked "how many days" ("con em sốt mấy hôm nay, con 2 tuổi ốm thì mẹ được nghỉ mấy ngày").
 */
const STORY_TIME = String.raw`(?:may (?:hom|bua|ngay|tuan|thang|nam) (?:nay|roi|qua)|dao nay|gan day|suot may (?:hom|ngay|thang))`;
/**
 * A worry with what is feared, then an intensifier before punctuation or the end: "lo mất việc lắm", "sợ bị đuổi
 * quá". What is feared is not what is asked: "bị máy dập tay, lo mất việc lắm, ngày nghỉ điều trị có được trả lương
 * không" was answered with severance (dev-10 q041, D-answers-24). Only "bị …" or "mất …" after the worry word, so
 * "sổ" (also folded "so") and "lo" in other senses stay.
 */
const WORRY = String.raw`(?:lo|so)\s+(?:bi|mat)(?:\s+\p{L}+){0,3}?\s+(?:lam|qua|ghe)(?=\s*(?:[,.;!?\n]|$))`;
const FEELING_PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${WORRY}|${FEELING}\s+(?:qua|ghe|vl|vcl|that su|lam(?=\s*(?:[,.;!?\n]|$|ma\b|nen\b)))|${STORY_TIME})(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Figures the member states about their own case: sums of money ("bị trừ 100 nghìn", "lương cb 4tr", "1tr5") and how
 * long it has gone on ("8 tháng nay", "2 tháng rồi"). They tell the story, not what is asked, and no rule is found
 * by them: left in, they count as unmatched words, so the right FAQ entry stays under its threshold and retrieval
 * strength under "not covered" (issue #11, dev-7: "đi làm muộn có 5 phút mà bị trừ 100 nghìn, vậy có đúng luật
 * không"). Ages, regions, hours and percentages stay: entries and articles are told apart by them ("17 tuổi", "vùng 1").
 */
const STORY_FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)*\s*(?:k|ka|nghin|ngan|tr|trieu|cu|d|dong|vnd)(?:\d+)?|\d+\s*(?:hom|bua|ngay|tuan|thang|nam)\s*(?:nay|roi|qua))(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Greetings and polite lead-ins around a question: "chào ad", "chị ơi", "mn ơi", "cho em hỏi", "em muốn hỏi chút".
 * The members' normaliser expands "ad" to "quản trị viên", which the law does use, and the rest are words no rule
 * is found by: a greeting and a lead-in took a short question under "not covered" (dev-8, "chào ad, …, cho em hỏi 1
 * năm được nghỉ phép mấy ngày ạ").
 */
const ADDRESSEE = String.raw`(?:ad|admin|anh chi|anh|chi|mn|moi nguoi|ca nha|ban|cong doan|cd|co|chu|bac)`;
const ASKER = String.raw`(?:em|e|minh|toi|tui|chau|to)`;
const POLITE = String.raw`(?: (?:chut|xiu|ti|voi|nhe|nha|a))*`;
const LEAD_IN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:xin )?chao ${ADDRESSEE}(?: a)?|${ADDRESSEE} oi+|(?:cho|xin|xin phep cho|cho phep) (?:${ASKER} )?(?:duoc )?hoi${POLITE}|${ASKER} (?:muon|xin|can) hoi${POLITE})(?![\p{L}\p{N}])`,
  'gu',
);

/** The member's text without the spans `pattern` finds (matched on folded text); unchanged when too little would be left. */
function dropSpans(text: string, pattern: RegExp): string {
  const nfc = text.normalize('NFC');
  const folded = foldDiacritics(nfc).toLowerCase();
  if (folded.length !== nfc.length) return text;
  let kept = '';
  let from = 0;
  for (const match of folded.matchAll(pattern)) {
    kept += nfc.slice(from, match.index);
    from = match.index + match[0].length;
  }
  if (from === 0) return text;
  const focused = (kept + nfc.slice(from)).replace(/\s+([,.;!?])/g, '$1').replace(/([,.;!?])(\s*[,.;!?])+/g, '$1').replace(/\s{2,}/g, ' ').replace(/^[\s,.;!?]+/, '').trim();
  return syllables(focused).length >= 3 ? focused : text;
}

/** The member's text without feelings told around the question; unchanged when too little would be left. */
export function stripFeelingPhrases(text: string): string {
  return dropSpans(text, FEELING_PHRASE);
}

/** The member's text without greetings and polite lead-ins; unchanged when too little would be left. */
export function stripLeadIns(text: string): string {
  return dropSpans(text, LEAD_IN);
}

/** The member's text without the sums and durations of their own story; unchanged when too little would be left. */
export function stripStoryFigures(text: string): string {
  return dropSpans(text, STORY_FIGURE);
}

/** A redaction placeholder ("[SĐT]", "[TÊN]", "[CCCD]"…): the Redactor port writes personal data as a short bracketed label. */
const PLACEHOLDER = /\[[^\][\n]{1,20}\]/gu;

/**
 * Reads the redacted message: the clauses that carry personal data ("em là [TÊN]", "sđt [SĐT]") introduce the
 * member and are dropped, and any placeholder left goes too. Searched as typed, a name, a phone number and a place
 * outweighed a short question ("chào ad, em là Nguyễn Thị Hoa, sđt 09…, cho em hỏi 1 năm được nghỉ phép mấy ngày"
 * was answered with the article on what a company's registration lists; issue #11 item 8, dev-8).
 */
export function stripPersonalClauses(redacted: string): string {
  const hasPlaceholder = (clause: string): boolean => clause.search(PLACEHOLDER) >= 0;
  if (!hasPlaceholder(redacted)) return redacted;
  const clauses = redacted.split(CLAUSE_SPLIT);
  const kept = clauses.filter((clause) => !hasPlaceholder(clause)).join(' ').trim();
  const focused = syllables(kept).length >= 3 ? kept : redacted;
  return focused.replace(PLACEHOLDER, ' ').replace(/\s+([,.;!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

/** Where a story's clauses part: after a punctuation mark, or at a line break. */
const STORY_CLAUSE_SPLIT = /(?<=[.,;:!?])\s+|\n+/u;

/**
 * A story's outer clauses: what happened (the first clause) and what is asked (the last), without the clauses told
 * in between (how the member coped, what else went on). In "em bị máy dập cắt đứt ngón tay, nằm viện cả tháng, đau
 * thì ít mà lo tiền nhà tiền ăn thì nhiều, trong lúc điều trị công ty có phải trả lương cho em không" the middle
 * clauses share words with no rule, so no article covered enough of the message to be quoted (dev-12 s021), while
 * the first and last clauses alone reach the accident article. Null when the message has fewer than three clauses
 * or the outer clauses would be too short to search.
 */
export function storyOuterClauses(text: string): string | null {
  const clauses = storyClauses(text);
  if (clauses.length < 3) return null;
  const outer = `${clauses[0]}, ${clauses[clauses.length - 1]}`;
  return syllables(outer).length >= 5 ? outer : null;
}

/**
 * The last clause of a story alone, when the story before it is one clause or more and the last clause is long
 * enough to search (≥ 5 syllables): the next reading when the outer clauses are not covered either. "giàn giáo chỗ
 * em làm lung lay như sắp sập mà tổ trưởng vẫn bắt trèo lên, em không chịu làm thì có bị trừ lương không": the
 * scaffold's words reached no rule, "em không chịu làm thì có bị trừ lương không" the entry on refusing danger.
 */
export function storyLastClause(text: string): string | null {
  const clauses = storyClauses(text);
  if (clauses.length < 2) return null;
  const last = clauses[clauses.length - 1] as string;
  return syllables(last).length >= 5 ? last : null;
}

function storyClauses(text: string): string[] {
  return text
    .split(STORY_CLAUSE_SPLIT)
    .map((clause) => clause.replace(/[,.;:!?\s]+$/u, '').trim())
    .filter((clause) => clause !== '');
}

/**
 * What the search and the FAQ read of a member's message: no instructions to the assistant, no feelings or figures of
 * the story around it, a relative's "mất" read as the law's "chết" (kin-death.ts) and a question's "tối thiểu" as the
 * law's "ít nhất" (minimum-quantifier.ts).
 */
export function focusQuestion(text: string): string {
  return readMinimumAsAtLeast(readKinDeath(stripLeadIns(stripStoryFigures(stripFeelingPhrases(stripInstructionClauses(text))))));
}
