import { leadCuratedAnswer, leadWithNegatedAct, refersBack, withoutYesNoLead } from './faq-lead.js';

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

describe('leadCuratedAnswer', () => {
  const pension = [
    'Bạn được hưởng lương hưu khi có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên và đủ tuổi nghỉ hưu.',
    'Tuổi nghỉ hưu tăng dần đến đủ 62 tuổi với nam và đủ 60 tuổi với nữ.',
    'Người làm nghề nặng nhọc có thể nghỉ hưu ở tuổi thấp hơn nhưng không quá 05 tuổi.',
  ].join('\n\n');

  it('leads with the paragraph that states a figure of the kind asked when the first states none', () => {
    for (const question of ['nữ mấy tuổi được nghỉ hưu', 'nu bao nhieu tuoi dc nghi huu']) {
      const paragraphs = leadCuratedAnswer(pension, question).split('\n\n');
      expect(paragraphs[0]).toMatch(/^Tuổi nghỉ hưu tăng dần/u);
      expect(paragraphs).toHaveLength(3);
    }
  });

  it('keeps the entry as written when its first paragraph states the kind asked or no kind is asked', () => {
    expect(leadCuratedAnswer(pension, 'đóng bảo hiểm mấy năm thì được lương hưu')).toBe(pension);
    expect(leadCuratedAnswer(pension, 'điều kiện hưởng lương hưu là gì')).toBe(pension);
  });

  it('puts the paragraph doing without a negated act first, before any figure', () => {
    expect(leadCuratedAnswer(entry, 'nghỉ không báo trước được không').split('\n\n')[0]).toMatch(/^Chỉ được/u);
  });
});

describe('a paragraph that refers back moves with the one it refers to (D-answers-35)', () => {
  const dismissal = [
    'Công ty chỉ được đơn phương chấm dứt hợp đồng khi có một trong các căn cứ luật định.',
    'Các căn cứ gồm: bạn thường xuyên không hoàn thành công việc; đủ tuổi nghỉ hưu; thiên tai buộc phải giảm chỗ làm.',
    'Khi đó công ty phải báo trước ít nhất 45 ngày với hợp đồng không xác định thời hạn.',
    'Bạn nên hỏi công đoàn cơ sở.',
  ].join('\n\n');

  it('leads with the antecedent, then the figure that refers to it, then the rest as written', () => {
    const paragraphs = leadCuratedAnswer(dismissal, 'công ty cho nghỉ phải báo trước mấy ngày').split('\n\n');
    expect(paragraphs[0]).toMatch(/^Các căn cứ gồm/u);
    expect(paragraphs[1]).toMatch(/^Khi đó công ty phải báo trước ít nhất 45 ngày/u);
    expect(paragraphs.slice(2)).toEqual(['Công ty chỉ được đơn phương chấm dứt hợp đồng khi có một trong các căn cứ luật định.', 'Bạn nên hỏi công đoàn cơ sở.']);
  });

  it('keeps the entry as written when what the figure refers to is already the first paragraph', () => {
    const hourly = ['Người hưởng lương theo giờ được trả không thấp hơn mức lương tối thiểu giờ của vùng.', 'Mức này là 25.500 đồng/giờ ở vùng I.'].join('\n\n');
    expect(leadCuratedAnswer(hourly, 'lương giờ tối thiểu được bao nhiêu tiền')).toBe(hourly);
  });

  it.each([
    ['Mức này áp dụng cho mỗi giờ làm việc.', true],
    ['Khi đó công ty phải báo trước ít nhất 45 ngày.', true],
    ['Trường hợp trên được hưởng nguyên lương.', true],
    ['Ngoài ra, người vi phạm không được trợ cấp thất nghiệp.', true],
    ['Trường hợp bạn tự ý bỏ việc thì công ty không phải báo trước.', false],
    ['Mức hưởng bằng 75% tiền lương.', false],
  ])('refersBack("%s") is %s', (paragraph, expected) => {
    expect(refersBack(paragraph)).toBe(expected);
  });
});

describe('withoutYesNoLead', () => {
  const bargaining = 'Có. Công đoàn cơ sở đại diện người lao động thương lượng tập thể với công ty.';

  it('drops an entry\'s "Có." before a what/how question: it answers nothing asked', () => {
    expect(withoutYesNoLead(bargaining, 'cty ko cho thuong luong tap the thi cong doan lam gi dc')).toBe('Công đoàn cơ sở đại diện người lao động thương lượng tập thể với công ty.');
    expect(withoutYesNoLead('Không, công ty không được giữ bằng gốc.', 'công ty giữ bằng gốc của em thì xử lý thế nào')).toBe('Công ty không được giữ bằng gốc.');
    expect(leadCuratedAnswer(bargaining, 'thương lượng tập thể gồm những nội dung gì')).toMatch(/^Công đoàn/u);
  });

  it('keeps it when the question asks yes or no', () => {
    for (const question of ['công đoàn có quyền thương lượng tập thể không', 'cong doan co dc thuong luong ko a', 'công đoàn thương lượng được không vậy']) {
      expect(withoutYesNoLead(bargaining, question)).toBe(bargaining);
    }
  });
});
