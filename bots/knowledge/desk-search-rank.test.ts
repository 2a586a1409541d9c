import { deskMatchOf, deskSpellingMatchOf, rankDeskEntries } from './desk-search-rank.js';
import { deskQueryOf, deskSearchDocOf } from './desk-search-text.js';

interface Entry {
  id: string;
  question: string;
  variants: string[];
  answer: string;
}

const entry = (id: string, question: string, answer = 'Có.', variants: string[] = []): Entry => ({ id, question, variants, answer });

const CANTEEN = entry('a1-canteen-vegetarian', 'Nhà ăn ca đêm có phục vụ suất chay không?', 'Có. Nhà ăn ca đêm phục vụ suất chay mỗi ngày.', ['nha an ca dem co suat chay khong', 'căng tin ca đêm có đồ chay k']);
// The national entry that the old search listed for "suat chay": năng suất … cháy nổ, far apart in one sentence.
const OPINIONS = entry(
  'worker-opinions',
  'Người lao động được góp ý kiến về những việc gì ở công ty?',
  'Người lao động được tham gia ý kiến về: đề xuất giải pháp tiết kiệm chi phí, tăng năng suất, cải thiện điều kiện làm việc, bảo vệ môi trường, phòng chống cháy nổ.',
);

function search(q: string, entries: readonly Entry[]): string[] {
  const query = deskQueryOf(q);
  return rankDeskEntries(entries, (item) => deskMatchOf(query, deskSearchDocOf(item), q)).map((item) => item.id);
}

describe('the knowledge desk search ranks what officers meant', () => {
  it('"suat chay" finds the vegetarian meal, not "năng suất … cháy nổ" scattered across an answer', () => {
    expect(search('suat chay', [OPINIONS, CANTEEN])).toEqual(['a1-canteen-vegetarian']);
    expect(search('suất chay', [OPINIONS, CANTEEN])).toEqual(['a1-canteen-vegetarian']);
  });

  it('keeps scattered matches when nothing matches better, so a search never comes back empty for no reason', () => {
    expect(search('suat chay', [OPINIONS])).toEqual(['worker-opinions']);
    const match = deskMatchOf(deskQueryOf('suat chay'), deskSearchDocOf(OPINIONS), 'suat chay');
    expect(match).toMatchObject({ prefix: 0, folded: 0, accent: -1 });
  });

  it('never matches a phrase across a comma or a full stop', () => {
    const apart = entry('apart', 'Tăng năng suất, chạy máy thế nào?');
    const together = entry('together', 'Suất chạy máy ca đêm tính sao?');
    expect(search('suat chay', [apart, together])).toEqual(['together']);
  });

  it('puts the question above a variant above the answer, and a phrase above the same words apart', () => {
    const inAnswer = entry('a-answer', 'Chế độ cho người làm đêm?', 'Làm thêm giờ (tăng ca) vào ban đêm được trả thêm.');
    const inVariant = entry('b-variant', 'Làm thêm giờ tối đa bao nhiêu?', 'Không quá 40 giờ một tháng.', ['tang ca toi da bao nhieu gio']);
    const inQuestion = entry('c-question', 'Tiền tăng ca được tính thế nào?');
    const apartInQuestion = entry('d-apart', 'Ca đêm có được tăng lương không?');
    expect(search('tang ca', [inAnswer, inVariant, inQuestion, apartInQuestion])).toEqual(['c-question', 'b-variant', 'a-answer', 'd-apart']);
  });

  it('ranks words typed with diacritics above other words that fold the same', () => {
    const fire = entry('a-fire', 'Suất cháy nổ là gì?');
    const vegetarian = entry('b-vegetarian', 'Có suất chay cho ca đêm không?');
    expect(search('suất chay', [fire, vegetarian])).toEqual(['b-vegetarian', 'a-fire']);
    // Typed without diacritics, both are the same words: the list's own order stays.
    expect(search('suat chay', [fire, vegetarian])).toEqual(['a-fire', 'b-vegetarian']);
    // A variant typed without diacritics never counts against an accented search.
    const unaccentedVariant = entry('a-variant', 'Chế độ ăn ca đêm?', 'Có.', ['co suat chay ko']);
    expect(search('suất chay', [fire, unaccentedVariant])).toEqual(['a-variant', 'a-fire']);
  });

  it('reads teencode and abbreviations as members and officers type them', () => {
    const overtime = entry('a-overtime', 'Tiền tăng ca được tính thế nào?');
    const dues = entry('b-dues', 'Đóng bảo hiểm xã hội bao lâu thì được hưởng thai sản?');
    expect(search('tc', [dues, overtime])).toEqual(['a-overtime']);
    expect(search('bhxh thai san', [overtime, dues])).toEqual(['b-dues']);
    expect(search('dc huong thai san', [overtime, dues])).toEqual(['b-dues']);
  });

  it('reads the last word as the start of a word while the officer is still typing', () => {
    expect(search('suat ch', [OPINIONS, CANTEEN])).toEqual(['a1-canteen-vegetarian']);
    // Whole words first: "tăng ca" above "tăng cao" for "tang ca".
    const higher = entry('a-higher', 'Lương tăng cao khi nào?');
    const overtime = entry('b-overtime', 'Đi làm', 'Tiền tăng ca tính thế nào?');
    expect(search('tang ca', [higher, overtime])).toEqual(['b-overtime', 'a-higher']);
  });

  it('keeps words of a longer search that sit together above the same words apart', () => {
    const pieces = entry('a-pieces', 'Mức đóng bảo hiểm xã hội?', 'Bảo hiểm tính theo lương tháng; thai sản được trả riêng.');
    const scattered = entry('b-scattered', 'Hỏi về xã hội', 'Bảo hiểm … thai kỳ và sản phẩm.');
    // Both hold pieces of the search; the entry holding more of them together comes first.
    expect(search('bao hiem thai san', [scattered, pieces])).toEqual(['a-pieces', 'b-scattered']);
  });

  it('finds an entry by its id, first', () => {
    expect(search('worker-opinions', [CANTEEN, OPINIONS])).toEqual(['worker-opinions']);
    expect(search('canteen', [OPINIONS, CANTEEN])).toEqual(['a1-canteen-vegetarian']);
  });

  it('keeps the order the entries came in for equal matches, so pages never shuffle', () => {
    const entries = ['c', 'a', 'b'].map((id) => entry(id, 'Tiền tăng ca được tính thế nào?'));
    expect(search('tang ca', entries)).toEqual(['c', 'a', 'b']);
  });
});

