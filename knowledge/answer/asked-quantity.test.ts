import { askedQuantity, asksDeadline, statesAskedFigure, statesDeadline, statesQuantity } from './asked-quantity.js';

describe('askedQuantity', () => {
  it.each([
    ['người khuyết tật được nghỉ phép mấy ngày', 'days'],
    ['nghi thai san dc may thang', 'months'],
    ['sinh con được nghỉ bao lâu', 'duration'],
    ['trợ cấp ốm đau bằng bao nhiêu % lương', 'percent'],
    ['luong thu viec dc bn phan tram', 'percent'],
    ['1 ngày làm tối đa mấy tiếng', 'hours'],
    ['khám thai được nghỉ mấy lần', 'times'],
    ['hợp đồng làm mấy bản', 'copies'],
    ['nữ bao nhiêu tuổi nghỉ hưu', 'age'],
    ['làm ngày lễ được trả lương gấp mấy lần', 'multiple'],
    ['em làm 3 năm rồi, nghỉ việc thì được trợ cấp bao nhiêu tháng lương', 'months'],
    ['sắp cưới, được nghỉ mấy ngày có lương không', 'days'],
    // A bare "được bao nhiêu" closing a question about a payment asks a sum (D-answers-30).
    ['trợ cấp tuất hằng tháng mỗi người thân được bao nhiêu', 'money'],
    ['tro cap mai tang dc bn', 'money'],
  ])('%s → %s', (question, kind) => {
    expect(askedQuantity(question)).toBe(kind);
  });

  it('is null for questions that ask no figure', () => {
    expect(askedQuantity('công ty có được giữ bằng gốc không')).toBeNull();
    expect(askedQuantity('máy móc hỏng thì sao')).toBeNull();
    // Bare "bao nhiêu" about no payment, or not closing the question, asks no sum.
    expect(askedQuantity('một năm được nghỉ lễ bao nhiêu')).toBeNull();
    // "bao nhiêu người" asks a count of people, not a sum (D-answers-33).
    expect(askedQuantity('trợ cấp được bao nhiêu người hưởng thì đủ')).toBe('persons');
    // Words that fold like a payment's: "đầu tiên" is not "tiền", "số lượng" is not "lương".
    expect(askedQuantity('làm năm đầu tiên thì phép năm được bao nhiêu')).toBeNull();
    expect(askedQuantity('số lượng người nghỉ cùng lúc được bao nhiêu')).toBeNull();
  });

  it('reads the question, not the story before it: a last clause asking yes or no asks no figure', () => {
    expect(askedQuantity('em đi làm trễ mấy lần mà quản lý trừ tiền lương, làm vậy có đúng luật không')).toBeNull();
    expect(askedQuantity('cty no luong 2 thang, nghi luon dc ko')).toBeNull();
  });
});

describe('statesQuantity', () => {
  it('finds a figure of the asked kind, in digits or words', () => {
    expect(statesQuantity('Bạn được nghỉ 14 ngày làm việc.', 'days')).toBe(true);
    expect(statesQuantity('Nghỉ 06 tháng.', 'duration')).toBe(true);
    expect(statesQuantity('Mỗi năm làm việc được trợ cấp nửa tháng tiền lương.', 'months')).toBe(true);
    expect(statesQuantity('bằng 75% mức bình quân', 'percent')).toBe(true);
    expect(statesQuantity('tối đa 05 lần', 'times')).toBe(true);
    expect(statesQuantity('5.310.000 đồng/tháng', 'money')).toBe(true);
    // A sum in labour law is mostly a share of a wage (D-answers-23).
    expect(statesQuantity('được trả thêm ít nhất bằng 30% tiền lương', 'money')).toBe(true);
    expect(statesQuantity('bồi thường ít nhất 02 tháng tiền lương', 'money')).toBe(true);
    expect(statesQuantity('mỗi năm làm việc được nửa tháng lương', 'money')).toBe(true);
    expect(statesQuantity('ít nhất bằng 300%', 'multiple')).toBe(true);
    // A multiple or a share of a reference sum is a sum (D-answers-35).
    expect(statesQuantity('trợ cấp mai táng bằng 10 lần mức tham chiếu', 'money')).toBe(true);
    expect(statesQuantity('mỗi người thân bằng 50% mức tham chiếu', 'money')).toBe(true);
    expect(statesQuantity('tối đa không quá 05 lần mức lương tối thiểu tháng theo vùng', 'money')).toBe(true);
    expect(statesQuantity('được trả ít nhất bằng mức lương tối thiểu', 'money')).toBe(true);
    expect(statesQuantity('từ ngày làm việc thứ 11 kể từ ngày nộp đủ hồ sơ', 'duration')).toBe(true);
  });

  it('rejects an answer without one', () => {
    expect(statesQuantity('Người khuyết tật được ưu tiên tuyển dụng và không phải làm thêm giờ.', 'days')).toBe(false);
    expect(statesQuantity('Bạn được hưởng theo quy định.', 'percent')).toBe(false);
    expect(statesQuantity('Bạn được nghỉ 30 phút, vẫn hưởng nguyên lương.', 'money')).toBe(false);
    // The reference sum named alone answers whether or which, not how much (D-answers-35).
    expect(statesQuantity('Lương sản phẩm, lương khoán cũng không được thấp hơn mức lương tối thiểu vùng.', 'money')).toBe(false);
    expect(statesQuantity('Bạn hỏi cơ quan bảo hiểm xã hội để biết mức tham chiếu đang áp dụng.', 'money')).toBe(false);
  });
});

