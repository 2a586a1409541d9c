import { leadWithNegatedAct } from './faq-lead.js';

const entry = [
  'Bạn có quyền đơn phương chấm dứt hợp đồng nhưng phải báo trước cho công ty:\n- Ít nhất 45 ngày nếu hợp đồng không xác định thời hạn;\n- Ít nhất 30 ngày nếu hợp đồng xác định thời hạn.',
  'Một số trường hợp được nghỉ không cần báo trước: không được trả đủ lương; bị quấy rối tình dục.',
  'Nên báo trước bằng văn bản và giữ bản sao.',
].join('\n\n');

describe('leadWithNegatedAct', () => {
  it('leads with the paragraph that does without the act the question negates, the rule after it', () => {
    for (const question of ['em muốn nghỉ ngay không báo trước được không', 'em muon nghi ngay ko bao truoc dc ko']) {
      const paragraphs = leadWithNegatedAct(entry, question).split('\n\n');
      expect(paragraphs[0]).toBe('Chỉ được trong những trường hợp luật cho phép. Một số trường hợp được nghỉ không cần báo trước: không được trả đủ lương; bị quấy rối tình dục.');
      expect(paragraphs[1]).toMatch(/^Bạn có quyền đơn phương/u);
      expect(paragraphs).toHaveLength(3);
    }
  });

  it('states no "only in these cases" before a which-question, and keeps the entry as written without a negated act', () => {
    expect(leadWithNegatedAct(entry, 'nghỉ không cần báo trước trong trường hợp nào').split('\n\n')[0]).toMatch(/^Một số trường hợp/u);
    expect(leadWithNegatedAct(entry, 'nghỉ việc phải báo trước mấy ngày')).toBe(entry);
    expect(leadWithNegatedAct(entry, 'nghỉ việc có cần báo trước không')).toBe(entry);
  });
});
