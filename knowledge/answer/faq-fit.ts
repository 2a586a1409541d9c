import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { answersAskedFigure, answerUnits, questionShape, termWeights, unitScore, type AnswerUnit } from './answer-units.js';
import { candidateUnits } from './extractive-answer.js';
import type { PromptSource } from './grounded-prompt.vi.js';
import { actingParty, type Party } from './asked-party.js';

/**
 * Whether a curated entry states what was asked, measured against the law the search found (issue #11): an entry
 * matches a question by its topic ("đối thoại tại nơi làm việc"), the question may ask another detail of it ("công ty
 * phải công bố nội dung đối thoại trong bao lâu"), which the entry does not state and a retrieved clause does
 * ("03 ngày làm việc"). Both sides are cut into the units an answer can state — a sentence of the entry under the
 * entry's question, a clause or point of the law under its article's title — and scored alike against the question
 * (answer-units.ts `unitScore`: its content words and word pairs, weighted by how few units share them; the figure
 * of the kind asked, a duration, a sum, a count; the act asked to do without). The two best units compare: the
 * score is the share of the question a unit answers, on one scale for the entry and the law, so no threshold on the
 * matcher's scores (which drift as the pack grows) is involved.
 */
export interface EntryFit {
  /** The entry's best unit's score. */
  entry: number;
  /** The law's best unit's score (0 without sources). */
  law: number;
  /** The law's best unit, when there is one. */
  lawUnit: AnswerUnit | null;
  /**
   * The share of that unit's own word pairs the entry's answer holds (1 without a unit): how far the entry restates
   * the clause. A curated answer paraphrases the clauses it rests on; one whose best clause it does not restate covers
   * the topic but another case of it (D-answers-48).
   */
  restated: number;
}

/** A sentence of an entry's answer, read under the entry's question as a clause is read under its article's title. */
function entryUnits(entry: FaqEntry): AnswerUnit[] {
  const article: LawArticle = {
    id: `faq:${entry.id}`,
    lawId: '',
    lawName: '',
    lawType: '',
    articleNo: '',
    title: entry.question,
    text: entry.answer,
    chapter: null,
    section: null,
    effectiveDate: null,
    status: 'in_force',
  };
  const units: AnswerUnit[] = [];
  let leadIn = '';
  for (const line of entry.answer.split('\n').map((part) => part.trim()).filter((part) => part !== '')) {
    const point = /^[-•*]\s+/u.test(line);
    const sentences = line.replace(/^[-•*]\s+/u, '').split(/(?<=[.;!?])\s+(?=\p{Lu})/u);
    for (const sentence of sentences) {
      units.push({ article, clauseNo: null, text: point && leadIn ? `${leadIn} ${sentence}` : sentence, core: sentence, order: units.length });
    }
    if (line.endsWith(':')) leadIn = line;
    else if (!point) leadIn = '';
  }
  return units;
}

/** Folded word pairs of a text. */
function wordPairs(text: string): Set<string> {
  const words = syllables(foldDiacritics(text).toLowerCase());
  return new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
}

/** The share of `unit`'s own word pairs that `pairs` holds (1 for a unit of fewer than two words). */
function restatedShare(unit: AnswerUnit, pairs: ReadonlySet<string>): number {
  const own = wordPairs(unit.core);
  if (own.size === 0) return 1;
  let held = 0;
  for (const pair of own) if (pairs.has(pair)) held += 1;
  return held / own.size;
}

/**
 * What a unit whose acting party is the one asked gains, and one whose acting party is another loses (asked-party.ts):
 * the insurer's 7 days and the employer's 7 days share every word of "bảo hiểm xét trong bao lâu" (D-answers-48).
 */
const PARTY_WEIGHT = 0.05;

/**
 * The entry's and the law's best unit for `question`; `maxArticles` as the extractive answer reads them. The law's
 * units are those of the retrieved sources and every clause of `cited`, the articles the entry rests on (its curator
 * chose them: the clause of the case asked is often one the entry does not restate, and the search, drawn to the
 * entry's topic words, need not have found it). `asked`: the party the question asks about (asked-party.ts), read on
 * the question as typed.
 */
