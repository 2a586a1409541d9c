import type { LawArticle } from '../../core/knowledge/law.js';
import { splitIntoClauses } from '../retrieval/clause-passages.js';
import { answersAskedFigure, answerUnits, isGarbled, questionShape, termWeights, unitScore, type AnswerUnit, type QuestionShape } from './answer-units.js';
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

/**
 * "Không." / "Có." before a yes/no question's answer when the leading unit says so plainly; nothing otherwise. A point
 * of a list is read by its lead-in: the lead-in holds the rule ("… có quyền … không cần báo trước trong trường hợp
 * sau đây:"), the points its cases, and a case saying "Không được trả đủ lương" is no "Không." to the question.
 */
function yesNoLead(shape: QuestionShape, unit: AnswerUnit, score: number): string {
  const text = unit.listLeadIn ?? unit.text;
  // Only when the unit clearly is about the question: a plain "Có." over a loosely related clause would mislead.
  if (!shape.yesNo || score < YES_NO_MIN_SCORE) return '';
  if (/không được|nghiêm cấm|bị cấm/u.test(text)) return 'Không. ';
  if (/có quyền/u.test(text) && !/không có quyền/u.test(text)) return 'Có. ';
  return '';
}

const YES_NO_MIN_SCORE = 0.45;
/** The best article's opening clause usually states its core rule ("12 ngày làm việc"); the rest are exceptions. */
const OPENING_BONUS = 0.08;
/**
 * A khoản whose members' question (clause phrasings, D-answers-47) matches the question at least
 * `PHRASED_CLAUSE_MIN_MATCH` asks what the member asks: its units gain `PHRASED_CLAUSE_BONUS × match²`, unless a figure
 * is asked that they do not state (then the figure check decides, as before).
 */
const PHRASED_CLAUSE_BONUS = 0.3;
const PHRASED_CLAUSE_MIN_MATCH = 0.6;

/** What a unit gains from its khoản's members' phrasing matching the question (0 when it did not, or not enough). */
export function phrasedClauseBonus(shape: QuestionShape, unit: AnswerUnit, phrased: PromptSource['phrasedClause']): number {
  if (!phrased || phrased.match < PHRASED_CLAUSE_MIN_MATCH || unit.clauseNo !== phrased.clauseNo) return 0;
  return answersAskedFigure(shape, unit) ? PHRASED_CLAUSE_BONUS * phrased.match ** 2 : 0;
}

/**
 * Answers from the law without a model (issue #11 item 2): splits the retrieved clauses into units (clause, point
 * or sentence, with the lead-in it depends on), drops flattened tables and formulas, and states first the unit that
 * answers the question best (a figure when a figure is asked; "Không." / "Có." when the law says so plainly), then
 * the few units that add to it, each with its article and clause. Returns the articles it used (the only ones it
 * may cite). Without a question it keeps the retrieval order.
 */
