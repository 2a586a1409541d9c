import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { canonicalRegionSyllables } from '../../core/text/wage-region.js';
import { splitIntoClauses } from '../retrieval/clause-passages.js';
import { fillerRulesFor } from '../retrieval/query-fillers.js';
import { askedQuantity, asksDeadline, statesDeadline, statesQuantity, type QuantityKind } from './asked-quantity.js';

/**
 * The smallest pieces of law an answer can state on its own: a clause, a point (a, b, c…) or one sentence of a
 * long clause, each carrying the lead-in it depends on ("Người sử dụng lao động không được…: giữ bản chính giấy
 * tờ tùy thân"). Extractive answers pick the units that answer the question instead of quoting whole articles.
 */
export interface AnswerUnit {
  article: LawArticle;
  clauseNo: string | null;
  /** Readable text, lead-in included, clause numbers and point letters removed. */
  text: string;
  /** The unit's own words, without the lead-in: what it adds (scored above the shared lead-in). */
  core: string;
  /** The lead-in of a point (a, b, c…) of a list; units with the same one are siblings, shown together when short. */
  listLeadIn?: string;
  /** Position in the article, to restore the law's order. */
  order: number;
}

const POINT = /^([a-zđ])\)\s+/u;
const CLAUSE_NO = /^\d{1,3}\.\s+/;
const LONG_UNIT = 420;

/**
 * A formula or table flattened into one line by the corpus's text extraction ("Tiền lương giờ thực trả của Mức ít
 * nhất 150% … = công việc … x hoặc 200% …"): unreadable on any channel, so it is never quoted.
 */
export function isGarbled(text: string): boolean {
  const operators = text.match(/(?:^|\s)[x×=+](?=\s)/g)?.length ?? 0;
  if (operators >= 2) return true;
  if (/\|.*\|.*\|/.test(text)) return true;
  return /Trong đó:\s*$/u.test(text) && operators >= 1;
}

function withLeadIn(leadIn: string | null, text: string): string {
  if (!leadIn) return text;
  const body = text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
  return `${leadIn.replace(/:\s*$/u, '')}: ${body}`;
}

function balanced(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) === (text.match(/\)/g)?.length ?? 0);
}

/** Sentences (or "; "-separated items) of a long unit; pieces cut inside a parenthesis are dropped. */
function splitLong(text: string): string[] {
  if (text.length <= LONG_UNIT) return [text];
  return text
    .split(/(?<=[.;])\s+(?=\p{Lu})|;\s+/u)
    .map((part) => part.trim().replace(/[;,]$/u, ''))
    .filter((part) => part.length > 0 && balanced(part));
}

/** Units of the given clauses of `article` (all clauses when `clauseNos` is null). */
export function answerUnits(article: LawArticle, clauseNos: ReadonlySet<string | null> | null): AnswerUnit[] {
  const clauses = splitIntoClauses(article.text);
  const statedLeadIn = clauses[0]?.clauseNo === null && clauses[0].text.trimEnd().endsWith(':') ? clauses[0].text.trim() : null;
  // "Điều 17. Hành vi người sử dụng lao động không được làm…" lists the acts only: a clause alone ("Giữ bản chính
  // giấy tờ tùy thân") would read as a permission, so a prohibiting title leads each clause.
  const articleLeadIn = statedLeadIn ?? (/không được|nghiêm cấm|bị cấm/u.test(article.title) ? `${article.title}:` : null);
  const units: AnswerUnit[] = [];
  let order = 0;
  for (const clause of clauses) {
    if (clauseNos && !clauseNos.has(clause.clauseNo)) {
      order += 100;
      continue;
    }
    const lines = clause.text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const head = (lines[0] ?? '').replace(CLAUSE_NO, '');
    const headLeadIn = clause.clauseNo !== null ? articleLeadIn : null;
    const pointLeadIn = head.endsWith(':') ? withLeadIn(headLeadIn, head) : null;
    if (!pointLeadIn || lines.length === 1) {
      if (clause.clauseNo === null && head.endsWith(':') && clauses.length > 1) {
        order += 100;
        continue; // The article's lead-in is stated with each clause instead.
      }
      for (const part of splitLong(head)) units.push({ article, clauseNo: clause.clauseNo, text: withLeadIn(headLeadIn, part), core: part, order: order++ });
    }
    for (const line of lines.slice(1)) {
      const point = line.replace(POINT, '');
      const parts = splitLong(point);
      for (const part of parts) {
        const listLeadIn = pointLeadIn && parts.length === 1 ? { listLeadIn: pointLeadIn } : {};
        units.push({ article, clauseNo: clause.clauseNo, text: withLeadIn(pointLeadIn, part), core: part, order: order++, ...listLeadIn });
      }
    }
    order += 100;
  }
  // An article that only enumerates ("Hồ sơ hưởng chế độ tai nạn lao động": 1. Sổ bảo hiểm xã hội. 2. Giấy ra viện…
  // 3. Biên bản giám định…) is a list under its title: asked what it holds, the member gets every item, short ones
  // included (D-answers-33).
  if (articleLeadIn === null && isEnumeration(clauses)) {
    const leadIn = `${article.title}:`;
    return units.filter((unit) => !isGarbled(unit.text) && unit.text.length >= 8).map((unit) => ({ ...unit, listLeadIn: leadIn }));
  }
  // A dangling lead-in ("…được tính theo công thức sau:") announces a formula the text cannot show.
  return units.filter((unit) => !isGarbled(unit.text) && unit.text.length >= 20 && !unit.text.trimEnd().endsWith(':'));
}

