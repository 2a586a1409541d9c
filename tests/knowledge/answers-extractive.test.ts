import { ANSWER_TEXTS } from '../../knowledge/answer/answer-texts.vi.js';
import { ask, createAnswerStack } from './answers-fixtures.js';

describe('legal answers without an LLM (extractive)', () => {
  it('quotes the overtime article with its percentages and cites it', async () => {
    const { service } = await createAnswerStack({ withFaq: false });
    const answer = await service.answer(ask('làm thêm giờ vào ngày nghỉ hằng tuần được trả lương bao nhiêu', 'working_time'));
    expect(answer).toMatchObject({ kind: 'legal', composer: 'extractive' });
    expect(answer.fallbackReason).toBeUndefined();
    // Leads with the answer (no "the following provisions" preamble), the figure in its first paragraph.
    expect(answer.text).not.toContain(ANSWER_TEXTS.extractiveIntro);
    expect(answer.text).toMatch(/^Theo (khoản \d+ )?Điều \d+ /);
    expect(answer.text.split('\n\n')[0]).toContain('200%');
    // Decree 145 Art. 55 holds the overtime formula flattened into one line: never quoted.
    expect(answer.text).not.toMatch(/Số giờ làm =|x hoặc 200%/);
    expect(answer.citations.some((c) => c.lawId === '45/2019/QH14' || c.lawId === '145/2020/NĐ-CP')).toBe(true);
    expect(answer.text).toContain(ANSWER_TEXTS.disclaimer);
  });

  it('quotes the regional minimum wage figures exactly as the decree states them', async () => {
    const { service } = await createAnswerStack({ withFaq: false });
    const answer = await service.answer(ask('lương tối thiểu vùng I hiện nay là bao nhiêu'));
    expect(answer.composer).toBe('extractive');
    expect(answer.citations.map((c) => `${c.articleNo} ${c.lawId}`)).toContain('3 293/2025/NĐ-CP');
    for (const figure of ['5.310.000', '4.730.000', '4.140.000', '3.700.000']) expect(answer.text).toContain(figure);
  });

  it('cites only articles it quoted, each with an effective date, and stays short enough for a chat', async () => {
    const { service } = await createAnswerStack({ withFaq: false });
    const answer = await service.answer(ask('người lao động được nghỉ hằng năm bao nhiêu ngày', 'working_time'));
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      expect(answer.text).toContain(`Điều ${citation.articleNo} `);
      expect(citation.label).toMatch(/\(hiệu lực từ \d{2}\/\d{2}\/\d{4}/);
    }
    expect(answer.text).toMatch(/12 ngày làm việc/);
    expect(answer.text.length).toBeLessThan(1800);
  });

  it('answers not_covered for a question the documents do not cover, offering an officer', async () => {
    const { service } = await createAnswerStack({ withFaq: false });
    const answer = await service.answer(ask('giá vàng hôm nay bao nhiêu'));
    expect(answer).toMatchObject({ kind: 'not_covered', citations: [], composer: 'none' });
    expect(answer.text).toBe(`${ANSWER_TEXTS.notCovered}\n\n${ANSWER_TEXTS.notCoveredOffer}`);
  });
});