export function composeExtractiveAnswer(
  sources: readonly PromptSource[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  question = '',
  leadUnit?: AnswerUnit,
): { body: string; quoted: LawArticle[] } {
  const shape = questionShape(question);
  const candidates = candidateUnits(sources, options.maxArticles);
  const weights = question ? termWeights(shape, candidates.flatMap((c) => c.usable)) : new Map<string, number>();
  const handScored = candidates.flatMap(({ rank, usable, phrased }) =>
    usable.map((unit, index) => {
      const plain = (question ? unitScore(shape, unit, weights) : 1 - index * 0.01) * (1 - rank * 0.1) + (rank === 0 && (unit.clauseNo === '1' || unit.clauseNo === null) ? OPENING_BONUS : 0);
      // The phrased khoản's bonus picks the lead; "Có."/"Không." and the floor for further units read the plain score.
      const bonus = question ? phrasedClauseBonus(shape, unit, phrased) * (1 - rank * 0.1) : 0;
      return { unit, rank, score: plain + bonus, plain };
    }),
  );
  const scored = leadUnit ? withChosenLead(handScored, leadUnit, () => unitScore(shape, leadUnit, weights), candidates.length) : handScored;
  const plainOf = (c: { score: number; plain?: number }) => c.plain ?? c.score;
  if (scored.length === 0) return { body: ANSWER_TEXTS.extractiveIntro, quoted: [] };
  const handRanked = [...scored].sort((a, b) => b.score - a.score);
  // A chooser's lead (unit-chooser.ts) goes first; the further units are still chosen by the hand scores, against
  // the floor the best hand score sets.
  const chosenLead = leadUnit ? scored.find((c) => sameUnit(c.unit, leadUnit)) : undefined;
  const ranked = chosenLead ? [chosenLead, ...handRanked.filter((c) => c !== chosenLead)] : handRanked;
  const lead = ranked[0] as (typeof ranked)[number];
  const floor = Math.max(Math.max(...scored.map(plainOf)) * 0.5, 0.12);
  const leadClause = wholeClause(scored, lead, options.charBudget);
  const chosen = [lead];
  let budget = options.charBudget - Math.min(clauseText(leadClause.map((c) => c.unit)).length, options.charBudget);
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= options.maxPassages + 1 || budget < MIN_QUOTE / 2) break;
    if (leadClause.includes(candidate)) continue;
    if (candidate.score < floor || chosen.some((c) => c.unit.text === candidate.unit.text)) continue;
    if (candidate.unit.text.length > budget) continue;
    chosen.push(candidate);
    budget -= candidate.unit.text.length;
  }
  // A point of a short list ("12 ngày…", "14 ngày…", "16 ngày…") reads best with its siblings, as a list.
  const siblings = lead.unit.listLeadIn ? scored.filter((c) => c.unit.article === lead.unit.article && c.unit.listLeadIn === lead.unit.listLeadIn) : [lead];
  const listChars = siblings.reduce((sum, c) => sum + c.unit.core.length, 0);
  // A list too long to state whole: the lead point, then the other points of it that were chosen, under one lead-in.
  const leadGroup =
    siblings.length > 1 && listChars <= options.charBudget * 0.7 ? siblings.sort((a, b) => a.unit.order - b.unit.order) : [lead, ...chosen.slice(1).filter((c) => sameList(c.unit, lead.unit))];
  const restChosen = chosen.slice(1).filter((c) => !leadGroup.includes(c));
  // A short list of which some points were chosen is stated whole: "Chế độ hỗ trợ bao gồm: giáo dục định hướng; chi
  // phí khác" left out the point the member asked about (learning the language), whose words differ from the
  // question's ("học tiếng": "ngoại ngữ"). D-answers-33.
  const completing = scored.filter(
    (c) =>
      !leadGroup.includes(c) &&
      !restChosen.includes(c) &&
      restChosen.some((r) => sameList(r.unit, c.unit) && shortList(scored, r.unit, options.charBudget)),
  );
  // Further sentences of the lead's own khoản join the lead's quote, in the law's order, instead of a second "Theo
  // khoản N Điều M" right after it (D-answers-53).
  const sameAsLead = leadGroup.length > 1 ? [] : [...restChosen, ...completing].filter((c) => sameClause(c.unit, lead.unit) && !leadClause.includes(c));
  // Only when the whole fits the budget: cut, the law's order could leave out the lead's own sentence.
  const joinsLead = clauseText([...leadClause, ...sameAsLead].map((c) => c.unit)).length <= options.charBudget ? sameAsLead : [];
  const rest = [...restChosen, ...completing].filter((c) => !joinsLead.includes(c)).sort((a, b) => a.rank - b.rank || a.unit.order - b.unit.order);
  const leadUnits = joinsLead.length > 0 ? [...leadClause, ...joinsLead].map((c) => c.unit).sort((a, b) => a.order - b.order) : leadClause.map((c) => c.unit);
  const listSize = (unit: AnswerUnit) => scored.filter((c) => sameList(c.unit, unit)).length;
  const leadText =
    leadGroup.length > 1
      ? listText(leadGroup.map((c) => c.unit), siblings.length, yesNoLead(shape, lead.unit, plainOf(lead)))
      : `${yesNoLead(shape, lead.unit, plainOf(lead))}${sourcePhrase(lead.unit.article, lead.unit.clauseNo)}: ${trimQuote(clauseText(leadUnits), Math.max(options.charBudget, MIN_QUOTE))}${moreInList(lead.unit, listSize)}`;
  const parts = [leadText, ...restParts(rest, listSize)];
  const quoted: LawArticle[] = [];
  for (const { unit } of [lead, ...leadGroup, ...rest]) if (!quoted.includes(unit.article)) quoted.push(unit.article);
  if (quoted.some((article) => article.status === 'expired')) parts.push(ANSWER_TEXTS.expiredNote);
  return { body: parts.join('\n\n'), quoted };
}

