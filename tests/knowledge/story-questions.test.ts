import { readFileSync } from 'node:fs';
import type { TurnOutcome } from '../../core/pipeline/turn.js';
import { comparable, parseAnswerEvalJsonl, type AnswerEvalCase } from '../../knowledge/eval/answer-evaluation.js';
import { createArticleLookup } from '../../knowledge/answer/article-lookup.js';
import { loadAnswerCorpus } from './answers-fixtures.js';
import { createRealPipeline, type RealPipeline } from './real-pipeline-support.js';

/**
 * Issue #11: members tell a story and ask one thing inside it ("em làm ở cty may 3 năm, tháng trước bị sốt xuất huyết
 * nằm viện 1 tuần, cty bảo không có lương, vậy em được hưởng trợ cấp ốm đau bằng bao nhiêu phần trăm lương"). 36 such
 * messages written from the corpus for this check (fixtures/story-questions.jsonl: sickness, paternity, notice,
 * probation pay, overtime, holiday pay, final pay, marriage leave, wage deductions, night breaks, nursing breaks,
 * accidents, funeral allowance, discipline, dismissal notice, severance, contract copies; half unaccented or
 * teencode), each with the fact the reply must state and the articles it may cite. Through the real pipeline.
 */
const CASES: AnswerEvalCase[] = parseAnswerEvalJsonl(readFileSync(new URL('./fixtures/story-questions.jsonl', import.meta.url), 'utf8'));

let pipeline: RealPipeline;
beforeAll(async () => {
  pipeline = await createRealPipeline();
}, 120_000);

const answerOf = (outcome: TurnOutcome) => outcome.replies.find((reply) => reply.kind === 'faq' || reply.kind === 'answer');
const textOf = (outcome: TurnOutcome) => {
  const reply = answerOf(outcome);
  return reply && 'text' in reply.content ? reply.content.text : '';
};
const statesFact = (text: string, facts: readonly string[]) => facts.some((fact) => comparable(text).includes(comparable(fact)));
const citesOne = (outcome: TurnOutcome, item: AnswerEvalCase) =>
  (answerOf(outcome)?.citations ?? []).some((c) => item.cite.some((cite) => cite.law_id === c.lawId && cite.article_no === c.articleNo));

/**
 * Measured (D-answers-39): 31/36 on main 6da0701, 30/36 with the story weighted below its opening clause and question
 * (sw18 lost: "… hợp đồng lao động phải làm thành mấy bản" now reaches the training contract's "02 bản"). Most misses
 * are messages the NLU reads as complaints (the topic's brief answers). The floor leaves a margin of 2.
 */
const FLOOR = 28;

describe('a question told inside a story is answered on what it asks', () => {
  it('the set is of the promised shape: ≥ 30 messages, half unaccented or teencode, every fact in an acceptable article', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((item) => item.style !== 'typed').length * 2).toBeGreaterThanOrEqual(CASES.length);
    const corpus = await loadAnswerCorpus();
    if (corpus.source !== 'shared') return;
    const lookup = createArticleLookup(corpus.articles);
    const articleTexts = (item: AnswerEvalCase) => comparable(item.cite.map((ref) => lookup.get(ref.law_id, ref.article_no)?.text ?? '').join('\n'));
    const wrong = CASES.filter((item) => !item.facts.some((fact) => articleTexts(item).includes(comparable(fact))));
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it(`states the asked fact, from an acceptable article, for at least ${FLOOR} of the messages`, async () => {
    const misses: string[] = [];
    for (const item of CASES) {
      const outcome = await pipeline.say(item.q);
      if (!statesFact(textOf(outcome), item.facts) || !citesOne(outcome, item)) misses.push(`${item.id} [${outcome.nlu?.route}/${outcome.nlu?.topic}]: ${textOf(outcome).slice(0, 160)}`);
    }
    process.stdout.write(`story questions: ${CASES.length - misses.length}/${CASES.length} right\n${misses.join('\n')}\n`);
    if (CASES.length - misses.length < FLOOR) throw new Error(`${CASES.length - misses.length}/${CASES.length} right; misses:\n${misses.join('\n')}`);
  }, 600_000);
});
