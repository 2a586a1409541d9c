import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, hasDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { GROUNDING_RULES, NOT_COVERED_SENTENCE } from './grounded-prompt.vi.js';
import { ungroundedMentions } from './numeric-mentions.js';
import { auditReplyCitations } from './reply-citations.js';
import { misboundFigures } from './figure-binding.js';
import { spelledFiguresToDigits } from './number-words.js';
import { foreignDates, foreignDocuments, groundedWordShare, personalDataIn } from './reply-content-checks.js';

/** A reply whose words are mostly absent from the sources and the question is about something else. */
const MIN_GROUNDED_WORD_SHARE = 0.45;

/**
 * Why a model reply was not shown to the member. `retryable` problems are ones a corrective message can fix;
 * the others mean the model followed instructions hidden in the member's message, so asking again is pointless.
 */
export const REPLY_PROBLEMS = {
  empty: { retryable: true, explain: 'câu trả lời trống' },
  not_vietnamese: { retryable: true, explain: 'câu trả lời không viết bằng tiếng Việt' },
  missing_citation: { retryable: true, explain: 'câu trả lời không có trích dẫn [Điều N, số hiệu văn bản]' },
  invented_citation: { retryable: true, explain: 'câu trả lời trích dẫn điều luật không có trong TÀI LIỆU' },
  ungrounded_number: { retryable: true, explain: 'câu trả lời có con số không có trong TÀI LIỆU' },
  injection_echo: { retryable: false, explain: 'câu trả lời làm theo chỉ dẫn lạ trong câu hỏi' },
  system_prompt_echo: { retryable: false, explain: 'câu trả lời lặp lại quy tắc nội bộ' },
  unexpected_url: { retryable: false, explain: 'câu trả lời chứa đường link không có trong TÀI LIỆU' },
  discourages_rights: { retryable: false, explain: 'câu trả lời khuyên người lao động từ bỏ quyền hoặc không khiếu nại' },
  personal_data: { retryable: false, explain: 'câu trả lời chứa thông tin cá nhân (số điện thoại, số giấy tờ, email, tài khoản)' },
  invented_document: { retryable: true, explain: 'câu trả lời nêu văn bản không có trong TÀI LIỆU' },
  misbound_number: { retryable: true, explain: 'câu trả lời gán con số của trường hợp khác (khác đối tượng, khác vùng) trong TÀI LIỆU' },
  invented_date: { retryable: true, explain: 'câu trả lời có ngày tháng không có trong TÀI LIỆU' },
  off_topic: { retryable: true, explain: 'câu trả lời không nói về nội dung TÀI LIỆU và câu hỏi' },
} as const;

export type ReplyProblem = keyof typeof REPLY_PROBLEMS;

export type ReplyVerdict =
  | { ok: true; kind: 'answer'; cited: LawArticle[] }
  | { ok: true; kind: 'not_covered' }
  | { ok: false; problem: ReplyProblem; detail: string };

export interface ReplyCheckContext {
  retrieved: readonly LawArticle[];
  /** Exactly the passage text shown to the model. */
  passagesText: string;
  /** The redacted member text that was sent (its own numbers may be echoed as counts, never as money). */
  memberText: string;
}

/** Phrases that only appear when a model obeys an injected instruction or claims another identity (folded). */
const INJECTION_MARKERS: readonly RegExp[] = [
  /\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,30}\b(instructions?|rules|prompts?)\b/,
  /\bsystem (prompt|message|instructions?)\b/,
  /\b(developer|dan|jailbreak) mode\b/,
  /\bas an ai( language model)?\b/,
  /\bi am (chatgpt|gpt|claude|gemini|an ai|a different)\b/,
  /\bbo qua (moi|tat ca|cac|nhung)?\s*(huong dan|chi dan|quy tac|lenh|yeu cau)\b/,
  /\b(huong dan|loi nhac|chi thi|quy tac) (he thong|noi bo|goc)\b/,
  /\btoi (la|dong vai|se dong vai) (chatgpt|gpt|claude|gemini|dan|mot tro ly khac|mot ai khac|tro ly khac)\b/,
  /\btoi khong con (bi rang buoc|phai tuan theo)\b/,
];

/**
 * Advice no union legal-aid officer gives (folded): give up a right, do not complain, the company is always right.
 * A model that writes this obeyed an injection or invented a stance; the law never says it (issue #11 item 8).
 */
const DISCOURAGING_MARKERS: readonly RegExp[] = [
  /\b(khong nen|dung|khong can|chang nen|dung nen) (khieu nai|kien|khoi kien|to cao|phan anh|bao cong doan|doi quyen loi|doi luong|dinh cong)\b/,
  /\bcong ty (luon|bao gio cung|la) dung\b/,
  /\bnen (chap nhan|cam chiu|chiu thiet|bo qua|im lang|tu bo)\b/,
  /\b(tu bo|tu choi) (quyen|quyen loi|che do)\b/,
  /\bkhong co quyen (khieu nai|kien|doi|dinh cong|nghi)\b/,
  /\b(dung|khong nen|chang nen) (lam lon chuyen|lam to chuyen|gay chuyen|lam um len)\b/,
  /\b(bo qua|thong cam|nhin) cho (cong ty|chu|sep|doanh nghiep)\b/,
  /\b(khieu nai|kien|bao cong doan|phan anh|to cao)\b.{0,20}\b(vo ich|cung vay thoi|chang duoc gi|khong duoc gi|khong an thua)\b/,
];