/**
 * The lead's whole clause when the clause was cut into sentences or paragraphs (answer-units.ts) and fits in
 * `WHOLE_CLAUSE_SHARE` of the budget: a clause is one provision, and what its best-matching sentence leads to is
 * often said in the next one ("… Công đoàn có trách nhiệm yêu cầu … can thiệp." then "Trường hợp không thể trở lại
 * làm công việc cũ thì … được hỗ trợ bằng tiền"). Scored apart, the second sentence lost its place to another
 * clause that used up the budget, and the member did not read the consequence the lead announces. Points of a list
 * are not sentences of a clause: their lead-in and siblings are handled as a list.
 */
function wholeClause<T extends { unit: AnswerUnit }>(scored: readonly T[], lead: T, charBudget: number): T[] {
  if (lead.unit.listLeadIn !== undefined || lead.unit.clauseNo === null) return [lead];
  const mates = scored.filter((c) => c.unit.article === lead.unit.article && c.unit.clauseNo === lead.unit.clauseNo && c.unit.listLeadIn === undefined);
  if (mates.length < 2 || clauseText(mates.map((c) => c.unit)).length > charBudget * WHOLE_CLAUSE_SHARE) return [lead];
  return [...mates].sort((a, b) => a.unit.order - b.unit.order);
}

const WHOLE_CLAUSE_SHARE = 0.8;

/** Sentences of one clause as one quote: the first with the lead-in it carries, the others by their own words. */
function clauseText(units: readonly AnswerUnit[]): string {
  const [first, ...others] = units as [AnswerUnit, ...AnswerUnit[]];
  let text = first.text;
  let previous = first;
  for (const unit of others) {
    text = `${text.replace(/[;,.]$/u, '')}${separatorBetween(previous, unit)} ${unit.core}`;
    previous = unit;
  }
  return text;
}

/**
 * The stop the law wrote between two pieces answer-units.ts cut apart (it drops the ";" a piece ended with): read in
 * the article's text; "." when the pieces are not found side by side there (a piece between them was dropped).
 */
function separatorBetween(previous: AnswerUnit, next: AnswerUnit): string {
  const text = previous.article.text;
  const end = text.indexOf(previous.core) + previous.core.length;
  const gap = end >= previous.core.length ? /^([.;:]?)\s+$/u.exec(text.slice(end, text.indexOf(next.core, end))) : null;
  return gap?.[1] || '.';
}

/**
 * The units an extractive answer may state, per source in rank order: the best article read whole (its direct answer
 * may not be the clause that matched the words best), the others by their retrieved clauses; an expired version
 * beside the in-force one that replaced it is left out.
 */
export function candidateUnits(sources: readonly PromptSource[], maxArticles: number): { rank: number; usable: AnswerUnit[]; phrased?: PromptSource['phrasedClause'] }[] {
  return withoutReplacedExpired(sources).slice(0, maxArticles).map((source, rank) => {
    const clauses = rank === 0 ? null : new Set(source.passages.map((passage) => passage.clauseNo));
    const units = answerUnits(source.article, clauses);
    return { rank, usable: units.length > 0 ? units : fallbackUnits(source), ...(source.phrasedClause ? { phrased: source.phrasedClause } : {}) };
  });
}

const sameUnit = (a: AnswerUnit, b: AnswerUnit) => a.article === b.article && a.order === b.order && a.text === b.text;

/** The hand-scored units with the chosen lead among them (added, after the others' articles, when its article was not read). */
function withChosenLead<T extends { unit: AnswerUnit; rank: number; score: number }>(scored: readonly T[], lead: AnswerUnit, score: () => number, nextRank: number): (T | { unit: AnswerUnit; rank: number; score: number })[] {
  if (scored.some((c) => sameUnit(c.unit, lead))) return [...scored];
  const rank = scored.find((c) => c.unit.article === lead.article)?.rank ?? nextRank;
  return [...scored, { unit: lead, rank, score: score() }];
}

/** Whether the whole list `unit` is a point of fits in a third of the budget (then it is quoted whole). */
function shortList(scored: readonly { unit: AnswerUnit }[], unit: AnswerUnit, charBudget: number): boolean {
  const points = scored.filter((c) => sameList(c.unit, unit));
  return points.length <= SHORT_LIST_POINTS && points.reduce((sum, c) => sum + c.unit.core.length, 0) <= charBudget / 3;
}

const SHORT_LIST_POINTS = 4;

/** Points of one list: the same article and the same lead-in. */
const sameList = (a: AnswerUnit, b: AnswerUnit) => a.listLeadIn !== undefined && a.article === b.article && a.listLeadIn === b.listLeadIn;

