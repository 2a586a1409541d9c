import type { LawArticle } from '../../core/knowledge/law.js';
import { answerUnits, questionShape, termWeights, unitScore } from './answer-units.js';
import { composeExtractiveAnswer } from './extractive-answer.js';

const notice: LawArticle = {
  id: '45/2019/QH14#35',
  lawId: '45/2019/QH14',
  lawName: 'Bộ luật Lao động 2019',
  lawType: 'Bộ luật',
  articleNo: '35',
  title: 'Quyền đơn phương chấm dứt hợp đồng lao động của người lao động',
  text:
    '1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:\n' +
    'a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;\nb) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn.\n' +
    '2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước trong trường hợp sau đây:\n' +
    'a) Không được trả đủ lương hoặc trả lương không đúng thời hạn;\nb) Bị quấy rối tình dục tại nơi làm việc.',
  chapter: null,
  section: null,
  effectiveDate: '2021-01-01',
  status: 'in_force',
};

const best = (question: string, article: LawArticle) => {
  const shape = questionShape(question);
  return [...answerUnits(article, null)].sort((a, b) => unitScore(shape, b) - unitScore(shape, a))[0];
};

describe('what a question asks to do without', () => {
  it('reads the act after "không (cần|phải)", typed, unaccented or teencode', () => {
    expect(questionShape('nld co quyen don phuong cham dut hop dong ko can bao truoc khi nao').negated).toEqual(['bao truoc']);
    expect(questionShape('Tôi nghỉ ngay không báo trước được không').negated).toEqual(['bao truoc']);
    expect(questionShape('trường hợp nào không phải báo trước').negated).toEqual(['bao truoc']);
  });

  it('reads no act in a closing "được không" or "không được à"', () => {
    expect(questionShape('em nghỉ việc được không').negated).toEqual([]);
    expect(questionShape('nghỉ phép không được à').negated).toEqual([]);
  });

  it('leads with the clause that does without the act, over the opening clause that shares the words', () => {
    const lead = (question: string) => composeExtractiveAnswer([{ article: notice, passages: [] }], undefined, question).body.split('\n')[0];
    expect(lead('nld co quyen don phuong cham dut hop dong ko can bao truoc khi nao')).toMatch(/^Theo khoản 2 Điều 35 .*không cần báo trước/u);
    // A yes/no question: the lead-in's "có quyền" answers it, not the case "Không được trả đủ lương".
    expect(lead('Người lao động muốn nghỉ ngay không báo trước thì được không')).toMatch(/^Có\. Theo khoản 2 Điều 35/u);
    expect(lead('Người lao động có quyền đơn phương chấm dứt hợp đồng phải báo trước bao nhiêu ngày')).toMatch(/^Theo khoản 1 Điều 35/u);
  });
});

describe('figures asked', () => {
  it('reads a percentage followed by a word as a figure ("2% quỹ tiền lương")', () => {
    const fund: LawArticle = {
      ...notice,
      id: '50/2024/QH15#29',
      lawId: '50/2024/QH15',
      lawName: 'Luật Công đoàn 2024',
      articleNo: '29',
      title: 'Tài chính công đoàn',
      text: '1. Nguồn tài chính công đoàn bao gồm:\na) Đoàn phí công đoàn do đoàn viên công đoàn đóng theo quy định của Điều lệ;\nb) Kinh phí công đoàn do cơ quan, doanh nghiệp đóng bằng 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội cho người lao động.\n' +
        '2. Doanh nghiệp chậm đóng quá 30 ngày thì bị xử phạt.',
    };
    expect(best('kinh phí công đoàn doanh nghiệp đóng theo tỷ lệ nào', fund)?.core).toContain('2% quỹ tiền lương');
  });
});