/** Three to six numbered clauses of one short line each, none announcing a list of its own. */
function isEnumeration(clauses: readonly { clauseNo: string | null; text: string }[]): boolean {
  if (clauses.length < 3 || clauses.length > 6) return false;
  return clauses.every((clause) => clause.clauseNo !== null && !clause.text.includes('\n') && clause.text.length <= ENUMERATION_ITEM && !clause.text.trimEnd().endsWith(':'));
}

const ENUMERATION_ITEM = 180;

const QUANTITY = /\b(bao nhieu|bao nhiu|bn|may|bao lau|toi da|toi thieu|muc|phan tram|ty le|tinh the nao|tinh sao|tinh ntn)\b/;
/** Words that make a question ask which, when, how or how much: its answer is not a yes or a no. */
const WHICH = /\b(nao|gi|the nao|ntn|ra sao|bao nhieu|bao lau|bao gio|o dau)\b/;
const YES_NO = /\b(co duoc|duoc khong|co phai|phai khong|co bi|co quyen|co can|co duoc khong)\b|\b(khong|ko|k|hong|hok)\s*\??\s*$/;
// A figure a member asks for: an amount, a share or a duration (not "khoản 1 Điều 98", which only refers).
// "%" is no word character: a "\b" after it never holds before a space ("2% quỹ lương"), so it stands outside the group.
export const FIGURE = /\d[\d.,]*\s*(?:%|(?:phan tram|dong|ngay|gio|thang|nam|tuan|lan|tuoi|phut)\b)|\b(mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (lan|thang|ngay|nam|gio)\b/;
export const REFERENCE = /\b(khoan|dieu|diem|chuong|muc|nghi dinh|luat so)\s+\d+[a-z]?/g;

export interface QuestionShape {
  unigrams: Set<string>;
  bigrams: Set<string>;
  quantity: boolean;
  yesNo: boolean;
  /** What the question asks to do without ("không cần báo trước" → "bao truoc"), folded; see `negatedActs`. */
  negated: string[];
  /** Figures the question states itself ("lãnh một lần", "nợ 2 tháng"), folded: they are not the figure it asks for. */
  stated: string[];
  /** The kind of figure asked ("mấy ngày" → days, "bao nhiêu %" → percent), when the question names one. */
  kind: QuantityKind | null;
  /** The question asks how long an office or the employer takes to act: a time limit answers (asked-quantity.ts `asksDeadline`). */
  deadline: boolean;
}

/** "không", "ko", "k", "hok", "chẳng", folded; "không cần / phải / bắt buộc" are the same ask. */
const NEGATION = new Set(['khong', 'ko', 'k', 'kg', 'khg', 'hok', 'hong', 'chang', 'khoi']);
const NEED = new Set(['can', 'phai']);
/** Words that close a question after "không" ("được không", "không được à", "không vậy"): no act follows. */
const CLOSING = new Set(['duoc', 'dc', 'co', 'the', 'sao', 'a', 'ha', 'vay', 'nhi', 'nhe', 'chu', 'ta', 'ak', 'ah', 'ne', 'em', 'e', 'toi', 'minh']);

/**
 * The acts a question asks to do without: "nghỉ không cần báo trước", "ko bao truoc", "không phải báo trước" give
 * "bao truoc". The shared words cannot tell the law's two sides apart ("phải báo trước … như sau" and "không cần
 * báo trước trong trường hợp sau đây" share "báo trước"), so the clause with the negated act leads (issue #11).
 * Two syllables after the negation, neither a question's closing word ("… được không", "không được à").
 */
function negatedActs(words: readonly string[]): string[] {
  const acts: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (!NEGATION.has(words[i] as string)) continue;
    const at = NEED.has(words[i + 1] ?? '') ? i + 2 : i + 1;
    const act = words.slice(at, at + 2);
    const [first, second] = act as [string, string];
    if (act.length === 2 && !CLOSING.has(first) && !CLOSING.has(second) && !NEGATION.has(first) && !NEGATION.has(second) && first.length > 1) acts.push(act.join(' '));
  }
  return acts;
}

