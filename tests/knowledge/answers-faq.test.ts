import { ANSWER_TEXTS } from '../../knowledge/answer/answer-texts.vi.js';
import { ask, createAnswerStack } from './answers-fixtures.js';

describe('answers from the FAQ starter pack', () => {
  it.each([
    ['Lương tối thiểu vùng I năm 2026 là bao nhiêu vậy ạ?', 'wages-minimum-wage-2026', '5.310.000'],
    ['luong toi thieu vung 2026 bao nhieu', 'wages-minimum-wage-2026', '4.730.000'],
    ['tăng ca chủ nhật đc x2 lương ko', 'wt-overtime-pay', '200%'],
    ['Nghỉ sinh con được mấy tháng theo luật mới?', 'mat-leave-length', '06 tháng'],
  ])('answers "%s" with entry %s, cited and with the disclaimer', async (question, entryId, figure) => {
    const { service } = await createAnswerStack();
    const answer = await service.answer(ask(question));
    expect(answer).toMatchObject({ kind: 'faq', composer: 'faq', faqEntryId: entryId });
    expect(answer.text).toContain(figure);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.text).toContain('Căn cứ: ');
    expect(answer.text).toContain(ANSWER_TEXTS.disclaimer);
    expect(answer.text).toContain(ANSWER_TEXTS.officerOffer);
    expect(answer.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('labels FAQ citations with the law name and effective date from the corpus', async () => {
    const { service } = await createAnswerStack();
    const answer = await service.answer(ask('Lương tối thiểu vùng I năm 2026 là bao nhiêu vậy ạ?'));
    expect(answer.citations[0]).toMatchObject({
      lawId: '293/2025/NĐ-CP',
      articleNo: '3',
      effectiveDate: '2026-01-01',
      label: 'Điều 3 Nghị định 293/2025/NĐ-CP (hiệu lực từ 01/01/2026)',
    });
  });

  it.each([
    // The worker's right (Điều 35), not the employer's grounds (Điều 36) its close FAQ entry cites.
    ['Người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi nào', '35', '36'],
    ['nguoi lao dong co quyen don phuong cham dut hop dong khong can bao truoc khi nao', '35', '36'],
    // The employer's notice (Điều 36), not the worker's (Điều 35), though the worker's entry is the nearest.
    ['em làm hợp đồng không xác định thời hạn, nghe đồn công ty sắp cho em nghỉ việc, công ty phải báo trước cho em ít nhất bao nhiêu ngày', '36', '35'],
  ])('answers "%s" from the side asked: Điều %s, never Điều %s alone (D-answers-24)', async (question, asked, other) => {
    const { service, corpus } = await createAnswerStack();
    if (corpus.source !== 'shared') return; // the two articles are in the real corpus only
    const answer = await service.answer(ask(question));
    const cited = answer.citations.filter((citation) => citation.lawId === '45/2019/QH14').map((citation) => citation.articleNo);
    expect(cited[0]).toBe(asked);
    expect(cited.length === 1 && cited[0] === other).toBe(false);
  });

  it('answers from the nearest entry whatever its side when the side cue is off', async () => {
    const { service, corpus } = await createAnswerStack({ options: { sideCue: false } });
    if (corpus.source !== 'shared') return;
    const answer = await service.answer(ask('Người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi nào'));
    // The employer's entry answers (Điều 36); the worker's clause it does not restate follows it (D-answers-48).
    expect(answer).toMatchObject({ kind: 'faq' });
    expect(answer.citations.map((citation) => citation.articleNo)).toContain('36');
  });
});
