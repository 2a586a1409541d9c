import { squeezeElongations } from './elongation.js';
import { TEENCODE_ENTRIES } from './teencode.vi.js';
import { expandTeencode } from './teencode-expand.js';
import { canonicalizeTones } from './tone-placement.js';

const expand = (text: string): string => expandTeencode(text.split(' ')).tokens.join(' ');

describe('expandTeencode', () => {
  it.each([
    ['ko biết', 'không biết'],
    ['hông có', 'không có'],
    ['dc không', 'được không'],
    ['đc ko', 'được không'],
    ['lm j', 'làm gì'],
    ['sao z', 'sao vậy'],
    ['bn tiền', 'bao nhiêu tiền'],
    ['ntn ạ', 'như thế nào ạ'],
    ['cty nợ lg', 'công ty nợ lương'],
    ['nld bị đuổi', 'người lao động bị đuổi'],
    ['đóng bhxh', 'đóng bảo hiểm xã hội'],
    ['ký hđlđ', 'ký hợp đồng lao động'],
    ['cđcs ở đâu', 'công đoàn cơ sở ở đâu'],
    ['bị tnlđ', 'bị tai nạn lao động'],
    ['e cảm ơn', 'em cảm ơn'],
    ['tks ad', 'cảm ơn quản trị viên'],
    // context rules
    ['500 k', '500 nghìn'],
    ['k có', 'không có'],
    ['5 tr', '5 triệu'],
    ['tr ơi', 'trời ơi'],
    ['tr', 'tr'],
    ['ck vào tk', 'chuyển khoản vào tài khoản'],
    ['đã ck', 'đã chuyển khoản'],
    ['ck em', 'chồng em'],
    ['2 củ', '2 triệu'],
    ['củ khoai', 'củ khoai'],
    ['5 lít', '5 trăm nghìn'],
    ['100 đ', '100 đồng'],
    ['m ơi', 'mình ơi'],
    ['tao bảo m', 'tao bảo mày'],
    ['5 m', '5 m'],
    ['20 kg', '20 kg'],
    ['30 p', '30 phút'],
    ['p làm sao', 'phải làm sao'],
    // context words match typed without diacritics too (D-nlu-4)
    ['da ck tien', 'da chuyển khoản tien'],
    ['tr oi', 'trời oi'],
    // bare forms of accented teencode
    // bare "mun" is also mùn/mụn ("bụi mùn cưa"), "max" a product name: both stay as typed
    ['bui mun cua', 'bui mun cua'],
    ['pro max', 'pro max'],
    ['ko bit', 'không biết'],
    ['khog dc', 'không được'],
    ['cug dc', 'cũng được'],
    ['nhug ma', 'nhưng ma'],
    ['nghi fep', 'nghi phép'],
    ['co fai', 'co phải'],
    ['sao zay', 'sao vậy'],
    ['lam zi', 'lam gì'],
    // workplace and documents
    ['gui vb', 'gui văn bản'],
    ['nop ds', 'nop danh sách'],
    ['kham sk', 'kham sức khoẻ'],
    // ambiguous forms read by their neighbour, left as typed (or their usual reading) otherwise
    ['phòng ns', 'phòng nhân sự'],
    ['phong ns', 'phong nhân sự'],
    ['ns vs cty', 'nói với công ty'],
    ['tạo dk', 'tạo điều kiện'],
    ['du dk', 'du điều kiện'],
    ['co dk ko', 'co được không'],
    ['nc vs sếp', 'nc với sếp'],
    ['tn cho em', 'tn cho em'],
    ['bh lâu', 'bao lâu'],
    ['đóng bh', 'đóng bảo hiểm'],
    ['t nghỉ', 't nghỉ'],
    ['xai nhiu', 'xai nhiều'],
    ['bao nhiu', 'bao nhiêu'],
  ])('%s → %s', (input, expected) => {
    expect(expand(input)).toBe(expected);
  });

  it('reports what was expanded, by raw token index', () => {
    expect(expandTeencode(['ko', 'biết', 'j']).expansions).toEqual([
      { index: 0, from: 'ko', to: 'không' },
      { index: 2, from: 'j', to: 'gì' },
    ]);
  });
});

describe('the teencode table', () => {
  // A bound against the table turning into a dictionary; raised from 300 when the bare forms of accented
  // teencode ("mun", "bit") and documents' abbreviations were added (D-nlu-4).
  it('has 150–350 entries', () => {
    expect(TEENCODE_ENTRIES.length).toBeGreaterThanOrEqual(150);
    expect(TEENCODE_ENTRIES.length).toBeLessThanOrEqual(350);
  });

  it('has no duplicate keys', () => {
    const keys = TEENCODE_ENTRIES.map((entry) => entry.from);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(TEENCODE_ENTRIES.map((entry) => entry.from))('key %s is a canonical lower-case single token', (key) => {
    expect(key).toBe(canonicalizeTones(key.normalize('NFC').toLowerCase()));
    expect(key).toMatch(/^\p{L}+$/u);
  });

  it('only protected acronyms would change under elongation squeezing', () => {
    const squeezed = TEENCODE_ENTRIES.map((entry) => entry.from).filter((key) => squeezeElongations(key) !== key);
    expect(squeezed).toEqual(['pccc', 'cccd']);
  });
});
