import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { createAnswerStack } from './answers-fixtures.js';
import { loadAdversarialReplies, runAdversarialReplies, type AdversarialCase } from './adversarial-replies.js';

/** Sound replies in the same words: the checks must let these through, or the LLM path is pointless. */
const GOOD: AdversarialCase[] = [
  { id: 'g1', category: 'good', q: 'làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu', reply: 'Làm thêm giờ vào ngày nghỉ hằng tuần, bạn được trả ít nhất 200% tiền lương {cite}. Nếu công ty trả thấp hơn, bạn có thể trao đổi với công đoàn cơ sở.' },
  { id: 'g2', category: 'good', q: 'lương tối thiểu tháng vùng I là bao nhiêu', reply: 'Mức lương tối thiểu tháng của vùng I là 5.310.000 đồng {cite}.' },
  { id: 'g3', category: 'good', q: 'lao động nữ nghỉ thai sản khi sinh con được bao lâu', reply: 'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng {cite}; thời gian nghỉ trước khi sinh không quá 02 tháng.' },
  { id: 'g4', category: 'good', q: 'làm đủ 12 tháng cho một công ty thì được nghỉ hằng năm bao nhiêu ngày', reply: 'Làm đủ 12 tháng thì bạn được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương {cite}.' },
  { id: 'g5', category: 'good', q: 'công ty chậm trả lương thì có phải đền bù cho người lao động không', reply: 'Có. Nếu trả lương chậm từ 15 ngày trở lên, công ty phải đền bù cho bạn một khoản tiền ít nhất bằng tiền lãi của số tiền trả chậm {cite}.' },
];

/**
 * Issue #11 item 8: a bad model never reaches a member. Every reply of the adversarial set (invented articles,
 * figures absent from the sources or bound to another subject or region, figures in words, wrong dates, advice to
 * give up rights, obeyed injections, personal data, off-topic, English, no citation, links, documents not
 * retrieved, empty) is served by a fake OpenAI-compatible server and must end in the extractive answer.
 */
describe('the LLM answer checks against the adversarial set', () => {
  let llm: FakeOpenAiServer;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer();
  });
  afterAll(async () => llm.close());

  it('has at least 50 bad replies in at least 12 categories', () => {
    const cases = loadAdversarialReplies();
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(12);
  });

  it('catches every one of them: the member gets the extractive answer', async () => {
    const { service, corpus } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    if (corpus.source !== 'shared') return; // the questions need the real corpus's articles
    const outcomes = await runAdversarialReplies(llm, service);
    expect(outcomes.filter((o) => !o.caught)).toEqual([]);
  }, 120_000);

  it('lets sound replies in the same words through', async () => {
    const { service, corpus } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    if (corpus.source !== 'shared') return;
    const outcomes = await runAdversarialReplies(llm, service, GOOD);
    expect(outcomes.filter((o) => o.caught)).toEqual([]);
  }, 60_000);
});