describe('the knowledge desk search, second chance under the usual spelling confusions', () => {
  const ALLOWANCE = entry('a-allowance', 'Trợ cấp thôi việc tính thế nào?', 'Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.');
  const PAPERS = entry('b-papers', 'Nghỉ ốm cần giấy tờ gì?', 'Cần giấy ra viện hoặc giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội.');

  function searchBySpelling(q: string, entries: readonly Entry[]): string[] {
    const query = deskQueryOf(q);
    return rankDeskEntries(entries, (item) => deskSpellingMatchOf(query, deskSearchDocOf(item))).map((item) => item.id);
  }

  it('finds "chợ cấp" (ch for tr), "dấy tờ" (d for gi) and "xuất chay" under the spelling key, though not as typed', () => {
    expect(search('chợ cấp', [PAPERS, ALLOWANCE])).toEqual([]);
    expect(searchBySpelling('chợ cấp', [PAPERS, ALLOWANCE])).toEqual(['a-allowance']);
    expect(searchBySpelling('dấy tờ', [ALLOWANCE, PAPERS])).toEqual(['b-papers']);
    expect(searchBySpelling('xuat chay', [OPINIONS, CANTEEN])).toEqual(['a1-canteen-vegetarian']);
  });

  it('still drops scattered words when a real phrase matches, and still reads the last word as its start', () => {
    expect(searchBySpelling('chợ cấ', [PAPERS, ALLOWANCE])).toEqual(['a-allowance']);
    expect(searchBySpelling('luơn tháng', [PAPERS, ALLOWANCE])).toEqual(['a-allowance']);
  });
});
