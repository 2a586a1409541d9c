import { composeToneLetter, splitToneLetter, TONED_LETTERS } from './vietnamese-letters.js';

/**
 * Vietnamese tone-mark placement. The same syllable is written `hòa` (old style) or `hoà` (new style), and
 * both occur in one corpus; exact-match lexicons, rules and cache keys need one form. This places the mark
 * algorithmically from the syllable's structure rather than from a pair table, so rare syllables (khuỷu,
 * ngoẻo, giữa, quyển) come out right too. The canonical accented view uses the new (VinAI) style.
 */

export const TONE_STYLES = ['new', 'old'] as const;
export type ToneStyle = (typeof TONE_STYLES)[number];

const VOWELS = new Set([...'aăâeêioôơuưy']);
const QUALITY_MARKED_VOWELS = new Set([...'ăâêôơư']);
/** Open two-vowel nuclei whose mark moves between the styles: hòa/hoà, khỏe/khoẻ, thủy/thuỷ. */
const STYLE_SENSITIVE_PAIRS = new Set(['oa', 'oe', 'uy']);
/** Only words that carry a tone mark can need moving it; unaccented text is returned at once. */
const TONED_WORD = new RegExp(`\\p{L}*[${TONED_LETTERS}]\\p{L}*`, 'gu');
const HAS_TONE = new RegExp(`[${TONED_LETTERS}]`, 'u');

/** Index (in the bare syllable) of the vowel that carries the tone, or -1 when it cannot be placed. */
export function toneVowelIndex(bare: string, style: ToneStyle): number {
  const lower = bare.toLowerCase();
  let nucleusStart = 0;
  while (nucleusStart < lower.length && !VOWELS.has(lower[nucleusStart] as string)) nucleusStart++;
  if (nucleusStart === lower.length) return -1;
  // "qu" and "gi" before another vowel are onsets: quý → tone on y, giữa → on ư.
  const onsetEndsWithGlide =
    (lower[nucleusStart] === 'u' && lower[nucleusStart - 1] === 'q') ||
    (lower[nucleusStart] === 'i' && lower[nucleusStart - 1] === 'g' && nucleusStart === 1);
  if (onsetEndsWithGlide && VOWELS.has(lower[nucleusStart + 1] ?? '')) nucleusStart++;
  let nucleusEnd = nucleusStart;
  while (nucleusEnd < lower.length && VOWELS.has(lower[nucleusEnd] as string)) nucleusEnd++;
  const nucleus = lower.slice(nucleusStart, nucleusEnd);
  const hasCoda = nucleusEnd < lower.length;
  if (nucleus.length > 3) return -1;
  if (nucleus.length === 1) return nucleusStart;
  // A quality-marked vowel carries the tone; in ươ it is the ơ (the last marked one).
  for (let i = nucleus.length - 1; i >= 0; i--) {
    if (QUALITY_MARKED_VOWELS.has(nucleus[i] as string)) return nucleusStart + i;
  }
  if (nucleus.length === 3) return nucleusStart + 1;
  if (hasCoda) return nucleusStart + 1;
  if (style === 'new' && STYLE_SENSITIVE_PAIRS.has(nucleus)) return nucleusStart + 1;
  return nucleusStart;
}

/** One word (NFC, letters only). Words with no tone mark, or more than one, are returned as they are. */
function placeToneInWord(word: string, style: ToneStyle): string {
  let tonedAt = -1;
  let tone = '';
  for (let i = 0; i < word.length; i++) {
    const split = splitToneLetter(word[i] as string);
    if (split === null) continue;
    if (tonedAt >= 0) return word;
    tonedAt = i;
    tone = split.tone;
  }
  if (tonedAt < 0) return word;
  const bare = word.slice(0, tonedAt) + (splitToneLetter(word[tonedAt] as string) as { bare: string }).bare + word.slice(tonedAt + 1);
  const index = toneVowelIndex(bare, style);
  if (index < 0 || index === tonedAt) return word;
  return bare.slice(0, index) + composeToneLetter(bare[index] as string, tone) + bare.slice(index + 1);
}

/** Rewrites every syllable of `text` with its tone mark placed in the given style. Idempotent. */
export function placeTones(text: string, style: ToneStyle): string {
  const composed = text.normalize('NFC');
  if (!HAS_TONE.test(composed)) return composed;
  return composed.replace(TONED_WORD, (word) => placeToneInWord(word, style));
}

/** The project's one accented convention (new style, as VinAI's tools produce). */
export function canonicalizeTones(text: string): string {
  return placeTones(text, 'new');
}
