import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { normalizeText } from './normalize-text.js';
import { canonicalizeTones, placeTones } from './tone-placement.js';

describe('normalizeText', () => {
  it.each([
    // teencode and abbreviations, mixed case
    ['Cty nợ lg e 2 thg r, ko bít lm sao :((', 'công ty nợ lương em 2 tháng rồi không biết làm sao'],
    ['ko dc nghỉ fép à', 'không được nghỉ phép à'],
    ['ltt vùng 3 h là bn v mn', 'lương tối thiểu vùng 3 giờ là bao nhiêu vậy mọi người'],
    // money forms
    ['lương 4tr7', 'lương 4 triệu 7'],
    ['thưởng 500k', 'thưởng 500 nghìn'],
    ['5.000.000đ', '5000000 đồng'],
    ['được 2 củ', 'được 2 triệu'],
    ['1,5 tỷ', '1,5 tỷ'],
    ['5tr/tháng', '5 triệu tháng'],
    // durations glued to digits
    ['làm 45ngay rồi', 'làm 45 ngay rồi'],
    // elongation, tone styles, case, confusables, decomposed input
    ['mệt quáaaa', 'mệt quá'],
    ['Hòa Bình KHỎE không', 'hoà bình khoẻ không'],
    ['\u00d0óng BHXH', 'đóng bảo hiểm xã hội'],
    ['Người lao động'.normalize('NFD'), 'người lao động'],
    ['  nhiều    khoảng   trắng \n quá ', 'nhiều khoảng trắng quá'],
    ['pccc ở xưởng', 'phòng cháy chữa cháy ở xưởng'],
    ['ck vào tk chưa', 'chuyển khoản vào tài khoản chưa'],
    ['ck em bị tnlđ', 'chồng em bị tai nạn lao động'],
    // roman numerals keep their letters: "vùng III" is not "vùng I" (issue #11)
    ['Lương tối thiểu vùng III', 'lương tối thiểu vùng iii'],
    ['vung ii luong toi thieu', 'vung ii luong toi thieu'],
    ['vùng I và vùng IV', 'vùng i và vùng iv'],
    ['chương VIII', 'chương viii'],
    ['điiii làm', 'đi làm'],
    // stretched teencode is squeezed, then read (D-nlu-4)
    ['khongggg dcccc nghiii', 'khong được nghi'],
    ['koooo biet', 'không biet'],
    ['phong ns noi tao dk', 'phong nhân sự noi tao điều kiện'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input).canonical).toBe(expected);
  });

  it('gives aligned folded tokens and keeps the raw tokens', () => {
    const result = normalizeText('Cty ko trả lg đúng hạn');
    expect(result.tokens).toEqual(['công', 'ty', 'không', 'trả', 'lương', 'đúng', 'hạn']);
    expect(result.foldedTokens).toEqual(['cong', 'ty', 'khong', 'tra', 'luong', 'dung', 'han']);
    expect(result.folded).toBe('cong ty khong tra luong dung han');
    expect(result.rawTokens).toEqual(['cty', 'ko', 'trả', 'lg', 'đúng', 'hạn']);
    expect(result.expansions.map((e) => e.from)).toEqual(['cty', 'ko', 'lg']);
  });

  it('keeps the original and a display form with its case', () => {
    const result = normalizeText('Em tên là Thuỷ\u200b');
    expect(result.original).toBe('Em tên là Thuỷ\u200b');
    expect(result.nfc).toBe('Em tên là Thuỷ');
  });

  it('folds the same whatever the accents or tone style', () => {
    const accented = normalizeText('Công ty không thoả thuận hợp đồng');
    const unaccented = normalizeText('cong ty khong thoa thuan hop dong');
    const oldStyle = normalizeText('Công ty không thỏa thuận hợp đồng');
    expect(unaccented.folded).toBe(accented.folded);
    expect(oldStyle.canonical).toBe(accented.canonical);
  });

  it('is idempotent on its canonical output', () => {
    const once = normalizeText('Cty nợ lg e 2 thg r, ko bít lm sao, hòa giải dc ko?');
    expect(normalizeText(once.canonical).canonical).toBe(once.canonical);
  });

  it('handles empty and symbol-only text', () => {
    expect(normalizeText('').tokens).toEqual([]);
    expect(normalizeText('??? :) 👍').canonical).toBe('');
  });
});

describe('normalizer invariants on every labelled message', () => {
  const roots = [join(process.cwd(), 'intents/data/train'), join(process.cwd(), 'intents/data/heldout'), join(process.cwd(), 'intents/classifier/fixtures')];
  const texts = roots
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.jsonl')).map((name) => join(dir, name)))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== ''))
    .map((line) => (JSON.parse(line) as { text: string }).text);

  it('reads enough messages to mean something', () => {
    expect(texts.length).toBeGreaterThanOrEqual(40);
  });

  it('canonical output is a fixed point, and both tone styles canonicalise alike', () => {
    const notIdempotent = texts.filter((text) => {
      const once = normalizeText(text).canonical;
      return normalizeText(once).canonical !== once;
    });
    const styleDependent = texts.filter((text) => canonicalizeTones(placeTones(text, 'old')) !== canonicalizeTones(placeTones(text, 'new')));
    expect(notIdempotent).toEqual([]);
    expect(styleDependent).toEqual([]);
  });

  it('folded view equals the fold of the canonical view', () => {
    for (const text of texts) {
      const result = normalizeText(text);
      expect(result.folded).toBe(foldDiacritics(result.canonical));
    }
  });
});
