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
});