/** Whether a text states doing without one of the acts (`QuestionShape.negated`), read folded syllable by syllable. */
export function statesDoingWithout(text: string, acts: readonly string[]): boolean {
  if (acts.length === 0) return false;
  const folded = syllables(foldDiacritics(text).toLowerCase()).join(' ');
  return acts.some((act) => statesWithout(folded, act));
}

/** Whether a unit states doing without the act: "không báo trước", "không cần báo trước", "không phải báo trước". */
function statesWithout(folded: string, act: string): boolean {
  return folded.includes(`khong ${act}`) || folded.includes(`khong can ${act}`) || folded.includes(`khong phai ${act}`);
}

/** The content words of a member's question (folded, fillers dropped) and what kind of answer it wants. */
export function questionShape(question: string): QuestionShape {
  const folded = foldDiacritics(question).toLowerCase();
  const rules = fillerRulesFor(false, (s) => foldDiacritics(s).toLowerCase());
  const words = canonicalRegionSyllables(syllables(folded));
  // One-letter syllables are noise ("e", "k"), except a region's digit: "vùng I" must find Vùng I's row.
  const unigrams = new Set(words.filter((w, i) => !rules.isUnigramFiller(w) && (w.length > 1 || words[i - 1] === 'vung')));
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < words.length; i += 1) {
    const [a, b] = [words[i] as string, words[i + 1] as string];
    if (!rules.breaksBigram(a) && !rules.breaksBigram(b)) bigrams.add(`${a} ${b}`);
  }
  // "Người lao động có quyền … trong trường hợp nào?" asks which cases, not whether: no "Có." before the list.
  const negated = negatedActs(words);
  const stated = [...folded.replace(REFERENCE, ' ').matchAll(new RegExp(FIGURE.source, 'g'))].map((match) => match[0]);
  return { unigrams, bigrams, quantity: QUANTITY.test(folded), yesNo: YES_NO.test(folded.trim()) && !WHICH.test(folded), negated, stated, kind: askedQuantity(question), deadline: asksDeadline(question) };
}

function withoutStated(folded: string, stated: readonly string[]): string {
  return stated.reduce((text, figure) => text.split(figure).join(' '), folded);
}

/** How well a unit answers the question: shared content words and word pairs, figures when a figure is asked. */
const LEAD_IN_WEIGHT = 0.6;
/**
 * More than a figure's bonus and the opening clause's (extractive-answer.ts, 0.08) together: the negated act is what
 * the question turns on, and the rule it is the exception to shares its words and opens the article (khoản 1 of
 * Điều 35 says "phải báo trước", and "nghỉ ngay" folds to the "ngày" of its notice periods).
 */
const NEGATED_BONUS = 0.25;
/** What a figure adds when a figure is asked, and what is left of a unit that states none. */
const FIGURE_BONUS = 0.15;
const NO_FIGURE_FACTOR = 0.6;

/**
 * What the figures of a unit make of its score when a figure is asked. A figure of the kind asked answers ("mấy
 * ngày": "45 ngày"); another length of time is a near answer ("mấy năm": "36 tháng"); a figure of another kind
 * answers "bao nhiêu phần trăm" no more than no figure does ("tối đa 30 ngày" is not "75%"), so the clause that
 * shares the question's words but states another kind no longer leads (issue #11 item 3). Without a named kind
 * ("bao nhiêu", "tính thế nào") any figure counts.
 */
function withFigures(score: number, kind: QuantityKind | null, folded: string, deadline = false): number {
  // A figure in a unit FIGURE does not name ("02 bản" for "mấy bản") still counts when it is of the kind asked.
  const figure = FIGURE.test(folded) || (kind !== null && /\d/.test(folded) && statesQuantity(folded, kind));
  if (!figure) return score * NO_FIGURE_FACTOR;
  // How long an act takes is answered by a time limit; another length of time (the leave's own) gains nothing, and is
  // not set aside as a unit without a figure is (D-answers-53).
  if (deadline) return statesDeadline(folded) ? score + FIGURE_BONUS : statesQuantity(folded, 'duration') ? score : score * NO_FIGURE_FACTOR;
  if (kind === null || statesQuantity(folded, kind)) return score + FIGURE_BONUS;
  if (LENGTHS_OF_TIME.has(kind) && statesQuantity(folded, 'duration')) return score + (FIGURE_BONUS * 2) / 3;
  return score * NO_FIGURE_FACTOR;
}

const LENGTHS_OF_TIME: ReadonlySet<QuantityKind> = new Set(['duration', 'days', 'months', 'years', 'hours', 'minutes']);

/**
 * Where a unit's figure is read: its own words, and for a point of a list the lead-in too when it states the figure the
 * points share ("Phạt tiền từ 12% đến 15% tổng số tiền phải đóng … đối với … hành vi sau đây:" then "a) Chậm đóng …"):
 * the point asked about carries its list's figure (D-answers-53).
 */
