import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { questionShape, statesDoingWithout } from './answer-units.js';
import { statesQuantity } from './asked-quantity.js';

const CASES = /trường hợp/iu;
const ONLY_IN_CASES = 'Chỉ được trong những trường hợp luật cho phép.';

/**
 * A curated answer states the rule first and its exceptions after ("phải báo trước … 45 ngày", then "Một số trường
 * hợp được nghỉ không cần báo trước: …"). A member asking to do without the act ("em muốn nghỉ ngay không báo trước
 * được không") is answered by the exception: the paragraph that states doing without it leads, the rule follows
 * (issue #11 item 2: the direct answer, with its condition, first). The same rule as the law's clauses
 * (answer-units.ts `negatedActs`); the entry's paragraphs are otherwise kept as written.
 */
export function leadCuratedAnswer(answer: string, question: string): string {
  const negated = leadWithNegatedAct(answer, question);
  return withoutYesNoLead(negated !== answer ? negated : leadWithAskedFigure(answer, question), question);
}

/** "Có." / "Không." / "Được," opening an entry's answer, with what follows it. */
const YES_NO_OPENING = /^(?:Có|Không|Được)[.,]\s+(\S)/u;
/** A question closing on "không / ko / chưa" and a particle asks yes or no ("… được không ạ", "… ko vậy"). */
const CLOSES_YES_NO = /\b(?:khong|ko|k|hong|hok|hem|chua)\s*(?:a|vay|ha|nhi|nhe|ta|z|v|ak|ah)?\s*[?.!]*\s*$/;

/**
 * An entry written for a yes/no phrasing opens with "Có." ("Công đoàn có quyền thương lượng tập thể không?" → "Có.
 * …"); to a member asking what or how ("cty ko cho thuong luong tap the thi cong doan lam gi dc") a "Có." answers
 * nothing asked and reads as a non-sequitur, so it is dropped and the sentence after it opens the answer. Kept when
 * the question asks yes or no (answer-units.ts `questionShape`, or a closing "… không ạ").
 */
export function withoutYesNoLead(answer: string, question: string): string {
  if (questionShape(question).yesNo || CLOSES_YES_NO.test(foldDiacritics(question).toLowerCase())) return answer;
  return answer.replace(YES_NO_OPENING, (_whole, first: string) => first.toLocaleUpperCase('vi'));
}

/**
 * A paragraph that opens by referring back ("Mức này áp dụng …", "Khi đó công ty phải báo trước …", "Trường hợp trên
 * …", "Ngoài ra, …") means nothing in front of the one it refers to: moved to the front alone, "Khi đó công ty phải
 * báo trước ít nhất 45 ngày" answered "công ty cho nghỉ phải báo trước mấy ngày" without saying when (review of
 * D-answers-26's lead). Matched on its first words, folded.
 */
const REFERS_BACK =
  /^(?:day la|muc (?:nay|tren)|khi do|luc do|ngoai ra|ngoai (?:cac |nhung )?truong hop (?:nay|tren)|(?:trong )?(?:cac |nhung )?truong hop (?:nay|tren|do)|khoan (?:tien )?(?:nay|tren)|so tien (?:nay|tren)|thoi gian (?:nay|tren)|dieu (?:nay|do)|viec (?:nay|do)|tuy nhien|nhu vay|vi vay|do do|con lai)\b/;

export function refersBack(paragraph: string): boolean {
  return REFERS_BACK.test(foldDiacritics(paragraph).toLowerCase().replace(/^[\s\-–•*]+/u, ''));
}

/**
 * The entry's paragraphs with the one at `index` leading, together with the paragraphs before it that it refers back
 * to (a chain of them, up to one that stands alone); the rest follow as written. `lead` may rewrite the first paragraph
 * of the block. Unchanged (null) when the block would start at the first paragraph anyway.
 */
function moveToFront(paragraphs: readonly string[], index: number, lead: (paragraph: string) => string = (p) => p): string | null {
  let start = index;
  while (start > 0 && refersBack(paragraphs[start] as string)) start -= 1;
  if (start === 0) return null;
  const block = paragraphs.slice(start, index + 1);
  block[0] = lead(block[0] as string);
  return [...block, ...paragraphs.slice(0, start), ...paragraphs.slice(index + 1)].join('\n\n');
}

/**
 * "nữ mấy tuổi được nghỉ hưu" is answered by the pension entry, whose first paragraph states the 15 years of
 * contributions and whose second states the ages: when the first paragraph states no figure of the kind asked
 * (asked-quantity.ts) and a later one does, that one leads (issue #11 item 3), the one sharing most of the question's
 * words when several do; the rest follow as written.
 */
export function leadWithAskedFigure(answer: string, question: string): string {
  const { kind, unigrams } = questionShape(question);
  if (kind === null) return answer;
  const paragraphs = answer.split(/\n\s*\n/u);
  if (paragraphs.length < 2 || statesQuantity(paragraphs[0] as string, kind)) return answer;
  const shared = (paragraph: string) => new Set(syllables(foldDiacritics(paragraph).toLowerCase()).filter((word) => unigrams.has(word))).size;
  let best = -1;
  paragraphs.forEach((paragraph, index) => {
    if (index === 0 || !statesQuantity(paragraph, kind)) return;
    if (best === -1 || shared(paragraph) > shared(paragraphs[best] as string)) best = index;
  });
  if (best === -1) return answer;
  return moveToFront(paragraphs, best) ?? answer;
}

export function leadWithNegatedAct(answer: string, question: string): string {
  const { negated, yesNo } = questionShape(question);
  if (negated.length === 0) return answer;
  const paragraphs = answer.split(/\n\s*\n/u);
  if (paragraphs.length < 2 || statesDoingWithout(paragraphs[0] as string, negated)) return answer;
  const index = paragraphs.findIndex((paragraph) => statesDoingWithout(paragraph, negated));
  if (index <= 0) return answer;
  // "… được không" asked of an exception that names its cases: the direct answer is "only in these cases".
  const onlyInCases = yesNo && CASES.test(paragraphs[index] as string);
  return moveToFront(paragraphs, index, (first) => (onlyInCases ? `${ONLY_IN_CASES} ${first}` : first)) ?? answer;
}