describe('the kind of figure asked', () => {
  const sickness: LawArticle = {
    ...notice,
    id: '41/2024/QH15#45',
    lawId: '41/2024/QH15',
    lawName: 'Luật Bảo hiểm xã hội 2024',
    articleNo: '45',
    title: 'Chế độ ốm đau',
    text: '1. Người lao động nghỉ ốm được hưởng chế độ ốm đau tối đa 30 ngày trong một năm.\n2. Mức hưởng chế độ ốm đau bằng 75% tiền lương.',
  };

  it('leads with the clause whose figure is of the kind asked, not any figure', () => {
    expect(best('nghỉ ốm được hưởng chế độ ốm đau bao nhiêu phần trăm', sickness)?.core).toContain('75%');
    expect(best('nghi om dc huong che do om dau bn phan tram', sickness)?.core).toContain('75%');
    expect(best('nghỉ ốm được hưởng chế độ ốm đau tối đa mấy ngày', sickness)?.core).toContain('30 ngày');
  });

  it('takes another length of time as a near answer for a length of time ("mấy tháng" answered in days)', () => {
    expect(questionShape('hợp đồng có thời hạn dài nhất được mấy năm').kind).toBe('years');
    const shape = questionShape('người lao động nghỉ ốm được hưởng tối đa mấy tháng');
    expect(shape.kind).toBe('months');
    const units = answerUnits(
      { ...sickness, text: '1. Người lao động nghỉ ốm được hưởng tối đa 30 ngày.\n2. Người lao động nghỉ ốm được hưởng tối đa 75% lương.\n3. Người lao động nghỉ ốm được hưởng tối đa 1 tháng.' },
      null,
    );
    const [days, share, months] = units.map((unit) => unitScore(shape, unit));
    expect(months).toBeGreaterThan(days as number);
    expect(days).toBeGreaterThan(share as number);
  });
});

describe('a figure in a unit the figure pattern does not name', () => {
  it('answers a question of its kind ("mấy bản": "02 bản")', () => {
    const shape = questionShape('hợp đồng lao động làm mấy bản');
    expect(shape.kind).toBe('copies');
    const [copies, none] = answerUnits({ ...notice, text: '1. Hợp đồng lao động được làm thành 02 bản.\n2. Hợp đồng lao động được làm thành nhiều bản.' }, null);
    expect(unitScore(shape, copies!)).toBeGreaterThan(unitScore(shape, none!) + 0.1);
  });
});

describe('figures the question states', () => {
  it('are read as names, not as the figure asked ("lãnh một lần" is the lump-sum benefit)', () => {
    expect(questionShape('ngung dong bao hiem xa hoi bao lau moi duoc lanh mot lan').stated).toEqual(['mot lan']);
    const lumpSum: LawArticle = {
      ...notice,
      id: '41/2024/QH15#70',
      lawId: '41/2024/QH15',
      lawName: 'Luật Bảo hiểm xã hội 2024',
      articleNo: '70',
      title: 'Bảo hiểm xã hội một lần',
      text:
        '1. Người lao động sau 12 tháng không tham gia bảo hiểm xã hội thì được hưởng bảo hiểm xã hội một lần.\n' +
        '2. Mức hưởng bảo hiểm xã hội một lần được tính theo số năm đã đóng bảo hiểm xã hội.',
    };
    expect(best('ngưng đóng bảo hiểm xã hội bao lâu mới được lãnh một lần', lumpSum)?.core).toContain('sau 12 tháng');
  });
});


describe('the article title as every clause\'s lead-in', () => {
  const article = (articleNo: string, lawType: string, title: string, text: string): LawArticle => ({
    ...notice,
    id: `x#${articleNo}`,
    lawType,
    articleNo,
    title,
    text,
  });
  // Shortened from Điều 72 Nghị định 145/2020 and Điều 129 Bộ luật Lao động: the decree's clause never says "thời hiệu".
  const limit = article('72', 'Nghị định', 'Thời hiệu xử lý bồi thường thiệt hại', '1. Là 06 tháng kể từ ngày người lao động có hành vi làm hư hỏng tài sản.');
  const damages = article('129', 'Bộ luật', 'Bồi thường thiệt hại', '1. Người lao động làm hư hỏng tài sản thì phải bồi thường nhiều nhất là 03 tháng tiền lương.');

  it('answers "thời hiệu … bao lâu" with the clause under the title that names it', () => {
    const shape = questionShape('làm hư hỏng tài sản thì thời hiệu xử lý bồi thường là bao lâu');
    const [fromLimit, fromDamages] = [limit, damages].map((a) => unitScore(shape, answerUnits(a, null)[0]!));
    expect(fromLimit).toBeGreaterThan(fromDamages as number);
  });
});

