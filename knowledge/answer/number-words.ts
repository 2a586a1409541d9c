/**
 * Figures written in words ("tám tháng", "ba trăm phần trăm", "năm triệu năm trăm nghìn đồng") become digits, so
 * that a model reply cannot slip a figure past the checks by spelling it out (issue #11 item 8). Only a run of
 * number words followed by a unit is read, and never "một" alone ("một lần", "một tháng" are how Vietnamese says
 * "once", "a month").
 */
const DIGITS: Readonly<Record<string, number>> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};
const SCALES: Readonly<Record<string, number>> = { nghìn: 1_000, ngàn: 1_000, triệu: 1_000_000, tỷ: 1_000_000_000, tỉ: 1_000_000_000 };
const OTHER_WORDS = new Set(['mười', 'mươi', 'trăm', 'linh', 'lẻ']);
const UNITS = /^(?:tháng|ngày|năm|giờ|tiếng|phút|tuần|lần|tuổi|phần trăm|đồng|%)/u;

function isNumberWord(word: string): boolean {
  return word in DIGITS || word in SCALES || OTHER_WORDS.has(word);
}

/** The value of a run of number words, or null when it is not a well-formed number. */
export function numberFromWords(words: readonly string[]): number | null {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  let afterTens = false;
  for (const word of words) {
    if (word in DIGITS) {
      const digit = DIGITS[word] as number;
      if (afterTens) {
        group += digit;
        afterTens = false;
      } else {
        if (pending !== null) return null;
        pending = digit;
      }
    } else if (word === 'mười') {
      group += 10;
      afterTens = true;
    } else if (word === 'mươi') {
      if (pending === null) return null;
      group += pending * 10;
      pending = null;
      afterTens = true;
    } else if (word === 'trăm') {
      if (pending === null) return null;
      group += pending * 100;
      pending = null;
      afterTens = false;
    } else if (word === 'linh' || word === 'lẻ') {
      afterTens = true;
    } else if (word in SCALES) {
      total += (group + (pending ?? 0)) * (SCALES[word] as number);
      group = 0;
      pending = null;
      afterTens = false;
    } else {
      return null;
    }
  }
  return total + group + (pending ?? 0);
}

/** Money in the law's own form: 5500000 → "5.500.000". */
function dotted(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The text with every spelled-out figure that is followed by a unit written in digits. */
export function spelledFiguresToDigits(text: string): string {
  const tokens = text.normalize('NFC').split(/(\s+)/);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const word = (tokens[i] ?? '').toLowerCase();
    if (!isNumberWord(word)) {
      out.push(tokens[i] as string);
      i += 1;
      continue;
    }
    // The longest run of number words (tokens alternate word / whitespace).
    let end = i;
    const words: string[] = [];
    while (end < tokens.length && isNumberWord((tokens[end] ?? '').toLowerCase())) {
      words.push((tokens[end] as string).toLowerCase());
      end += 2;
    }
    const rest = tokens.slice(end).join('').trimStart().toLowerCase();
    // "năm" right before a unit may be the unit itself ("mười lăm năm" is fine, "mỗi năm" is not a number).
    const value = UNITS.test(rest) ? numberFromWords(words) : null;
    if (value === null || value < 2) {
      out.push(tokens[i] as string);
      i += 1;
      continue;
    }
    out.push(value >= 10_000 ? dotted(value) : String(value));
    if (end - 1 < tokens.length) out.push(tokens[end - 1] ?? '');
    i = end;
  }
  return out.join('');
}
