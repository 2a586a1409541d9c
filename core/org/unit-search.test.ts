import { canonicalOrgText, createUnitSearch, editDistance, type SearchableUnit } from './unit-search.js';

let next = 0;
const unit = (code: string, name: string, level: SearchableUnit['level'], provinceId: string | null): SearchableUnit => ({ id: `u${next++}`, code, name, level, provinceId });
const HN = unit('HN', 'Liên đoàn Lao động thành phố Hà Nội', 'province_or_sector', null);
const HCM = unit('HCM', 'Liên đoàn Lao động Thành phố Hồ Chí Minh', 'province_or_sector', null);
const BD = unit('BD', 'Liên đoàn Lao động tỉnh Bình Dương', 'province_or_sector', null);
const LA = unit('LA', 'Liên đoàn Lao động tỉnh Long An', 'province_or_sector', null);
const UNITS: SearchableUnit[] = [
  unit('TLD', 'Tổng Liên đoàn Lao động Việt Nam', 'national', null),
  HN,
  HCM,
  BD,
  LA,
  unit('HN-KCN', 'Công đoàn các Khu công nghiệp và chế xuất Hà Nội', 'upper_grassroots', HN.id),
  unit('DTTL', 'CĐCS Công ty TNHH Điện tử Thăng Long (demo)', 'grassroots', HN.id),
  unit('MSH', 'CĐCS Công ty Cổ phần May Sông Hồng (demo)', 'grassroots', HN.id),
  unit('GTT', 'CĐCS Công ty TNHH Giày da Tân Thuận (demo)', 'grassroots', HCM.id),
  unit('LKLT', 'CĐCS Công ty TNHH Linh kiện Linh Trung (demo)', 'grassroots', HCM.id),
  unit('MBD', 'CĐCS Công ty TNHH May mặc Bình Dương', 'grassroots', BD.id),
  unit('GDBD', 'CĐCS Công ty TNHH Giày da Thuận An', 'grassroots', BD.id),
  unit('TLLA', 'CĐCS Công ty Cổ phần Thực phẩm Thăng Long', 'grassroots', LA.id),
];
const search = createUnitSearch(UNITS);
const codes = (text: string) => search.search(text).matches.map((m) => m.unit.code);

describe('finding a union by company name and province', () => {
  it('reads Vietnamese as members type it: no diacritics, abbreviations, places by any name', () => {
    expect(canonicalOrgText('Cty CP May Sông Hồng, TP.HCM')).toBe('cong ty co phan may song hong ho chi minh');
    for (const place of ['tp hcm', 'TPHCM', 'Sài Gòn', 'sai gon', 'HCM', 'Thành phố Hồ Chí Minh', 'tp. Hồ Chí Minh']) {
      expect(search.search(`giày da tân thuận ${place}`).province?.code).toBe('HCM');
    }
    expect(search.search('cty may song hong ha noi').province?.code).toBe('HN');
  });

  it('finds the company from its distinctive words, with or without diacritics, with a typo', () => {
    expect(codes('Công ty Điện tử Thăng Long, Hà Nội')[0]).toBe('DTTL');
    expect(codes('cty dien tu thang long hn')[0]).toBe('DTTL');
    expect(codes('dien tu thang lonh')[0]).toBe('DTTL');
    expect(codes('em làm ở công ty may sông hồng')[0]).toBe('MSH');
    expect(codes('linh kien linh trung sai gon')).toEqual(['LKLT']);
  });

  it('lets the named province decide between companies of the same name, and keeps "Long" of Thăng Long apart from Long An', () => {
    expect(codes('giày da, Bình Dương')[0]).toBe('GDBD');
    expect(codes('giày da tp hcm')[0]).toBe('GTT');
    expect(codes('thăng long long an')[0]).toBe('TLLA');
    expect(codes('thang long ha noi')[0]).toBe('DTTL');
    expect(search.search('thăng long long an').province?.code).toBe('LA');
  });

  it('offers nothing for words that name no company, and says whether the text named anything', () => {
    expect(search.search('công ty nợ lương thì sao').matches).toEqual([]);
    expect(search.search('Hà Nội')).toMatchObject({ matches: [], province: { code: 'HN' }, namedSomething: false });
    expect(search.search('cong ty tnhh').namedSomething).toBe(false);
    expect(codes('xin chào')).toEqual([]);
  });

  it('counts edits with transpositions and gives up beyond the limit', () => {
    expect(editDistance('hong', 'hogn', 1)).toBe(1);
    expect(editDistance('thang', 'thanh', 1)).toBe(1);
    expect(editDistance('linh', 'trung', 1)).toBe(2);
  });
});