export function entryFit(question: string, entry: FaqEntry, sources: readonly PromptSource[], maxArticles: number, cited: readonly LawArticle[] = [], asked: Party | null = null): EntryFit {
  const shape = questionShape(question);
  const own = entryUnits(entry);
  const retrieved = candidateUnits(sources, maxArticles).flatMap((candidate) => candidate.usable);
  const seen = new Set(retrieved.map((unit) => `${unit.article.id}|${unit.order}`));
  const fromCited = cited.filter((article) => article.status !== 'expired').flatMap((article) => answerUnits(article, null));
  const law = [...retrieved, ...fromCited.filter((unit) => !seen.has(`${unit.article.id}|${unit.order}`))];
  // One weighting for both sides: a word every unit of either has tells them apart no more than a topic word does.
  const weights = termWeights(shape, [...own, ...law]);
  const best = (units: readonly AnswerUnit[]) =>
    units.reduce<{ unit: AnswerUnit | null; score: number }>((top, unit) => {
      const party = asked ? actingParty(unit.core) : null;
      const score = unitScore(shape, unit, weights) + (party ? (party === asked ? PARTY_WEIGHT : -PARTY_WEIGHT) : 0);
      return score > top.score ? { unit, score } : top;
    }, { unit: null, score: 0 });
  const lawBest = best(law);
  const restated = lawBest.unit ? restatedShare(lawBest.unit, wordPairs(entry.answer)) : 1;
  return { entry: best(own).score, law: lawBest.score, lawUnit: lawBest.unit, restated };
}

/**
 * Words that name no case (folded): the question's frame ("thì được", "phải bồi"), its asking words and the figure's
 * own units ("bao nhiêu phần trăm", "mấy tháng lương"). A pair with one of them says how the question is put, not which
 * case it is about: "nam cua" or "thang luong" held by a clause and not by the entry set aside right entries on dev.
 */
const FRAME_WORDS: ReadonlySet<string> = new Set([
  'cua', 'thi', 'duoc', 'dc', 'phai', 'la', 'co', 'khong', 'ko', 'cho', 'va', 'voi', 'bi', 'se', 'da', 'ma', 'nay', 'do',
  'nhu', 'the', 'nao', 'gi', 'bao', 'nhieu', 'may', 'bn', 'lau', 'phan', 'tram', 'ngay', 'thang', 'nam', 'gio', 'tieng',
  'phut', 'tuan', 'lan', 'tuoi', 'tien', 'luong', 'toi', 'thieu', 'it', 'nhat', 'tinh', 'vao', 'ra', 'len', 'trong',
  'sau', 'truoc', 'khi', 'neu', 'de', 'tu', 'den', 'o', 'tai', 've', 'theo', 'hay', 'hoac', 'cung', 'con', 'moi', 'roi',
  'nua', 'van', 'lai', 'di', 'lam', 'tra', 'muc', 'bang', 'huong', 'nhan', 'nghi', 'em', 'minh', 'ban',
]);

/**
 * The case a figure question names that the entry does not speak of (D-answers-53): "công ty chậm đóng bảo hiểm thì
 * bị phạt bao nhiêu" reached an entry on the fine for not signing a contract in writing (a sum, of the kind asked, for
 * another breach); an entry on maternity leave answers a surrogate mother with the ordinary 6 months. Word overlap
 * cannot tell: the entry shares the question's frame ("bị phạt", "được nghỉ"). The law's first source says which
 * case: among its units stating the figure asked, the best-scoring one; the word pairs of the question it holds that
 * neither the entry's question nor its answer has are the case the entry leaves out ("chậm đóng", "mang thai hộ").
 * Returns that unit when there is such a pair and the unit scores at least the entry's best sentence less `margin`,
 * else null. Only for questions asking a figure of a named kind; read folded, on the normalised question.
 */
export function caseLeftOut(question: string, entry: FaqEntry, sources: readonly PromptSource[], margin: number): AnswerUnit | null {
  const shape = questionShape(question);
  if (!shape.quantity || shape.kind === null || sources.length === 0) return null;
  const [first] = candidateUnits(sources, 1);
  const stating = (first?.usable ?? []).filter((unit) => answersAskedFigure(shape, unit));
  if (stating.length === 0) return null;
  const own = entryUnits(entry);
  const weights = termWeights(shape, [...own, ...stating]);
  const top = (units: readonly AnswerUnit[]) =>
    units.reduce<{ unit: AnswerUnit | null; score: number }>((best, unit) => {
      const score = unitScore(shape, unit, weights);
      return score > best.score ? { unit, score } : best;
    }, { unit: null, score: 0 });
  const law = top(stating);
  if (!law.unit || law.score < top(own).score - margin) return null;
  const entryPairs = wordPairs(`${entry.question}\n${entry.answer}`);
  const unitPairs = wordPairs(law.unit.text);
  const named = [...shape.bigrams].filter((pair) => unitPairs.has(pair) && !entryPairs.has(pair) && pair.split(' ').every((word) => !FRAME_WORDS.has(word)));
  return named.length > 0 ? law.unit : null;
}
