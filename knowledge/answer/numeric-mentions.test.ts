import { extractNumericMentions, parseVietnameseNumber, ungroundedMentions } from './numeric-mentions.js';

describe('numeric mentions', () => {
  it('parses numbers the Vietnamese way', () => {
    expect(parseVietnameseNumber('5.310.000')).toBe(5_310_000);
    expect(parseVietnameseNumber('1,5')).toBe(1.5);
    expect(parseVietnameseNumber('03')).toBe(3);
  });

  it('reads money in digits, with units and in millions', () => {
    const values = (text: string) => extractNumericMentions(text).filter((m) => m.kind === 'money').map((m) => m.value);
    expect(values('Vùng I là 5.310.000 đồng/tháng')).toContain(5_310_000);
    expect(values('khoảng 5,31 triệu đồng')).toContain(5_310_000);
    expect(values('lương 10 triệu')).toEqual([10_000_000]);
    expect(values('ứng 500k')).toEqual([500_000]);
  });

  it('reads percentages and counted quantities, ignoring article numbers, law ids and dates', () => {
    const mentions = extractNumericMentions('Theo khoản 1 Điều 98 [Điều 98, 45/2019/QH14] từ 01/01/2026: ít nhất 150%, nghỉ 03 ngày, 06 tháng.');
    expect(mentions.map((m) => [m.kind, m.value])).toEqual([
      ['percent', 150],
      ['quantity', 3],
      ['quantity', 6],
    ]);
  });

  it('flags numbers that the sources do not contain', () => {
    const sources = 'a) Vào ngày thường, ít nhất bằng 150%; Vùng I 5.310.000; nghỉ 12 ngày làm việc.';
    expect(ungroundedMentions('Được trả ít nhất 150%, nghỉ 12 ngày, lương tối thiểu 5.310.000 đồng.', sources)).toEqual([]);
    expect(ungroundedMentions('Được trả 170% và lương tối thiểu 10 triệu đồng.', sources).map((m) => m.raw)).toEqual(['10 triệu', '170%']);
  });

  it('lets counted quantities echo the member but never money or rates', () => {
    const sources = 'Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.';
    const member = 'Em làm 3 năm, lương 8 triệu, được 50% không?';
    expect(ungroundedMentions('Bạn làm 3 năm thì được tính trợ cấp.', sources, member)).toEqual([]);
    expect(ungroundedMentions('Với lương 8 triệu bạn nhận 50%.', sources, member).map((m) => m.kind)).toEqual(['money', 'percent']);
  });
});
