import { saysPhrase } from '../../core/text/typed-phrase.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * What kind of figure a member's question asks for: "mấy ngày", "bao nhiêu tháng", "bao lâu", "bao nhiêu %",
 * "mấy lần", "bao nhiêu tiền". An answer that states no figure of that kind does not answer the question, however
 * close its words ("người khuyết tật được nghỉ phép mấy ngày" is not answered by what disabled workers are
 * entitled to in general). Compared on folded text.
 */
export type QuantityKind = 'multiple' | 'duration' | 'days' | 'months' | 'years' | 'hours' | 'minutes' | 'percent' | 'times' | 'money' | 'age' | 'copies' | 'persons';

const UNIT_KIND: Readonly<Record<string, QuantityKind>> = {
  ngay: 'days', thang: 'months', nam: 'years', gio: 'hours', tieng: 'hours', phut: 'minutes', lan: 'times',
  'phan tram': 'percent', '%': 'percent', tien: 'money', dong: 'money', trieu: 'money', tuoi: 'age', ban: 'copies',
  // "tối đa mấy người thân được hưởng": a count of people ("04 người"), not who qualifies (D-answers-33).
  nguoi: 'persons',
};

const ASKED = /(?:\bmay|\bbao nhieu|\bbao nhiu|\bbn)\s*(phan tram|%|ngay|thang|nam|gio|tieng|phut|lan|tien|dong|trieu|tuoi|ban|nguoi)(?![a-z])/;
const HOW_LONG = /\bbao lau\b/;
const MULTIPLE = /\bgap (?:may|bao nhieu|bn) lan\b/;

/**
 * A bare "được bao nhiêu" closing a question about a payment asks a sum, though no unit follows: "trợ cấp tuất hằng
 * tháng mỗi người thân được bao nhiêu" is answered by "50% mức tham chiếu", not by who qualifies (D-answers-30).
 */
const BARE_AMOUNT = /\b(?:duoc|dc|la|bang|nhan|lanh|huong)\s+(?:bao nhieu|bao nhiu|bn)\s*$/;
/**
 * A fine is a sum: "công ty chậm đóng bảo hiểm thì bị phạt bao nhiêu" asks the amount ("12% đến 15% tổng số tiền phải
 * đóng", "từ 5.000.000 đồng"), though no unit follows; "phạt mấy lần" still asks a count.
 */
const FINE_AMOUNT = /\bphat\s+(?:bao nhieu|bao nhiu|bn)\s*$/;
/**
 * Read with their marks (saysPhrase): folded, "đầu tiên" was "tiền" and "số lượng" was "lương", so "năm đầu tiên phép
 * được bao nhiêu" asked a sum and its answer in days scored as one without a figure.
 */
const PAYMENT = ['trợ cấp', 'tiền', 'lương', 'bồi thường', 'mức hưởng', 'phụ cấp', 'tuất', 'mai táng'];

/** `folded` is `typed` folded and lower-cased: the units are read folded, the payment words as typed. */
function quantityIn(folded: string, typed: string): QuantityKind | null {
  if (MULTIPLE.test(folded)) return 'multiple';
  const asked = ASKED.exec(folded);
  if (asked) return UNIT_KIND[asked[1] as string] ?? null;
  if (HOW_LONG.test(folded)) return 'duration';
  const bare = folded.replace(/[,.;?!\n…\s]+$/, '');
  if (FINE_AMOUNT.test(bare)) return 'money';
  return BARE_AMOUNT.test(bare) && PAYMENT.some((word) => saysPhrase(typed, word)) ? 'money' : null;
}

const CLAUSE_BREAK = /[,.;?!\n…]+/;
/** A clause that asks yes or no: "… có đúng luật không", "… được ko", "… chưa". */
const YES_NO = /(?:\bkhong|\bko|\bk|\bhong|\bhok|\bchua|\bko a|\bkhong a)\s*$/;

/**
 * Read on the question, not the story: in "em đi làm trễ mấy lần mà quản lý trừ tiền lương, làm vậy có đúng luật
 * không" the "mấy lần" is "a few times" and the question is yes or no. When a message has several clauses and its
 * last one asks yes or no without a figure, it asks for no figure; otherwise the whole message is read.
 */
export function askedQuantity(question: string): QuantityKind | null {
  const fold = (text: string) => foldDiacritics(text).toLowerCase();
  const clauses = question.split(CLAUSE_BREAK).map((part) => part.trim()).filter((part) => part !== '');
  const last = clauses[clauses.length - 1] ?? '';
  if (clauses.length > 1 && quantityIn(fold(last), last) === null && YES_NO.test(fold(last))) return null;
  return quantityIn(fold(question), question);
}

