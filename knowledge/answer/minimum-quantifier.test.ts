import { readMinimumAsAtLeast } from './minimum-quantifier.js';

describe('a question\'s "tối thiểu" is read as the law\'s "ít nhất"', () => {
  it.each([
    ['ca đêm phải cho nghỉ tối thiểu mấy phút', 'ca đêm phải cho nghỉ ít nhất mấy phút'],
    ['ca dem phai cho nghi toi thieu may phut', 'ca dem phai cho nghi it nhat may phut'],
    ['Luật quy định tối thiểu bao nhiêu tuổi mới được đi làm?', 'Luật quy định ít nhất bao nhiêu tuổi mới được đi làm?'],
    ['mỗi tháng được nghỉ tối thiểu là mấy ngày', 'mỗi tháng được nghỉ ít nhất là mấy ngày'],
    ['lam toi thieu bn nam', 'lam it nhat bn nam'],
  ])('%s', (typed, read) => {
    expect(readMinimumAsAtLeast(typed)).toBe(read);
  });

  it.each([
    'lương tối thiểu vùng 2 là bao nhiêu',
    'luong toi thieu bn',
    'mức sống tối thiểu là bao nhiêu',
    'công ty trả thấp hơn mức tối thiểu thì sao',
    'điều kiện tối thiểu để được nghỉ hưu',
    'lương cơ bản 4 triệu có thấp quá không, tối thiểu bao nhiêu',
    'tối thiểu là bao nhiêu',
  ])('leaves "%s" as typed', (typed) => {
    expect(readMinimumAsAtLeast(typed)).toBe(typed);
  });
});
