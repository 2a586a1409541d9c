import { startFakeOpenAiServer, groundedResponder, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { ask, createAnswerStack } from './answers-fixtures.js';

const PERSONAL = {
  phone: '0912 345 678',
  phoneDigits: '0912345678',
  nationalId: '001203004567',
  email: 'lan.nguyen@gmail.com',
  bankAccount: '0451000123456',
};

const QUESTION = `Em tên Lan, số điện thoại ${PERSONAL.phone}, CCCD ${PERSONAL.nationalId}, email ${PERSONAL.email}, số tài khoản Vietcombank ${PERSONAL.bankAccount}. Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu?`;

describe('personal data never reaches the LLM', () => {
  let llm: FakeOpenAiServer;
  beforeEach(async () => {
    llm = await startFakeOpenAiServer({ defaultResponder: groundedResponder });
  });
  afterEach(async () => {
    await llm.close();
  });

  it('redacts phone, CCCD, email and bank account before the request leaves the process', async () => {
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const answer = await service.answer(ask(QUESTION, 'working_time'));
    expect(answer.kind).toBe('legal');
    expect(llm.requests.length).toBeGreaterThan(0);
    const sent = llm.allSentText();
    for (const value of Object.values(PERSONAL)) expect(sent).not.toContain(value);
    expect(sent).not.toMatch(/0912\s?345\s?678/);
    expect(sent).toMatch(/\[SĐT\]/);
    expect(sent).toMatch(/\[CCCD\]/);
    expect(sent).toMatch(/\[EMAIL\]/);
    expect(sent).toMatch(/\[STK\]/);
    // The question itself still reached the model.
    expect(sent).toContain('ngày nghỉ hằng tuần');
  });

  it('also redacts full-width digits and obfuscated e-mails (issue #13 finding 10)', async () => {
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    const disguised = 'sđt em ０９１２ ３４５ ６７８, mail lan.nguyen92 [at] gmail.com, hoặc lan92 a còng yahoo chấm com. Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu?';
    await service.answer(ask(disguised, 'working_time'));
    const sent = llm.allSentText();
    for (const value of ['０９１２', '３４５', '６７８', 'lan.nguyen92', 'lan92', 'yahoo']) expect(sent).not.toContain(value);
    expect(sent).toContain('ngày nghỉ hằng tuần');
  });

  it('keeps redacting on the corrective retry', async () => {
    llm.enqueue(() => ({ kind: 'message', content: 'Bạn được trả ít nhất 200% [Điều 999, 45/2019/QH14].' }));
    const { service } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
    await service.answer(ask(QUESTION, 'working_time'));
    expect(llm.requests).toHaveLength(2);
    for (const value of Object.values(PERSONAL)) expect(llm.allSentText()).not.toContain(value);
  });
});
