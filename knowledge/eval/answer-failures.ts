import type { KnowledgeAnswer } from '../../core/knowledge/answer.js';
import type { AnswerCaseResult, AnswerEvalCase } from './answer-evaluation.js';

/** One failing case with what the member was actually told, for a human to read (`kb eval-answers --failures`). */
export interface AnswerFailureDetail {
  id: string;
  outcome: AnswerCaseResult['outcome'];
  style: AnswerEvalCase['style'];
  kind: KnowledgeAnswer['kind'];
  q: string;
  /** What the reply had to state (any one) and the articles it could cite. */
  expected: { facts: string[]; cite: string[] };
  /** The reply as the member gets it, and the articles it cited (`lawId Điều n`). */
  answer: string;
  cited: string[];
  invented: string[];
}

const reference = (lawId: string, articleNo: string) => `${lawId} Điều ${articleNo}`;

export function failureDetail(item: AnswerEvalCase, answer: KnowledgeAnswer, result: AnswerCaseResult): AnswerFailureDetail {
  return {
    id: item.id,
    outcome: result.outcome,
    style: item.style,
    kind: answer.kind,
    q: item.q,
    expected: { facts: item.facts, cite: item.cite.map((c) => reference(c.law_id, c.article_no)) },
    answer: answer.text,
    cited: answer.citations.map((c) => reference(c.lawId, c.articleNo)),
    invented: result.invented,
  };
}

/**
 * Readable block for the terminal: header, the question, what was expected, then the reply indented so that its
 * own blank lines do not run into the next case.
 */
export function formatFailure(detail: AnswerFailureDetail): string[] {
  return [
    `── ${detail.id} (${detail.outcome}, ${detail.style}, ${detail.kind})`,
    `  hỏi: ${detail.q}`,
    `  cần: ${detail.expected.facts.join(' | ')} — ${detail.expected.cite.join(', ')}`,
    `  trích: ${detail.cited.join(', ') || '(không)'}`,
    ...(detail.invented.length > 0 ? [`  bịa: ${detail.invented.join('; ')}`] : []),
    ...detail.answer.split('\n').map((line) => `  │ ${line}`),
  ];
}
