import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { answerUnits, questionShape, termWeights, unitScore, type AnswerUnit } from './answer-units.js';
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