function figureText(unit: AnswerUnit): string {
  return unit.listLeadIn !== undefined ? `${unit.listLeadIn} ${unit.core}` : unit.core;
}

/**
 * Whether the unit can answer the figure the question asks (a figure of the kind asked, or another length of time for
 * a length of time; any figure when no kind is named); true when no figure is asked. The figures the question states
 * itself do not count (see `unitScore`).
 */
export function answersAskedFigure(shape: QuestionShape, unit: AnswerUnit): boolean {
  if (!shape.quantity) return true;
  const figures = withoutStated(foldDiacritics(figureText(unit)).toLowerCase().replace(REFERENCE, ' '), shape.stated);
  return withFigures(1, shape.kind, figures, shape.deadline) > 1;
}

/**
 * How much each question word and word pair tells the candidate units apart: one that every unit shares (the
 * article's topic, "trợ cấp thất nghiệp" in every clause of the unemployment articles) weighs half of one that few
 * units have ("đi học"), so the unit with the question's distinctive words leads (D-answers-33). Folded.
 */
export function termWeights(shape: QuestionShape, units: readonly AnswerUnit[]): Map<string, number> {
  const weights = new Map<string, number>();
  if (units.length < 2) return weights;
  const views = units.map((unit) => {
    const words = canonicalRegionSyllables(syllables(foldDiacritics(unit.text).toLowerCase()));
    return { words: new Set(words), pairs: new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`)) };
  });
  const weigh = (term: string, has: (view: (typeof views)[number]) => boolean) => {
    const share = views.filter(has).length / views.length;
    // A term no unit has tells them apart no more than one all of them have (and keeps the scores' scale).
    weights.set(term, 1 - COMMON_TERM_DISCOUNT * (share > 0 ? share : 1));
  };
  for (const w of shape.unigrams) weigh(w, (view) => view.words.has(w));
  for (const p of shape.bigrams) weigh(p, (view) => view.pairs.has(p));
  return weights;
}

const COMMON_TERM_DISCOUNT = 0.5;

export function unitScore(shape: QuestionShape, unit: AnswerUnit, weights: ReadonlyMap<string, number> = new Map()): number {
  const wordsOf = (text: string) => canonicalRegionSyllables(syllables(foldDiacritics(text).toLowerCase()));
  const own = wordsOf(unit.core);
  // The article's title is every clause's lead-in: "Thời hiệu xử lý bồi thường thiệt hại" is what its "06 tháng kể
  // từ ngày …" is about, though the clause never says "thời hiệu" (D-answers-32).
  const all = wordsOf(`${unit.article.title}\n${unit.text}`);
  const pairsOf = (words: string[]) => new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
  const [ownWords, allWords, ownPairs, allPairs] = [new Set(own), new Set(all), pairsOf(own), pairsOf(all)];
  // Words of the shared lead-in count less: every unit under it has them, they do not tell units apart.
  let score = 0;
  let total = 0;
  const weightOf = (term: string) => weights.get(term) ?? 1;
  for (const w of shape.unigrams) {
    score += weightOf(w) * (ownWords.has(w) ? 1 : allWords.has(w) ? LEAD_IN_WEIGHT : 0);
    total += weightOf(w);
  }
  for (const p of shape.bigrams) {
    score += weightOf(p) * (ownPairs.has(p) ? 1.5 : allPairs.has(p) ? 1.5 * LEAD_IN_WEIGHT : 0);
    total += 1.5 * weightOf(p);
  }
  total = total || 1;
  let normalised = score / total;
  // "bao nhiêu", "mấy ngày": a unit without a figure cannot be the direct answer.
  // A figure the question states is a name, not the answer: "bảo hiểm xã hội một lần" is the lump-sum benefit, and a
  // clause naming it states no duration for "ngưng đóng bao lâu mới được lãnh một lần".
  if (shape.quantity) {
    const figures = withoutStated(foldDiacritics(figureText(unit)).toLowerCase().replace(REFERENCE, ' '), shape.stated);
    normalised = withFigures(normalised, shape.kind, figures, shape.deadline);
  }
  // "không cần báo trước": the unit that says the act may be done without (its lead-in counts: the cases are points).
  if (shape.negated.some((act) => statesWithout(syllables(foldDiacritics(unit.text).toLowerCase()).join(' '), act))) normalised += NEGATED_BONUS;
  // Long units say many things; the direct answer is usually a short one.
  if (unit.core.length > 300) normalised -= 0.05;
  // A decree details what a law states: the law's own clause answers a member first when both say it.
  if (/Nghị định|Thông tư/u.test(unit.article.lawType)) normalised *= 0.9;
  return normalised;
}
