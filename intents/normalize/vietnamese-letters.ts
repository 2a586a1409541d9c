import { foldDiacritics } from '../../core/text/vietnamese-fold.js';

/**
 * Constant lookup tables over the Vietnamese alphabet, built once from Unicode composition so the hot path
 * (every message) never calls String.prototype.normalize per character: which tone mark a precomposed
 * vowel carries, the vowel without it, the composed form of vowel + tone, and the ASCII fold of each letter.
 */

export const TONE_MARK_CHARS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const BASE_VOWELS = [...'aăâeêioôơuưy'];

interface TonedLetter {
  bare: string;
  tone: string;
}

const TONED = new Map<string, TonedLetter>();
const COMPOSED = new Map<string, string>();
for (const lower of BASE_VOWELS) {
  for (const bare of [lower, lower.toUpperCase()]) {
    for (const tone of TONE_MARK_CHARS) {
      const toned = `${bare}${tone}`.normalize('NFC');
      TONED.set(toned, { bare, tone });
      COMPOSED.set(`${bare}${tone}`, toned);
    }
  }
}

/** The 120 precomposed letters that carry a tone mark, as one string (for character classes). */
export const TONED_LETTERS = [...TONED.keys()].join('');

/** Every letter whose fold differs from itself (precomposed vowels with any mark, đ, Đ). */
const FOLD = new Map<string, string>();
for (const letter of [...BASE_VOWELS, ...BASE_VOWELS.map((v) => v.toUpperCase()), ...TONED.keys(), 'đ', 'Đ']) {
  const folded = foldDiacritics(letter);
  if (folded === letter) continue;
  // foldComposed's shortcut relies on this.
  if (letter.charCodeAt(0) < 0xc0) throw new Error(`fold table: ${letter} is below U+00C0`);
  FOLD.set(letter, folded);
}

/** The tone mark of a precomposed vowel and the vowel without it; null for letters without a tone mark. */
export function splitToneLetter(char: string): TonedLetter | null {
  return TONED.get(char) ?? null;
}

/** `a` + grave → `à`. Returns the pair unchanged if it does not compose to one Vietnamese letter. */
export function composeToneLetter(bare: string, tone: string): string {
  return COMPOSED.get(`${bare}${tone}`) ?? `${bare}${tone}`;
}

/**
 * Fold of NFC text, one character at a time: equal to `foldDiacritics` on composed Vietnamese (checked by the
 * tests) and several times faster. Text that may be decomposed must go through `toNfc` first.
 */
export function foldComposed(text: string): string {
  // Every letter that folds is U+00C0 or above: text without one (every message typed without diacritics, about
  // half of them) is its own fold, found by one scan instead of a Map lookup and a concatenation per character.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0xc0) i++;
  if (i === text.length) return text;
  let out = '';
  for (const char of text) out += FOLD.get(char) ?? char;
  return out;
}
