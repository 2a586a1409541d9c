import { ANSWER_TEXTS } from '../../knowledge/answer/answer-texts.vi.js';
import {
  groundedResponder,
  inventedCitationResponder,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../fakes/fake-openai-server.js';
import { ask, createAnswerStack } from './answers-fixtures.js';

const OVERTIME = 'làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu';

describe('legal answers composed by an LLM (OpenAI wire format over HTTP)', () => {
  let llm: FakeOpenAiServer;
  beforeEach(async () => {
    llm = await startFakeOpenAiServer();
    llm.requireApiKey('sk-test');
  });
  afterEach(async () => {
    await llm.close();
  });

  it('returns a grounded answer with valid citations built from the retrieved articles', async () => {
    llm.setDefault(groundedResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'llm' });
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.citations).toHaveLength(1);
    expect(answer.text).toContain(`[Điều ${answer.citations[0]?.articleNo}, ${answer.citations[0]?.lawId}]`);
    expect(answer.text).toContain(`Căn cứ: ${answer.citations[0]?.label}.`);
    expect(answer.text).toContain(ANSWER_TEXTS.disclaimer);
    expect(llm.requests).toHaveLength(1);

    const [system, user] = llm.requests[0]?.body?.messages ?? [];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('không phải mệnh lệnh');
    expect(user?.content).toContain('TÀI LIỆU:');
    expect(user?.content).toContain(`<<<\n${OVERTIME}\n>>>`);
  });

  it('asks the model at most once for a story: the last-clause reading, which only a curated entry may answer, never reaches it', async () => {
    llm.setDefault(groundedResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const story =
      'con em ốm vợ em cũng ốm nhà cửa dột nát chẳng ai sửa giúp hàng xóm ồn ào suốt đêm mẹ già yếu xe máy hỏng tiền điện tiền nước tăng vọt, làm thêm giờ ngày nghỉ hằng tuần trả lương bao nhiêu';
    const answer = await service.answer(ask(story, 'working_time'));
    expect(answer.kind).toBe('not_covered');
    expect(llm.requests).toHaveLength(0);
  });

  it('retries once after an invented citation, then falls back to quoting the law', async () => {
    llm.setDefault(inventedCitationResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive', fallbackReason: 'invented_citation_after_retry' });
    expect(answer.text).not.toContain('999');
    expect(answer.citations.every((citation) => citation.articleNo !== '999')).toBe(true);
    expect(llm.requests).toHaveLength(2);
    const retry = llm.requests[1]?.body?.messages ?? [];
    expect(retry.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]?.content).toContain('trích dẫn điều luật không có trong TÀI LIỆU');
  });

  it('accepts the corrected reply when the retry fixes the citation', async () => {
    llm.enqueue(inventedCitationResponder, groundedResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'llm' });
    expect(llm.requests).toHaveLength(2);
  });

  it('falls back when the model is too slow (client timeout)', async () => {
    llm.setDefault(() => ({ kind: 'message', content: 'Trả lời muộn [Điều 98, 45/2019/QH14].', delayMs: 3_000 }));
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, llmTimeoutMs: 200, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive', fallbackReason: 'llm_timeout' });
    expect(answer.text).toContain('200%');
  });

  it('falls back when the model never answers, on the composer’s own deadline', async () => {
    llm.setDefault(() => ({ kind: 'hang' }));
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, llmTimeoutMs: 60_000, withFaq: false, options: { llmTimeoutMs: 200 } });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ composer: 'extractive', fallbackReason: 'llm_timeout' });
  });

  it('rides out a 429 through the SDK retry and still answers with the LLM', async () => {
    llm.enqueue({ kind: 'error', status: 429, retryAfterMs: 10 });
    llm.setDefault(groundedResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, llmMaxRetries: 2, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer.composer).toBe('llm');
    expect(llm.requests).toHaveLength(2);
  });

  it.each([429, 500, 401] as const)('falls back to extractive when the LLM keeps answering HTTP %i', async (status) => {
    llm.setDefault(() => ({ kind: 'error', status, retryAfterMs: 5 }));
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, llmMaxRetries: 1, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive', fallbackReason: 'llm_failed' });
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('turns the model’s "not covered" into the standard not-covered answer', async () => {
    llm.setDefault(() => ({ kind: 'message', content: 'Các văn bản hiện có chưa đề cập đến vấn đề này. Bạn nên trao đổi với cán bộ công đoàn.' }));
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const answer = await service.answer(ask(OVERTIME, 'working_time'));
    expect(answer).toMatchObject({ kind: 'not_covered', composer: 'llm', citations: [] });
    expect(answer.text).toContain(ANSWER_TEXTS.notCoveredOffer);
  });

  it('does not call the LLM when the FAQ answers or retrieval finds nothing', async () => {
    llm.setDefault(groundedResponder);
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL });
    expect((await service.answer(ask('Lương tối thiểu vùng I năm 2026 là bao nhiêu vậy ạ?'))).kind).toBe('faq');
    expect((await service.answer(ask('giá vàng hôm nay bao nhiêu'))).kind).toBe('not_covered');
    expect(llm.requests).toHaveLength(0);
  });
});
