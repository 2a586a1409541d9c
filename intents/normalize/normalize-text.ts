import { cleanCharacters } from './character-cleanup.js';
import { splitDigitsFromLetters } from './digit-letter-split.js';
import { squeezeElongations } from './elongation.js';
import { canonicalNumberToken } from './number-forms.js';
import { TEENCODE_ENTRIES } from './teencode.vi.js';
import { buildTeencodeTable, expandTeencode, type TeencodeExpansion } from './teencode-expand.js';
import { canonicalizeTones } from './tone-placement.js';
import { foldComposed } from './vietnamese-letters.js';

/** Every view of one message the NLU reads. */
export interface NormalizedText {
  /** As received. */
  original: string;
  /** NFC, confusables and look-alikes repaired, case kept: for display, names and dates. */
  nfc: string;
  /** Lower-case, tone marks in the new style, elongations squeezed, teencode expanded, one space between tokens. */
  canonical: string;
  /** `canonical` without diacritics (đ → d). */
  folded: string;
  /** Tokens of `canonical` (syllables and numbers). */
  tokens: string[];
  /** Tokens of `folded`, aligned with `tokens`. */
  foldedTokens: string[];
  /** Tokens before teencode expansion (lower-case, tone-canonical): `ko`, `dc`, `500`, `k`. */
  rawTokens: string[];
  /** Which raw tokens were read as something else. */
  expansions: TeencodeExpansion[];
}

/**
 * Bump when normalisation changes what a message becomes (it is part of the model fingerprint, so the shipped model
 * is retrained by `nlu build`; model files stay readable). 2: roman numerals and bare "uu" are no longer squeezed.
 */
export const NORMALIZER_VERSION = 2;

const TOKEN = /\d+(?:[.,]\d+)*|\p{L}+/gu;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const TEENCODE_TABLE = buildTeencodeTable(TEENCODE_ENTRIES);
/**
 * Roman numerals with repeated letters name minimum-wage regions, chapters and items ("vùng III", "chương VII"):
 * squeezed like a stretched word, "vùng III" became "vùng i" — another region's figure.
 */
const ROMAN_NUMERALS_WITH_RUNS = ['ii', 'iii', 'vii', 'viii', 'xii', 'xiii', 'xvii', 'xviii', 'xx', 'xxii', 'xxiii'];
// Acronyms with tripled letters (pccc) must not be squeezed as if they were stretched words.
const KEEP_UNSQUEEZED = new Set([...TEENCODE_ENTRIES.map((entry) => entry.from), ...ROMAN_NUMERALS_WITH_RUNS]);

export function normalizeText(original: string): NormalizedText {
  const nfc = cleanCharacters(original);
  const lowered = squeezeElongations(nfc, KEEP_UNSQUEEZED).toLowerCase();
  const toned = canonicalizeTones(lowered);
  const split = splitDigitsFromLetters(toned);
  const rawTokens = (split.match(TOKEN) ?? []).map((token) => (isDigit(token.charCodeAt(0)) ? canonicalNumberToken(token) : token));
  const { tokens, expansions } = expandTeencode(rawTokens, TEENCODE_TABLE);
  const canonical = tokens.join(' ');
  // Folding maps each character to one character, so the folded text splits back into aligned tokens.
  const folded = foldComposed(canonical);
  const foldedTokens = folded === '' ? [] : folded.split(' ');
  return {
    original,
    nfc,
    canonical,
    folded,
    tokens,
    foldedTokens,
    rawTokens,
    expansions,
  };
}
