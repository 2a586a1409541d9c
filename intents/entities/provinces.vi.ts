/**
 * The 34 provincial-level units in force since 1 July 2025 (National Assembly resolution on the arrangement of
 * provincial units: 6 centrally-run cities and 28 provinces), each with the pre-merger units it absorbed, so
 * that a member who still says "Bình Dương" or "Quảng Bình" is placed in the right new unit. Aliases are common
 * short or alternative spellings. Matching is done on folded text; `strictAliases` are ordinary words too
 * ("hoà bình" = peace, "huế" vs the name Huệ) and only count when typed with their diacritics.
 */
export interface ProvinceEntry {
  readonly key: string;
  readonly name: string;
  readonly kind: 'city' | 'province';
  /** Pre-merger units merged into this one (not including the unit that kept its name). */
  readonly formerUnits: readonly string[];
  readonly aliases: readonly string[];
  readonly strictAliases?: readonly string[];
}

export const PROVINCES: readonly ProvinceEntry[] = [
  { key: 'ha_noi', name: 'Hà Nội', kind: 'city', formerUnits: [], aliases: ['Thủ đô Hà Nội', 'TP Hà Nội'] },
  { key: 'hue', name: 'Huế', kind: 'city', formerUnits: ['Thừa Thiên Huế'], aliases: ['TP Huế', 'thành phố Huế', 'TT Huế', 'Thừa Thiên - Huế'], strictAliases: ['Huế'] },
  { key: 'lai_chau', name: 'Lai Châu', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'dien_bien', name: 'Điện Biên', kind: 'province', formerUnits: [], aliases: ['Điện Biên Phủ'] },
  { key: 'son_la', name: 'Sơn La', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'lang_son', name: 'Lạng Sơn', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'quang_ninh', name: 'Quảng Ninh', kind: 'province', formerUnits: [], aliases: ['Hạ Long'] },
  { key: 'thanh_hoa', name: 'Thanh Hoá', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'nghe_an', name: 'Nghệ An', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'ha_tinh', name: 'Hà Tĩnh', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'cao_bang', name: 'Cao Bằng', kind: 'province', formerUnits: [], aliases: [] },
  { key: 'tuyen_quang', name: 'Tuyên Quang', kind: 'province', formerUnits: ['Hà Giang'], aliases: [] },
  { key: 'lao_cai', name: 'Lào Cai', kind: 'province', formerUnits: ['Yên Bái'], aliases: [] },
  { key: 'thai_nguyen', name: 'Thái Nguyên', kind: 'province', formerUnits: ['Bắc Kạn'], aliases: ['Bắc Cạn'] },
  { key: 'phu_tho', name: 'Phú Thọ', kind: 'province', formerUnits: ['Vĩnh Phúc', 'Hoà Bình'], aliases: ['Việt Trì'] },
  { key: 'bac_ninh', name: 'Bắc Ninh', kind: 'province', formerUnits: ['Bắc Giang'], aliases: [] },
  { key: 'hung_yen', name: 'Hưng Yên', kind: 'province', formerUnits: ['Thái Bình'], aliases: [] },
  { key: 'hai_phong', name: 'Hải Phòng', kind: 'city', formerUnits: ['Hải Dương'], aliases: ['TP Hải Phòng'] },
  { key: 'ninh_binh', name: 'Ninh Bình', kind: 'province', formerUnits: ['Hà Nam', 'Nam Định'], aliases: [] },
  { key: 'quang_tri', name: 'Quảng Trị', kind: 'province', formerUnits: ['Quảng Bình'], aliases: ['Đồng Hới'] },
  { key: 'da_nang', name: 'Đà Nẵng', kind: 'city', formerUnits: ['Quảng Nam'], aliases: ['TP Đà Nẵng', 'Hội An', 'Tam Kỳ'] },
  { key: 'quang_ngai', name: 'Quảng Ngãi', kind: 'province', formerUnits: ['Kon Tum'], aliases: ['Kontum'] },
  { key: 'gia_lai', name: 'Gia Lai', kind: 'province', formerUnits: ['Bình Định'], aliases: ['Pleiku', 'Quy Nhơn'] },
  { key: 'khanh_hoa', name: 'Khánh Hoà', kind: 'province', formerUnits: ['Ninh Thuận'], aliases: ['Nha Trang', 'Cam Ranh', 'Phan Rang'] },
  { key: 'lam_dong', name: 'Lâm Đồng', kind: 'province', formerUnits: ['Đắk Nông', 'Bình Thuận'], aliases: ['Đà Lạt', 'Đăk Nông', 'Dak Nong', 'Đắc Nông', 'Phan Thiết', 'Gia Nghĩa'] },
  { key: 'dak_lak', name: 'Đắk Lắk', kind: 'province', formerUnits: ['Phú Yên'], aliases: ['Đăk Lăk', 'Daklak', 'Dak Lak', 'Đắc Lắc', 'Buôn Ma Thuột', 'Ban Mê Thuột', 'Tuy Hoà'] },
  { key: 'ho_chi_minh', name: 'TP. Hồ Chí Minh', kind: 'city', formerUnits: ['Bình Dương', 'Bà Rịa - Vũng Tàu'], aliases: ['Hồ Chí Minh', 'thành phố Hồ Chí Minh', 'TP HCM', 'TPHCM', 'TP.HCM', 'HCM', 'Sài Gòn', 'Bà Rịa Vũng Tàu', 'BRVT', 'Vũng Tàu', 'Bà Rịa', 'Thủ Dầu Một', 'Dĩ An', 'Thuận An', 'Bến Cát', 'Thủ Đức'] },
  { key: 'dong_nai', name: 'Đồng Nai', kind: 'province', formerUnits: ['Bình Phước'], aliases: ['Biên Hoà', 'Đồng Xoài'] },
  { key: 'tay_ninh', name: 'Tây Ninh', kind: 'province', formerUnits: ['Long An'], aliases: ['Tân An'] },
  { key: 'can_tho', name: 'Cần Thơ', kind: 'city', formerUnits: ['Sóc Trăng', 'Hậu Giang'], aliases: ['TP Cần Thơ', 'Vị Thanh'] },
  { key: 'vinh_long', name: 'Vĩnh Long', kind: 'province', formerUnits: ['Bến Tre', 'Trà Vinh'], aliases: [] },
  { key: 'dong_thap', name: 'Đồng Tháp', kind: 'province', formerUnits: ['Tiền Giang'], aliases: ['Mỹ Tho', 'Cao Lãnh'] },
  { key: 'ca_mau', name: 'Cà Mau', kind: 'province', formerUnits: ['Bạc Liêu'], aliases: [] },
  { key: 'an_giang', name: 'An Giang', kind: 'province', formerUnits: ['Kiên Giang'], aliases: ['Rạch Giá', 'Phú Quốc', 'Long Xuyên'] },
];

/** Names that are everyday words when folded: matched only with their diacritics (or in unaccented messages). */
export const STRICT_PROVINCE_NAMES: readonly string[] = ['Hoà Bình', 'Long An', 'Sơn La', 'Huế', 'Thái Bình', 'Tân An', 'Vĩnh Long'];
