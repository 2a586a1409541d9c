import { misboundFigures } from './figure-binding.js';

const OVERTIME = `Người lao động làm thêm giờ được trả lương như sau:
a) Vào ngày thường, ít nhất bằng 150%;
b) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%;
c) Vào ngày nghỉ lễ, tết, ít nhất bằng 300%.
Mức ít nhất bằng 150% áp dụng đối với giờ làm thêm vào ngày thường; mức ít nhất bằng 200% áp dụng đối với giờ làm thêm vào ngày nghỉ hằng tuần.`;
const MINIMUM_WAGE = 'Mức lương tối thiểu tháng và giờ theo vùng như sau: Vùng I 5.310.000 25.500 Vùng II 4.730.000 22.700 Vùng III 4.140.000 20.000 Vùng IV 3.700.000 17.800';

describe('misboundFigures', () => {
  it('finds a figure of the sources stated for another subject or another region', () => {
    expect(misboundFigures('Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất 150% tiền lương.', OVERTIME)).toEqual(['150%']);
    expect(misboundFigures('Mức lương tối thiểu tháng vùng I là 4.730.000 đồng.', MINIMUM_WAGE)).toContain('4.730.000 đồng');
    expect(misboundFigures('Lương tối thiểu giờ của vùng III là 22.700 đồng.', MINIMUM_WAGE)).toContain('22.700 đồng');
  });

  it('accepts figures bound to their own rule, in one sentence or across commas', () => {
    expect(misboundFigures('Làm thêm vào ngày nghỉ hằng tuần, bạn được trả ít nhất bằng 200% tiền lương.', OVERTIME)).toEqual([]);
    expect(misboundFigures('Làm thêm vào ngày thường ít nhất 150%, ngày nghỉ hằng tuần 200%, ngày lễ 300%.', OVERTIME)).toEqual([]);
    expect(misboundFigures('Vùng III: 4.140.000 đồng/tháng, 20.000 đồng/giờ.', MINIMUM_WAGE)).toEqual([]);
  });

  it('lets the member\u2019s own counts be repeated, and leaves statements about no rule in particular to the other checks', () => {
    expect(misboundFigures('Với 4 giờ làm thêm vào ngày nghỉ hằng tuần, mỗi giờ được ít nhất 200%.', OVERTIME, 'tăng ca chủ nhật 4 giờ')).toEqual([]);
    expect(misboundFigures('Bạn được 200%.', OVERTIME)).toEqual([]);
  });
});
