import type { Entity } from '../../core/nlu/nlu-result.js';
import { extractEntities } from './extract-entities.js';

// Monday 23 November 2026, 10:00 in Hà Nội.
const now = new Date('2026-11-23T03:00:00Z');
const find = (text: string, type: Entity['type']): Array<[string, string | number]> =>
  extractEntities(text, { now })
    .filter((entity) => entity.type === type)
    .map((entity) => [entity.text, entity.value]);

describe('money', () => {
  it.each([
    ['lương 4tr7', [['4tr7', 4_700_000]]],
    ['luong 5tr thoi', [['5tr', 5_000_000]]],
    ['được 5 triệu', [['5 triệu', 5_000_000]]],
    ['duoc 5 trieu', [['5 trieu', 5_000_000]]],
    ['5.000.000đ', [['5.000.000đ', 5_000_000]]],
    ['thưởng 500k', [['500k', 500_000]]],
    ['2 củ một tháng', [['2 củ', 2_000_000]]],
    ['nợ 1,5 tỷ', [['1,5 tỷ', 1_500_000_000]]],
    ['2 triệu 500 nghìn', [['2 triệu 500 nghìn', 2_500_000]]],
    ['2tr500k', [['2tr500k', 2_500_000]]],
    ['3 triệu rưỡi', [['3 triệu rưỡi', 3_500_000]]],
    ['1 tỷ 2', [['1 tỷ 2', 1_200_000_000]]],
    ['12 triệu đồng', [['12 triệu đồng', 12_000_000]]],
    ['5000000 vnd', [['5000000 vnd', 5_000_000]]],
    ['lương 5.000.000 thôi', [['5.000.000', 5_000_000]]],
    ['phạt 200 ngàn', [['200 ngàn', 200_000]]],
    ['7tr/tháng', [['7tr', 7_000_000]]],
  ])('%s', (text, expected) => {
    expect(find(text, 'money')).toEqual(expected);
  });

  it.each(['năm 2025', 'điều 113', 'làm 45 ngày', 'sđt 0987654321', 'có 5.000 người'])('no money in %s', (text) => {
    expect(find(text, 'money')).toEqual([]);
  });
});