describe('a count of people', () => {
  it('is asked by "mấy người" / "bao nhiêu người", typed or unaccented, and stated as "04 người"', () => {
    expect(askedQuantity('trợ cấp tuất hằng tháng thì tối đa mấy người thân được hưởng')).toBe('persons');
    expect(askedQuantity('tro cap tuat hang thang toi da bao nhieu nguoi duoc huong')).toBe('persons');
    expect(statesQuantity('số thân nhân được hưởng trợ cấp tuất hằng tháng tối đa 04 người', 'persons')).toBe(true);
    expect(statesQuantity('Thân nhân được hưởng nếu người mất đã đóng đủ 15 năm.', 'persons')).toBe(false);
  });
});

describe('fines and shares of a sum (D-answers-53)', () => {
  it('reads "bị phạt bao nhiêu" as a sum asked, though no unit follows', () => {
    expect(askedQuantity('công ty chậm đóng bảo hiểm thì bị phạt bao nhiêu')).toBe('money');
    expect(askedQuantity('cty cham dong bh thi bi phat bn')).toBe('money');
  });

  it('reads a share of the sum owed and a multiple of the average wage as a sum stated', () => {
    expect(statesQuantity('Phạt tiền từ 12% đến 15% tổng số tiền phải đóng bảo hiểm xã hội bắt buộc', 'money')).toBe(true);
    expect(statesQuantity('mỗi năm đóng cao hơn được tính bằng 02 lần mức bình quân tiền lương', 'money')).toBe(true);
    expect(statesQuantity('nộp thêm khoản tiền bằng 0,03%/ngày tính trên số tiền chậm đóng', 'money')).toBe(false);
  });
});

describe('how long an act takes (D-answers-53)', () => {
  it.each([
    ['bhxh giai quyet che do om dau trong bao lau', true],
    ['nộp đủ hồ sơ rồi thì mấy ngày có kết quả', true],
    ['cơ quan lao động cấp tỉnh xác nhận trong thời hạn bao lâu', true],
    // The length of the leave or benefit itself, and no length at all.
    ['nghỉ ốm được hưởng chế độ bao lâu', false],
    ['bhxh giải quyết chế độ ốm đau ở đâu', false],
    // "xét nghiệm" is a medical test, not an office considering a claim: the leave's own days answer.
    ['đi xét nghiệm được nghỉ mấy ngày', false],
    ['di xet nghiem dc nghi may ngay', false],
  ])('%s → %s', (question, deadline) => {
    expect(asksDeadline(question)).toBe(deadline);
  });

  it('is answered by a time limit counted from an event, not by the length of the leave', () => {
    const question = 'bhxh giai quyet che do om dau trong bao lau';
    expect(statesAskedFigure('Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết', question)).toBe(true);
    expect(statesAskedFigure('Thời gian tối đa hưởng chế độ ốm đau: 30 ngày nếu đã đóng dưới 15 năm; 40 ngày; 60 ngày', question)).toBe(false);
    // Without a processing act, any length of time still answers "bao lâu".
    expect(statesAskedFigure('Thời gian tối đa hưởng chế độ ốm đau: 30 ngày nếu đã đóng dưới 15 năm', 'nghỉ ốm được hưởng bao lâu')).toBe(true);
    expect(statesDeadline('chậm nhất là 45 ngày kể từ ngày trở lại làm việc')).toBe(true);
    expect(statesDeadline('05 ngày làm việc kể từ ngày nhận đủ hồ sơ')).toBe(true);
  });

  it('does not read a reckoning period ("trong 01 tháng", "trong một ngày") as a time limit', () => {
    expect(statesDeadline('số giờ làm thêm không quá 40 giờ trong 01 tháng')).toBe(false);
    expect(statesDeadline('không quá 12 giờ trong một ngày')).toBe(false);
    expect(statesDeadline('trong thời hạn 01 tháng kể từ ngày nhận được yêu cầu')).toBe(true);
    expect(statesDeadline('trong 15 ngày, người sử dụng lao động phải thanh toán')).toBe(true);
  });
});
