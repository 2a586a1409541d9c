import { asksVoluntaryScheme, isVoluntaryOnlyChapter, preferCompulsoryScheme } from './insurance-scheme.js';

const VOLUNTARY = 'Chương VI. BẢO HIỂM XÃ HỘI TỰ NGUYỆN TRỢ CẤP THAI SẢN';
const COMPULSORY = 'Chương V. BẢO HIỂM XÃ HỘI BẮT BUỘC CHẾ ĐỘ ỐM ĐAU';
const REGISTRATION = 'Chương IV. ĐĂNG KÝ THAM GIA VÀ QUẢN LÝ THU, ĐÓNG BẢO HIỂM XÃ HỘI BẮT BUỘC VÀ BẢO HIỂM XÃ HỘI TỰ NGUYỆN';
const hit = (id: string, chapter: string | null) => ({ id, article: { chapter } });

describe('insurance scheme of an article and of a question', () => {
  it('tells a voluntary-only chapter from the compulsory one and the one registering both', () => {
    expect(isVoluntaryOnlyChapter(VOLUNTARY)).toBe(true);
    expect(isVoluntaryOnlyChapter(COMPULSORY)).toBe(false);
    expect(isVoluntaryOnlyChapter(REGISTRATION)).toBe(false);
    expect(isVoluntaryOnlyChapter(null)).toBe(false);
  });

  it('hears the voluntary scheme named, with or without diacritics', () => {
    expect(asksVoluntaryScheme('bảo hiểm xã hội tự nguyện chết thì được tuất bao nhiêu')).toBe(true);
    expect(asksVoluntaryScheme('lao dong tu do tu dong bhxh duoc huu khong')).toBe(true);
    expect(asksVoluntaryScheme('bố em đang hưởng lương hưu mất thì được tuất bao nhiêu')).toBe(false);
    expect(asksVoluntaryScheme('em không có hđ, đóng bhxh được không')).toBe(true);
  });

  it('does not hear it in words that fold alike: "từ đó" (since then), "tự động" (automatically)', () => {
    expect(asksVoluntaryScheme('bố em nghỉ việc từ đó, giờ mất thì được tuất một lần bao nhiêu')).toBe(false);
    expect(asksVoluntaryScheme('công ty tự động trừ bảo hiểm, nghỉ việc thì hưởng một lần bao nhiêu')).toBe(false);
  });

  it("puts the voluntary twin after the employee's article among the leading hits, unless it is asked", () => {
    const hits = [hit('110', VOLUNTARY), hit('89', COMPULSORY), hit('88', COMPULSORY), hit('115', VOLUNTARY)];
    expect(preferCompulsoryScheme(hits, 'người đang hưởng lương hưu chết thì tuất một lần bao nhiêu', 3).map((h) => h.id)).toEqual(['89', '88', '110', '115']);
    expect(preferCompulsoryScheme(hits, 'đóng tự nguyện mà chết thì tuất một lần bao nhiêu', 3)).toBe(hits);
    const onlyVoluntary = [hit('110', VOLUNTARY), hit('115', VOLUNTARY)];
    expect(preferCompulsoryScheme(onlyVoluntary, 'tuất một lần bao nhiêu', 3)).toBe(onlyVoluntary);
  });
});
