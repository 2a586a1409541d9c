import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import { questionShape, termWeights, unitScore, type AnswerUnit } from './answer-units.js';
import { candidateUnits } from './extractive-answer.js';
import type { PromptSource } from './grounded-prompt.vi.js';

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

/** The entry's and the law's best unit for `question`; `maxArticles` as the extractive answer reads them. */
export function entryFit(question: string, entry: FaqEntry, sources: readonly PromptSource[], maxArticles: number): EntryFit {
  const shape = questionShape(question);
  const own = entryUnits(entry);
  const law = candidateUnits(sources, maxArticles).flatMap((candidate) => candidate.usable);
  // One weighting for both sides: a word every unit of either has tells them apart no more than a topic word does.
  const weights = termWeights(shape, [...own, ...law]);
  const best = (units: readonly AnswerUnit[]) =>
    units.reduce<{ unit: AnswerUnit | null; score: number }>((top, unit) => {
      const score = unitScore(shape, unit, weights);
      return score > top.score ? { unit, score } : top;
    }, { unit: null, score: 0 });
  const lawBest = best(law);
  return { entry: best(own).score, law: lawBest.score, lawUnit: lawBest.unit };
}
