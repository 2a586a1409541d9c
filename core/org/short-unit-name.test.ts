import { shortUnitName, withoutSharedPlace } from './short-unit-name.js';

describe('shortUnitName', () => {
  it.each([
    ['Tổng Liên đoàn Lao động Việt Nam', 'Tổng LĐLĐ Việt Nam'],
    ['Liên đoàn Lao động tỉnh Cao Bằng', 'LĐLĐ Cao Bằng'],
    ['Liên đoàn Lao động thành phố Hồ Chí Minh', 'LĐLĐ Hồ Chí Minh'],
    ['Liên đoàn Lao động Thành phố Hồ Chí Minh', 'LĐLĐ Hồ Chí Minh'],
    ['Công đoàn cấp trên cơ sở số 1 – Hà Nội', 'CĐ cấp trên số 1 – Hà Nội'],
    ['Công đoàn cơ sở Công ty TNHH Demo 00084 (Tây Ninh)', 'CĐCS Demo 00084 (Tây Ninh)'],
    ['Công đoàn cơ sở Công ty Cổ phần May Sài Gòn 3', 'CĐCS May Sài Gòn 3'],
    ['Công đoàn cơ sở Công ty TNHH MTV Cao su Đồng Nai', 'CĐCS Cao su Đồng Nai'],
    ['Công đoàn cơ sở Trường THPT Chu Văn An', 'CĐCS Trường THPT Chu Văn An'],
    ['Công đoàn Giáo dục Việt Nam', 'CĐ Giáo dục Việt Nam'],
    ['Công đoàn Khu công nghiệp thành phố Cần Thơ', 'CĐ Khu công nghiệp TP. Cần Thơ'],
    ['CĐCS Công ty TNHH Demo 00012 (Thành phố Hồ Chí Minh)', 'CĐCS Demo 00012 (TP. Hồ Chí Minh)'],
    ['CĐCS Trường THPT Chu Văn An', 'CĐCS Trường THPT Chu Văn An'],
    ['Nhóm lao động tự do', 'Nhóm lao động tự do'],
  ])('%s → %s', (name, short) => {
    expect(shortUnitName(name)).toBe(short);
  });
});

describe('withoutSharedPlace', () => {
  it('drops the bracketed place every name shares', () => {
    expect(withoutSharedPlace(['CĐCS Demo 00012 (TP. Hồ Chí Minh)', 'CĐCS Demo 00047 (TP. Hồ Chí Minh)'])).toEqual(['CĐCS Demo 00012', 'CĐCS Demo 00047']);
  });
  it.each([
    [['CĐCS Demo 00012 (TP. Hồ Chí Minh)', 'CĐCS Demo 00047 (Tây Ninh)']],
    [['CĐCS Demo 00012 (Tây Ninh)', 'CĐCS May Sài Gòn 3']],
    [['CĐCS Demo 00012 (Tây Ninh)']],
    [['(Tây Ninh)', 'CĐCS Demo 00047 (Tây Ninh)']],
    [[]],
  ])('keeps names that do not all share one: %j', (names) => {
    expect(withoutSharedPlace(names)).toEqual(names);
  });
});
