import type { TurnOutcome } from '../../core/pipeline/turn.js';
import { comparable, type AnswerEvalCase } from '../../knowledge/eval/answer-evaluation.js';

/**
 * How the real-pipeline suites (complaint-questions, story-questions) read a turn the way `kb eval-answers` reads a
 * reply: the answering reply (a FAQ entry or a legal answer, or a complaint's composite reply), its text, whether it
 * states one of the case's facts and whether it cites one of its acceptable articles.
 */
export const answerOf = (outcome: TurnOutcome) => outcome.replies.find((reply) => reply.kind === 'faq' || reply.kind === 'answer');

export const textOf = (outcome: TurnOutcome): string => {
  const reply = answerOf(outcome);
  return reply && 'text' in reply.content ? reply.content.text : '';
};

export const statesFact = (text: string, facts: readonly string[]): boolean => facts.some((fact) => comparable(text).includes(comparable(fact)));

export const citesOne = (outcome: TurnOutcome, item: AnswerEvalCase): boolean =>
  (answerOf(outcome)?.citations ?? []).some((c) => item.cite.some((cite) => cite.law_id === c.lawId && cite.article_no === c.articleNo));
