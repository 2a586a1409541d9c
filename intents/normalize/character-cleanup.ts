import { toNfc } from '../../core/text/vietnamese-fold.js';

/**
 * Character-level repairs before anything reads the text: composition (NFC), confusables that NFC leaves
 * alone, exotic spaces, full-width forms from some phone keyboards, and Cyrillic/Greek look-alikes that turn
 * up in copied text and spam. Casing is kept: names and display need it.
 */

const EXOTIC_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]/g;
const SOFT_HYPHEN = /\u00ad/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const CURLY_QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2026': '...' };

/** Look-alike letters inside otherwise Latin words (Cyrillic а е о р с у х і, Greek ο ν). */
const LOOK_ALIKES: Record<string, string> = {
  '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0443': 'y', '\u0445': 'x',
  '\u0456': 'i', '\u0410': 'A', '\u0415': 'E', '\u041e': 'O', '\u0420': 'P', '\u0421': 'C', '\u0425': 'X',
  '\u03bf': 'o', '\u039f': 'O', '\u03bd': 'v',
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** Any character one of the repairs below would touch; most messages have none. */
const NEEDS_REPAIR = new RegExp(
  `[\u00ad\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\f\v\uff01-\uff5e\u2018\u2019\u201c\u201d\u2026${Object.keys(LOOK_ALIKES).join('')}]`,
);

export function cleanCharacters(text: string): string {
  if (!NEEDS_REPAIR.test(text)) return toNfc(text);
  return toNfc(
    text
      .replace(SOFT_HYPHEN, '')
      .replace(EXOTIC_SPACES, ' ')
      .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .replace(/[\u2018\u2019\u201c\u201d\u2026]/g, (char) => CURLY_QUOTES[char] ?? char)
      .replace(LOOK_ALIKE_PATTERN, (char) => LOOK_ALIKES[char] ?? char),
  );
}
