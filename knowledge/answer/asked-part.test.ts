import { asksSpecifically } from './asked-part.js';

describe('asksSpecifically: does a complaint also ask something the law answers (D-answers-35)', () => {
  it.each([
    'bố em đóng bảo hiểm mấy chục năm, công ty nợ tiền bảo hiểm, giờ bố em mất thì nhà em được trợ cấp gì',
    'cty nợ lương 2 tháng rồi, nghỉ ngang như vậy có phải báo trước không',
    'cty ep tang ca hoai, 1 nam dc tang ca toi da bao nhieu gio',
    'sếp chửi mắng suốt, em muốn kiện thì thời hiệu là bao lâu',
    'bi sep quay roi, nghi luon co can bao truoc ko',
    'công ty bị phạt thế nào khi giữ bằng của công nhân',
    'trường hợp nào công ty không được cho nghỉ',
    'em không biết mình được hưởng gì',
  ])('"%s" asks', (text) => {
    expect(asksSpecifically(text)).toBe(true);
  });

  it.each([
    'cty ko đóng bhxh cho e, giờ sao',
    'công ty nợ lương 2 tháng rồi, bực lắm',
    'bị đuổi việc ngang, em phải làm sao đây',
    'quản lý hay sờ mó em, giờ em nên làm gì ạ',
    'em bị máy dập tay mà công ty chẳng ngó ngàng gì',
    'làm cả tháng không có ngày nghỉ nào',
    'sao cty cứ nợ lương hoài vậy',
  ])('"%s" complains or asks only what to do now', (text) => {
    expect(asksSpecifically(text)).toBe(false);
  });
});