describe('durations', () => {
  it.each([
    ['làm 45 ngày', '45 ngày', 45, 'day'],
    ['lam 45ngay', '45ngay', 45, 'day'],
    ['thử việc 2 tháng', '2 tháng', 2, 'month'],
    ['đóng bhxh 15 năm', '15 năm', 15, 'year'],
    ['tăng ca 4 tiếng', '4 tiếng', 4, 'hour'],
    ['nghỉ hai tuần', 'hai tuần', 2, 'week'],
    ['1 tháng rưỡi', '1 tháng rưỡi', 1.5, 'month'],
    ['nửa tháng', 'nửa tháng', 0.5, 'month'],
    ['năm ngày', 'năm ngày', 5, 'day'],
    ['nghỉ 30 phút', '30 phút', 30, 'minute'],
  ])('%s', (text, span, value, unit) => {
    const entity = extractEntities(text, { now }).find((e) => e.type === 'duration');
    expect(entity).toMatchObject({ text: span, value, meta: { unit } });
  });

  it.each(['ngay 15 thang 3', 'tháng 3 năm 2025', 'vùng 2', 'lúc 8 giờ sáng', 'sau ngày đó'])('no duration in %s', (text) => {
    expect(find(text, 'duration')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['từ 15/3/2025.', '15/3/2025', '2025-03-15'],
    ['ký ngày 01-02-2024', '01-02-2024', '2024-02-01'],
    ['ngay 15 thang 3 nam 2025 em ky', 'ngay 15 thang 3 nam 2025', '2025-03-15'],
    ['ngày 15 tháng 3 em bị đuổi', 'ngày 15 tháng 3', '2026-03-15'],
    ['từ 2/9 em nghỉ', '2/9', '2026-09-02'],
    ['mung 2 thang 9', 'mung 2 thang 9', '2026-09-02'],
    ['tháng 10/2026 lương', 'tháng 10/2026', '2026-10'],
    ['hôm qua tôi bị tai nạn', 'hôm qua', '2026-11-22'],
    ['hom qua em bi tai nan', 'hom qua', '2026-11-22'],
    ['ngay mai em nghi', 'ngay mai', '2026-11-24'],
    ['tháng trước chưa có lương', 'tháng trước', '2026-10-23'],
    ['3 ngày nữa là hết hạn hợp đồng', '3 ngày nữa', '2026-11-26'],
  ])('%s', (text, span, value) => {
    expect(find(text, 'date')).toEqual([[span, value]]);
  });

  it('reads a year-less date far in the future as last year', () => {
    expect(find('ngày 20/12 em nghỉ', 'date')).toEqual([['ngày 20/12', '2026-12-20']]);
    expect(find('từ 15/5 đến giờ chưa có lương', 'date')).toEqual([['15/5', '2026-05-15']]);
    const inJanuary = extractEntities('ngày 20/12 em nghỉ', { now: new Date('2027-01-05T03:00:00Z') });
    expect(inJanuary.find((e) => e.type === 'date')?.value).toBe('2026-12-20');
  });

  it.each(['làm 6/7 ngày', 'ngày 31/2', 'lương 2/3 tháng'])('no date in %s', (text) => {
    expect(find(text, 'date')).toEqual([]);
  });
});

describe('wage regions', () => {
  it.each([
    ['vùng I', 1],
    ['vung 2', 2],
    ['vùng một', 1],
    ['Vùng IV', 4],
    ['vùng III', 3],
    ['lương tối thiểu vung bon', 4],
  ])('%s → %s', (text, region) => {
    expect(find(text, 'region').map(([, value]) => value)).toEqual([region]);
  });

  it('ignores other uses of vùng', () => {
    expect(find('vùng biển', 'region')).toEqual([]);
  });
});

describe('personal identifiers', () => {
  it.each([
    ['sđt 0987.654.321', 'phone', '+84987654321'],
    ['goi 0912 345 678', 'phone', '+84912345678'],
    ['zalo +84 912 345 678', 'phone', '+84912345678'],
    ['CCCD 079123456789', 'national_id', '079123456789'],
    ['cmnd 123456789', 'national_id', '123456789'],
    ['so bhxh 7912345678', 'social_insurance_no', '7912345678'],
    ['stk 0071000123456 vcb', 'bank_account', '0071000123456'],
    ['mail: an.nguyen@gmail.com', 'email', 'an.nguyen@gmail.com'],
  ])('%s', (text, type, value) => {
    const entity = extractEntities(text, { now }).find((e) => e.type === type);
    expect(entity?.value).toBe(value);
  });

  it('prefers the announcing word over the numbering plan', () => {
    // 0912345678 is a valid mobile number, but after "bhxh" it is the insurance number.
    expect(find('mã bhxh 0912345678', 'social_insurance_no')).toEqual([['0912345678', '0912345678']]);
    expect(find('stk 0912345678', 'bank_account')).toEqual([['0912345678', '0912345678']]);
    expect(find('sđt 0912345678', 'phone')).toEqual([['0912345678', '+84912345678']]);
  });
});

describe('person names', () => {
  it.each([
    ['Em tên là Nguyễn Văn An', 'Nguyễn Văn An'],
    ['em ten la nguyen van an', 'nguyen van an'],
    ['tên em là Hoa ạ', 'Hoa'],
    ['tôi là chị Lan', 'Lan'],
    ['mk tên Tuấn, làm ở kcn', 'Tuấn'],
    ['tôi là Trần Thị Mai, công nhân', 'Trần Thị Mai'],
    ['toi la tran thi mai o dong nai', 'tran thi mai'],
    ['Họ tên: Phạm Minh Đức', 'Phạm Minh Đức'],
  ])('%s → %s', (text, name) => {
    expect(find(text, 'person_name').map(([span]) => span)).toEqual([name]);
  });

  it.each(['tôi là công nhân', 'em là người lao động', 'Tôi là Đoàn viên', 'bạn là ai', 'em là nữ', 'tôi là chị cả trong nhà'])(
    'no name in %s',
    (text) => {
      expect(find(text, 'person_name')).toEqual([]);
    },
  );
});

describe('extractEntities', () => {
  it('finds everything in a long message with exact spans and no overlaps', () => {
    const text = 'Em tên là Nguyễn Văn An ở Bình Dương, cty nợ lương 2 tháng, mỗi tháng 7tr5, từ 15/3/2025. sđt 0987654321';
    const entities = extractEntities(text, { now });
    expect(entities.map((e) => e.type)).toEqual(['person_name', 'province', 'duration', 'money', 'date', 'phone']);
    for (const entity of entities) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
    for (let i = 1; i < entities.length; i++) {
      expect((entities[i] as Entity).start).toBeGreaterThanOrEqual((entities[i - 1] as Entity).end);
    }
  });

  it('works on teencode', () => {
    const entities = extractEntities('cty no lg e 2thg r, moi thg 6tr, o bd', { now });
    expect(entities.map((e) => [e.type, e.value])).toEqual([['money', 6_000_000]]);
  });
});