describe('words that tell the units apart', () => {
  const unemployment: LawArticle = {
    ...notice,
    id: '74/2025/QH15#41',
    lawId: '74/2025/QH15',
    lawName: 'Luật Việc làm 2025',
    lawType: 'Luật',
    articleNo: '41',
    title: 'Chuyển nơi hưởng, tạm dừng, chấm dứt hưởng trợ cấp thất nghiệp',
    text:
      '1. Trong thời gian hưởng trợ cấp thất nghiệp, người lao động được chuyển nơi hưởng trợ cấp thất nghiệp khi có nhu cầu.\n' +
      '2. Người lao động đang hưởng trợ cấp thất nghiệp bị tạm dừng hưởng trợ cấp thất nghiệp khi không thông báo về việc tìm kiếm việc làm hằng tháng.\n' +
      '3. Người lao động đang hưởng trợ cấp thất nghiệp đi học tập có thời hạn trên 12 tháng thì chấm dứt hưởng trợ cấp thất nghiệp.',
  };
  const question = 'đang hưởng trợ cấp thất nghiệp mà đi học dài hạn thì có bị dừng không';

  it('weighs a word every unit has at half, one few units have near 1', () => {
    const weights = termWeights(questionShape(question), answerUnits(unemployment, null));
    expect(weights.get('nghiep')).toBeCloseTo(0.5);
    expect(weights.get('hoc')).toBeCloseTo(1 - 0.5 / 3);
  });

  it('ranks the unit with the rarer of two matched words first, where counting words alone ties', () => {
    const pay: LawArticle = {
      ...unemployment,
      text: '1. Tiền lương được trả đúng hạn hằng tháng.\n2. Tiền thưởng tết do hai bên thỏa thuận.\n3. Tiền lương được trả bằng tiền mặt.',
    };
    const shape = questionShape('lương tết');
    const units = answerUnits(pay, null);
    const weights = termWeights(shape, units);
    const order = (w?: Map<string, number>) => [...units].sort((a, b) => unitScore(shape, b, w) - unitScore(shape, a, w)).map((unit) => unit.clauseNo);
    expect(order()[0]).toBe('1');
    expect(order(weights)[0]).toBe('2');
  });
});

describe('the figure asked, read where the law states it (D-answers-53)', () => {
  const fines: LawArticle = {
    ...notice,
    id: '12/2022/NĐ-CP#39',
    lawId: '12/2022/NĐ-CP',
    lawName: 'Nghị định 12/2022/NĐ-CP',
    lawType: 'Nghị định',
    articleNo: '39',
    title: 'Vi phạm quy định về đóng bảo hiểm xã hội bắt buộc, bảo hiểm thất nghiệp',
    text:
      '1. Phạt tiền từ 500.000 đồng đến 1.000.000 đồng đối với người lao động có hành vi thỏa thuận với người sử dụng lao động không tham gia bảo hiểm xã hội bắt buộc.\n' +
      '2. Phạt tiền từ 12% đến 15% tổng số tiền phải đóng bảo hiểm xã hội bắt buộc, bảo hiểm thất nghiệp đối với người sử dụng lao động có một trong các hành vi sau đây:\n' +
      'a) Chậm đóng bảo hiểm xã hội bắt buộc, bảo hiểm thất nghiệp;\nb) Chiếm dụng tiền đóng bảo hiểm xã hội, bảo hiểm thất nghiệp của người lao động.',
  };

  it("reads a point's figure in its list's lead-in: the breach asked carries its fine", () => {
    const lead = composeExtractiveAnswer([{ article: fines, passages: [] }], undefined, 'công ty chậm đóng bảo hiểm thì bị phạt bao nhiêu').body.split('\n\n')[0];
    expect(lead).toMatch(/^Theo khoản 2 Điều 39 .*12% đến 15%[\s\S]*Chậm đóng/u);
  });

  it('leads with the time limit when the question asks how long an office takes, not with the length of the leave', () => {
    const claims: LawArticle = {
      ...notice,
      id: '41/2024/QH15#48',
      lawId: '41/2024/QH15',
      lawName: 'Luật Bảo hiểm xã hội 2024',
      articleNo: '48',
      title: 'Giải quyết hưởng trợ cấp ốm đau',
      text:
        '1. Người lao động được nghỉ hưởng chế độ ốm đau tối đa 30 ngày trong một năm nếu đã đóng bảo hiểm xã hội dưới 15 năm.\n' +
        '2. Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết chế độ ốm đau.',
    };
    const lead = composeExtractiveAnswer([{ article: claims, passages: [] }], undefined, 'bhxh giai quyet che do om dau trong bao lau').body.split('\n\n')[0];
    expect(lead).toMatch(/^Theo khoản 2 Điều 48 .*07 ngày làm việc/u);
  });
});
