import { foldComposed, splitToneLetter } from './vietnamese-letters.js';

/**
 * Squeezes letters stretched for emphasis (`quáaaa`, `điiii`, `huhuuu`, `nhaaa`) back to one. Vietnamese
 * spelling never doubles a vowel letter except `oo` (xoong, soóc), and never doubles a consonant inside a
 * syllable, so: a run of 3+ letters that differ only by tone mark → 1; a doubled vowel other than `o` → 1;
 * double consonants (loanwords such as `hello`) stay. Letters compare WITHOUT tone marks but WITH quality
 * marks, so `ưu` (cứu, hưu) and `ươ` are never squeezed. The kept letter is the one carrying a tone mark
 * (`quaaá` → `quá`).
 */

/** Adjacent letters of one base that ARE Vietnamese spelling and must stay (cứu, hưu). */
const LEGITIMATE_MIXED_PAIRS = new Set(['ưu']);
// Plain `uu` is not squeezed: without diacritics it is `ưu` (nghi huu, cuu tro, luu y), not a stretched `u`.
const DOUBLE_VOWELS_TO_SQUEEZE = new Set([...'aăâeêiưyôơ']);

function tonelessLetter(char: string): string {
  return (splitToneLetter(char)?.bare ?? char).toLowerCase();
}

function baseOf(toneless: string): string {
  return foldComposed(toneless);
}

/** `vâaang` after the first pass is `vâang`: a marked and an unmarked form of one vowel side by side. */
function squeezeMixedPairs(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (const char of chars) {
    const previous = out[out.length - 1];
    if (previous !== undefined) {
      const a = tonelessLetter(previous);
      const b = tonelessLetter(char);
      if (a !== b && baseOf(a) === baseOf(b) && /[aeiouy]/.test(baseOf(a)) && !LEGITIMATE_MIXED_PAIRS.has(a + b)) {
        // Keep the more marked letter: it carries the spelling the member meant.
        if (markCount(char) > markCount(previous)) out[out.length - 1] = char;
        continue;
      }
    }
    out.push(char);
  }
  return out;
}

/** 0 for a plain letter, 1 for a quality mark or a tone, 2 for both (ấ). */
function markCount(char: string): number {
  const toneless = tonelessLetter(char);
  return (toneless !== char.toLowerCase() ? 1 : 0) + (foldComposed(toneless) !== toneless ? 1 : 0);
}

/** Most words have no two neighbouring letters of one base: nothing to squeeze. */
function mayHaveRuns(word: string): boolean {
  let previous = '';
  for (const char of word) {
    const base = foldComposed(char).toLowerCase();
    if (base === previous) return true;
    previous = base;
  }
  return false;
}

function squeezeWord(word: string): string {
  if (!mayHaveRuns(word)) return word;
  const chars = [...word];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const base = tonelessLetter(chars[i] as string);
    let runEnd = i + 1;
    while (runEnd < chars.length && tonelessLetter(chars[runEnd] as string) === base) runEnd++;
    const run = chars.slice(i, runEnd);
    const squeeze = run.length >= 3 || (run.length === 2 && DOUBLE_VOWELS_TO_SQUEEZE.has(base));
    if (squeeze) out.push(run.find((c) => tonelessLetter(c) !== c.toLowerCase()) ?? (run[0] as string));
    else out.push(...run);
    i = runEnd;
  }
  return squeezeMixedPairs(out).join('');
}

/** True when two neighbouring characters share a base letter: the only texts that can need squeezing. */
function hasNeighbouringTwins(text: string): boolean {
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const base = char < '\u0080' ? char.toLowerCase() : foldComposed(char).toLowerCase();
    if (base === previous && base !== ' ' && !(base >= '0' && base <= '9')) return true;
    previous = base;
  }
  return false;
}

/** Squeezes every word of `text`, except words listed in `keep` (lower-case), such as the acronym `pccc`. */
export function squeezeElongations(text: string, keep: ReadonlySet<string> = new Set()): string {
  const composed = text.normalize('NFC');
  if (!hasNeighbouringTwins(composed)) return composed;
  return composed.replace(/\p{L}+/gu, (word) => (keep.has(word.toLowerCase()) ? word : squeezeWord(word)));
}