const NUMBER = String.raw`(?:\d[\d.,]*|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|nua|gap (?:doi|ba))`;
const STATED: Readonly<Record<QuantityKind, RegExp>> = {
  multiple: new RegExp(`\\d[\\d,]*\\s*%|phan tram|${NUMBER}\\s*lan\\b`),
  // "ngày làm việc thứ 11" answers "bao lâu thì được nhận" as well as "10 ngày" does.
  duration: new RegExp(`${NUMBER}\\s*(?:ngay|thang|nam|tuan|gio|phut)\\b|\\bthu \\d+\\b`),
  days: new RegExp(`${NUMBER}\\s*ngay\\b`),
  months: new RegExp(`${NUMBER}\\s*thang\\b`),
  years: new RegExp(`${NUMBER}\\s*nam\\b`),
  hours: new RegExp(`${NUMBER}\\s*(?:gio|tieng)\\b`),
  minutes: new RegExp(`${NUMBER}\\s*phut\\b`),
  percent: /\d[\d,]*\s*%|phan tram/,
  times: new RegExp(`${NUMBER}\\s*lan\\b`),
  // Labour-law sums are mostly shares of a wage: "được trả thêm bao nhiêu tiền" is answered by "ít nhất bằng 30% tiền
  // lương", "bồi thường bao nhiêu" by "02 tháng tiền lương" (dev-10: the night-work entry at 0.63 was set aside), and
  // of a reference sum: "bằng 10 lần mức tham chiếu", "50% mức lương tối thiểu", "bằng mức lương tối thiểu". Named
  // alone ("không thấp hơn mức lương tối thiểu vùng", "hỏi công đoàn mức tham chiếu đang áp dụng") the reference sum
  // states none: the answer to whether or which is no sum (D-answers-35).
  money: new RegExp(
    String.raw`\d{1,3}(?:\.\d{3})+|\d+\s*(?:dong|trieu|nghin)\b|` +
      String.raw`(?:${NUMBER}\s*lan|\d[\d,]*\s*%|phan tram|\bbang)\s+(?:cua\s+)?muc (?:luong )?(?:toi thieu|tham chieu)|` +
      String.raw`(?:\d[\d,]*\s*%|${NUMBER}\s*(?:thang|ngay))\s*(?:tien )?luong\b|` +
      // A share of a sum owed: the fine "từ 12% đến 15% tổng số tiền phải đóng".
      String.raw`\d[\d,]*\s*%\s*(?:tong )?so tien\b` +
      // A multiple of the average wage the benefit is reckoned on: "bằng 02 lần mức bình quân tiền lương", "0,5 lần".
      String.raw`|${NUMBER}\s*(?:lan|thang)\s+(?:cua\s+)?muc binh quan\b`,
  ),
  age: new RegExp(`${NUMBER}\\s*tuoi\\b`),
  copies: new RegExp(`${NUMBER}\\s*ban\\b`),
  persons: new RegExp(`${NUMBER}\\s*nguoi\\b`),
};

/** True when `answer` states a figure of the kind asked (money also counts as stated when the answer gives a multiple or a share of the minimum wage or the reference level). */
export function statesQuantity(answer: string, kind: QuantityKind): boolean {
  return STATED[kind].test(foldDiacritics(answer).toLowerCase());
}

/**
 * How long an office or the employer takes to act on a claim: "bhxh giải quyết chế độ ốm đau trong bao lâu", "nộp hồ
 * sơ rồi thì mấy ngày có kết quả", "cơ quan lao động xác nhận trong thời hạn bao lâu". A length of time is asked, but
 * not the length of the leave or benefit the claim is about: the answer is a time limit counted from an event ("trong
 * thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ"). The sickness entry's "30 ngày … 60 ngày" of leave states a
 * length of time and does not answer (issue #11 item 2, D-answers-53).
 */
// "xét nghiệm" (a medical test) is no office considering a claim: "đi xét nghiệm được nghỉ mấy ngày" asks the leave.
const PROCESSING = /\b(?:giai quyet|xet duyet|xet(?! nghiem\b)|duyet|tra loi|xac nhan|co ket qua|cap so|cap lai|cap the|cap giay)\b/;
const LENGTH_ASKED: ReadonlySet<QuantityKind> = new Set(['duration', 'days', 'months', 'hours']);

/** Whether `question` asks the time an office or the employer takes to act (a length of time asked of a processing act). */
export function asksDeadline(question: string): boolean {
  const kind = askedQuantity(question);
  return kind !== null && LENGTH_ASKED.has(kind) && PROCESSING.test(foldDiacritics(question).toLowerCase());
}

const TIME_UNIT = String.raw`\s*(?:ngay|thang|gio|tuan)`;
/**
 * "trong thời hạn 07 ngày", "trong vòng 5 ngày", "chậm nhất 45 ngày", "05 ngày làm việc kể từ", "không quá 30 ngày kể từ".
 * A bare "trong" before one unit is the period a figure is reckoned over, not a time limit: "40 giờ trong 01 tháng".
 */
const DEADLINE = new RegExp(
  String.raw`\btrong (?:thoi han |vong )${NUMBER}${TIME_UNIT}|\btrong (?!0*1\s|mot\s)${NUMBER}${TIME_UNIT}|\bcham nhat (?:la |sau |trong )?${NUMBER}${TIME_UNIT}|${NUMBER}${TIME_UNIT}(?: lam viec)?,? (?:ke tu|sau khi)\b`,
);

/** Whether `text` states a time limit counted from an event (see `asksDeadline`). */
export function statesDeadline(text: string): boolean {
  return DEADLINE.test(foldDiacritics(text).toLowerCase());
}

/**
 * Whether `text` states the figure `question` asks: of the kind asked (`statesQuantity`), and a time limit when the
 * question asks how long an act takes (`asksDeadline`); true when no figure is asked.
 */
export function statesAskedFigure(text: string, question: string): boolean {
  const kind = askedQuantity(question);
  if (kind === null) return true;
  return asksDeadline(question) ? statesDeadline(text) : statesQuantity(text, kind);
}
