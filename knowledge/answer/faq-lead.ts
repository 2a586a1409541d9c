import { questionShape, statesDoingWithout } from './answer-units.js';

const CASES = /trường hợp/iu;
const ONLY_IN_CASES = 'Chỉ được trong những trường hợp luật cho phép.';

/**
 * A curated answer states the rule first and its exceptions after ("phải báo trước … 45 ngày", then "Một số trường
 * hợp được nghỉ không cần báo trước: …"). A member asking to do without the act ("em muốn nghỉ ngay không báo trước
 * được không") is answered by the exception: the paragraph that states doing without it leads, the rule follows
 * (issue #11 item 2: the direct answer, with its condition, first). The same rule as the law's clauses
 * (answer-units.ts `negatedActs`); the entry's paragraphs are otherwise kept as written.
 */
export function leadWithNegatedAct(answer: string, question: string): string {
  const { negated, yesNo } = questionShape(question);
  if (negated.length === 0) return answer;
  const paragraphs = answer.split(/\n\s*\n/u);
  if (paragraphs.length < 2 || statesDoingWithout(paragraphs[0] as string, negated)) return answer;
  const index = paragraphs.findIndex((paragraph) => statesDoingWithout(paragraph, negated));
  if (index <= 0) return answer;
  const exception = paragraphs[index] as string;
  // "… được không" asked of an exception that names its cases: the direct answer is "only in these cases".
  const lead = yesNo && CASES.test(exception) ? `${ONLY_IN_CASES} ${exception}` : exception;
  return [lead, ...paragraphs.filter((_, i) => i !== index)].join('\n\n');
}
