import { alignFold } from '../normalize/aligned-fold.js';
import { findProvinces } from './province.js';
import { PROVINCES, STRICT_PROVINCE_NAMES } from './provinces.vi.js';

const provinceOf = (text: string): Array<[string | number, string | number | boolean | undefined]> =>
  findProvinces(alignFold(text)).map((entity) => [entity.value, entity.meta?.oldName]);

describe('province gazetteer', () => {
  it('has the 34 units in force since 1 July 2025: 6 cities and 28 provinces', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.kind === 'city').map((p) => p.key).sort()).toEqual(
      ['can_tho', 'da_nang', 'ha_noi', 'hai_phong', 'ho_chi_minh', 'hue'].sort(),
    );
  });

  it('accounts for all 63 pre-merger units exactly once', () => {
    const oldUnits = PROVINCES.flatMap((p) => [p.name, ...p.formerUnits]);
    // Huế was Thừa Thiên Huế: one old unit under two names, counted once.
    const distinct = new Set(oldUnits.filter((name) => name !== 'Huế'));
    expect(distinct.size).toBe(63);
  });

  it.each(PROVINCES.flatMap((p) => p.formerUnits.map((former) => [former, p.key] as const)))(
    'old unit %s maps to %s, accented and unaccented',
    (former, key) => {
      const unaccented = former.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
      expect(provinceOf(`em ở ${former}`)).toEqual([[key, former]]);
      // Names that are also everyday words ("hoà bình") need their capitals when typed without diacritics.
      const typed = STRICT_PROVINCE_NAMES.includes(former) ? unaccented : unaccented.toLowerCase();
      expect(provinceOf(`em o ${typed}`)).toEqual([[key, former]]);
    },
  );

  it.each(PROVINCES.map((p) => [p.name, p.key] as const))('current unit %s is found', (name, key) => {
    expect(provinceOf(`làm việc tại ${name} nhé`).map(([value]) => value)).toEqual([key]);
  });
});

describe('findProvinces', () => {
  it.each([
    ['làm ở tp.hcm', 'ho_chi_minh'],
    ['o tphcm', 'ho_chi_minh'],
    ['Sài Gòn', 'ho_chi_minh'],
    ['vung tau', 'ho_chi_minh'],
    ['kcn ở Biên Hoà', 'dong_nai'],
    ['dak lak', 'dak_lak'],
    ['Thanh Hóa', 'thanh_hoa'],
    ['Thừa Thiên - Huế', 'hue'],
    ['ở Huế', 'hue'],
  ])('%s → %s', (text, key) => {
    expect(provinceOf(text).map(([value]) => value)).toEqual([key]);
  });

  it('does not read everyday words as provinces', () => {
    expect(provinceOf('hoà bình là điều ai cũng muốn')).toEqual([]);
    expect(provinceOf('chị Huệ tổ trưởng')).toEqual([]);
  });
});
