import { actingParty, askedParty } from './asked-party.js';

describe('askedParty', () => {
  it('reads who acts in the question asked, after the story', () => {
    expect(askedParty('Em ốm xong đi làm lại, công ty nói đã gửi danh sách lên bảo hiểm rồi. Bảo hiểm xét trong bao lâu thì có kết quả ạ?')).toBe('insurer');
    expect(askedParty('tien duong suc sau om cty nop ds len bhxh r thi bn ngay bh giai quyet xong z')).toBe('insurer');
    expect(askedParty('công ty phải đóng vào quỹ hưu trí cho người lao động bao nhiêu phần trăm lương')).toBe('employer');
  });

  it('does not take the scheme for the agency, and names no one when the question names no one', () => {
    expect(askedParty('đóng bảo hiểm mấy năm thì được lương hưu')).toBeNull();
    expect(askedParty('nghỉ phép năm được mấy ngày')).toBeNull();
  });
});

describe('actingParty', () => {
  it('reads the subject after a clause\'s time opening', () => {
    expect(actingParty('Trong thời hạn 07 ngày làm việc kể từ ngày nhận danh sách do người sử dụng lao động lập, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết.')).toBe('insurer');
    expect(actingParty('Trong thời hạn 07 ngày làm việc kể từ ngày người lao động nghỉ việc, người sử dụng lao động lập danh sách.')).toBe('employer');
    expect(actingParty('Người sử dụng lao động hằng tháng đóng 14% vào quỹ hưu trí và tử tuất.')).toBe('employer');
  });

  it('does not read the law\'s scheme as the agency', () => {
    expect(actingParty('Thời gian đóng bảo hiểm xã hội được tính theo tháng.')).toBeNull();
  });
});