/** "Theo khoản 2 Điều 35 …: <lead-in>:" then the points, the lead-in said once; says so when the list has more. */
function listText(units: readonly AnswerUnit[], listSize: number, prefix = ''): string {
  const first = units[0] as AnswerUnit;
  // The items of an enumerating article are its clauses: then the article is the source, not the first one's clause.
  const clauseNo = units.every((unit) => unit.clauseNo === first.clauseNo) ? first.clauseNo : null;
  const text = `${prefix}${sourcePhrase(first.article, clauseNo)}: ${(first.listLeadIn ?? '').replace(/:\s*$/u, '')}:\n${units.map((unit) => `- ${unit.core.replace(/[;.]$/u, '')}`).join(';\n')}.`;
  return units.length < listSize ? `${text}\n${continuesText(first)}` : text;
}

/** An enumerating article's list (answer-units.ts: its title is the lead-in) is the article's; points are a clause's. */
function continuesText(unit: AnswerUnit): string {
  return unit.listLeadIn === `${unit.article.title}:` ? ANSWER_TEXTS.articleListContinues : ANSWER_TEXTS.listContinues;
}

/** One point quoted alone under a lead-in that announces several ("trong trường hợp sau đây:"): say there are more. */
function moreInList(unit: AnswerUnit, listSize: (unit: AnswerUnit) => number): string {
  return unit.listLeadIn !== undefined && listSize(unit) > 1 ? `\n${continuesText(unit)}` : '';
}

/**
 * The further units, each with its article and clause; several points of one list are stated under their lead-in
 * once ("Người lao động có quyền … trong trường hợp sau đây:" then the cases) instead of repeating it before each.
 */
function restParts(rest: readonly { unit: AnswerUnit }[], listSize: (unit: AnswerUnit) => number): string[] {
  const groups: AnswerUnit[][] = [];
  for (const { unit } of rest) {
    const group = groups.find((candidate) => sameList(candidate[0] as AnswerUnit, unit) || sameClause(candidate[0] as AnswerUnit, unit));
    if (group) group.push(unit);
    else groups.push([unit]);
  }
  return groups.map((units) => {
    const first = units[0] as AnswerUnit;
    if (units.length > 1 && first.listLeadIn === undefined) {
      // Sentences of one khoản chosen apart are quoted once, in the law's order: "Theo khoản 1 Điều 54 …" twice in a
      // row read as two provisions (D-answers-53).
      const ordered = [...units].sort((a, b) => a.order - b.order);
      const text = clauseText(ordered);
      return `${sourcePhrase(first.article, first.clauseNo)}: ${trimQuote(text, Math.max(MIN_QUOTE, text.length))}`;
    }
    return units.length > 1 ? listText(units, listSize(first)) : `${sourcePhrase(first.article, first.clauseNo)}: ${trimQuote(first.text, Math.max(MIN_QUOTE, first.text.length))}${moreInList(first, listSize)}`;
  });
}

/** Two pieces of one numbered khoản, neither a point of a list (those are grouped under their lead-in). */
const sameClause = (a: AnswerUnit, b: AnswerUnit) =>
  a.article === b.article && a.clauseNo !== null && a.clauseNo === b.clauseNo && a.listLeadIn === undefined && b.listLeadIn === undefined;

/** "Bộ luật Lao động 2012" and "Bộ luật Lao động 2019" are the same code in two versions. */
function lawFamily(article: LawArticle): string {
  return `${article.lawType}|${article.lawName.replace(/\s*\d{4}\s*$/u, '').trim().toLowerCase()}`;
}

/**
 * An expired version's clause retrieved beside the in-force version that replaced it is never quoted: a member asking
 * "hợp đồng có thời hạn dài nhất mấy năm" must read the 2019 code, not the 2012 one (D-answers-14). An expired
 * article stays when nothing in force of its family was retrieved (then the expired note says so).
 */
export function withoutReplacedExpired<S extends PromptSource>(sources: readonly S[]): readonly S[] {
  const inForce = new Set(sources.filter((source) => source.article.status !== 'expired').map((source) => lawFamily(source.article)));
  return sources.filter((source) => source.article.status !== 'expired' || !inForce.has(lawFamily(source.article)));
}

/** An article whose text yields no clean unit (a table only): its retrieved passages, never quoted garbled. */
function fallbackUnits(source: PromptSource): AnswerUnit[] {
  return source.passages
    .map((passage, order) => {
      const text = quoteBody(withContinuation(source.article, passage.clauseNo, passage.text));
      return { article: source.article, clauseNo: passage.clauseNo, text, core: text, order };
    })
    .filter((unit) => !isGarbled(unit.text));
}
