import type { AnswerUnit } from '../answer/answer-units.js';
import { comparable, type AnswerEvalCase } from './answer-evaluation.js';

/**
 * A candidate unit states the asked fact when its article is one the case accepts and its text holds one of the
 * case's facts, compared as the answer evaluation compares a reply (`comparable`: leading zeros and case aside).
 */
export function statesAskedFact(item: Pick<AnswerEvalCase, 'facts' | 'cite'>, unit: AnswerUnit): boolean {
  const acceptable = item.cite.some((ok) => ok.law_id === unit.article.lawId && ok.article_no === unit.article.articleNo);
  if (!acceptable) return false;
  const text = comparable(unit.text);
  return item.facts.some((fact) => text.includes(comparable(fact)));
}