// A scheme, www., a known top-level domain, or any short domain followed by a path (bit.ly/abc, t.co/x).
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s)\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|io|gov|info|xyz|ly|me|co|link|site|app|online|top)\b(?:\/[^\s)\]]*)?|\b[a-z0-9-]+\.[a-z]{2,6}\/[^\s)\]]+/giu;

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'and', 'is', 'are', 'of', 'to', 'in', 'you', 'your', 'for', 'with', 'that', 'this', 'be', 'or', 'not',
  'can', 'will', 'must', 'per', 'wage', 'minimum', 'employee', 'employer', 'law', 'according', 'days', 'month',
]);

function folded(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Shingles of eight folded syllables from the rules; the not-covered sentence is allowed and left out. Eight is
 * long enough that a natural answer ("hãy trao đổi với cán bộ công đoàn") never repeats one, while a model that
 * prints its instructions repeats dozens.
 */
const SHINGLE = 8;
const RULE_SHINGLES: ReadonlySet<string> = (() => {
  const shingles = new Set<string>();
  const allowed = folded(NOT_COVERED_SENTENCE);
  for (const rule of GROUNDING_RULES) {
    const words = syllables(folded(rule).replace(allowed, ' '));
    for (let i = 0; i + SHINGLE <= words.length; i += 1) shingles.add(words.slice(i, i + SHINGLE).join(' '));
  }
  return shingles;
})();

function echoesRules(reply: string): boolean {
  const words = syllables(folded(reply));
  let hits = 0;
  for (let i = 0; i + SHINGLE <= words.length; i += 1) if (RULE_SHINGLES.has(words.slice(i, i + SHINGLE).join(' '))) hits += 1;
  return hits >= 2;
}

function looksVietnamese(reply: string): boolean {
  const words = syllables(reply.replace(/\[[^\]]*\]/g, ' ')).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return false;
  const accented = words.filter((word) => hasDiacritics(word)).length / words.length;
  const english = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length / words.length;
  return accented >= 0.2 && english < 0.15;
}

function isNotCoveredReply(reply: string): boolean {
  const text = folded(reply);
  return text.includes('chua de cap') || text.includes('khong de cap') || text.includes('khong co quy dinh ve van de nay');
}

/** Runs every check on a model reply, cheapest and most serious first. */
export function checkModelReply(reply: string, context: ReplyCheckContext): ReplyVerdict {
  const text = reply.trim();
  if (text.length < 15) return { ok: false, problem: 'empty', detail: `${text.length} characters` };

  const foldedReply = folded(text);
  const injected = INJECTION_MARKERS.find((marker) => marker.test(foldedReply));
  if (injected) return { ok: false, problem: 'injection_echo', detail: injected.source };
  if (echoesRules(text)) return { ok: false, problem: 'system_prompt_echo', detail: 'rule text repeated' };
  const discouraging = DISCOURAGING_MARKERS.find((marker) => marker.test(foldedReply));
  if (discouraging) return { ok: false, problem: 'discourages_rights', detail: discouraging.source };

  const foldedPassages = folded(context.passagesText);
  const foreignUrl = [...foldedReply.matchAll(URL_PATTERN)].map((m) => m[0]).find((url) => !foldedPassages.includes(url));
  if (foreignUrl) return { ok: false, problem: 'unexpected_url', detail: foreignUrl };

  if (!looksVietnamese(text)) return { ok: false, problem: 'not_vietnamese', detail: 'too few Vietnamese syllables' };
  const personal = personalDataIn(text, context.passagesText);
  if (personal) return { ok: false, problem: 'personal_data', detail: 'personal data in the reply' };

  const audit = auditReplyCitations(text, context.retrieved, context.passagesText);
  if (audit.invalid.length > 0) return { ok: false, problem: 'invented_citation', detail: audit.invalid.join(', ') };
  if (audit.cited.length === 0) {
    if (isNotCoveredReply(text)) return { ok: true, kind: 'not_covered' };
    return { ok: false, problem: 'missing_citation', detail: 'no [Điều N, law] citation' };
  }

  const documents = foreignDocuments(text, context.retrieved);
  if (documents.length > 0) return { ok: false, problem: 'invented_document', detail: documents.join(', ') };

  // Figures spelled out ("tám tháng") are checked like figures in digits.
  const figures = spelledFiguresToDigits(text);
  const ungrounded = ungroundedMentions(figures, context.passagesText, context.memberText);
  if (ungrounded.length > 0) return { ok: false, problem: 'ungrounded_number', detail: ungrounded.map((m) => m.raw).join(', ') };
  const misbound = misboundFigures(figures, context.passagesText, context.memberText);
  if (misbound.length > 0) return { ok: false, problem: 'misbound_number', detail: misbound.join(', ') };
  const dates = foreignDates(text, context.passagesText, context.retrieved);
  if (dates.length > 0) return { ok: false, problem: 'invented_date', detail: dates.join(', ') };
  const share = groundedWordShare(text, context.passagesText, context.memberText);
  if (share < MIN_GROUNDED_WORD_SHARE) return { ok: false, problem: 'off_topic', detail: `${Math.round(share * 100)} % of the words are in the sources` };

  return { ok: true, kind: 'answer', cited: audit.cited };
}
