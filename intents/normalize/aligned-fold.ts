import { foldComposed } from './vietnamese-letters.js';

/**
 * A lower-cased, diacritic-free copy of the member's text that remembers where every character came from.
 * Entity patterns run on this view (so `sdt`, `số đt` and `SĐT` look alike, and decomposed input works)
 * while the spans they report still cut the ORIGINAL text exactly, which redaction needs.
 */
export interface AlignedFold {
  /** The folded, lower-cased text: one character per kept source character. */
  readonly folded: string;
  /** `origin[i]` is the UTF-16 offset in the original of folded character `i`. */
  readonly origin: readonly number[];
  readonly original: string;
}

const COMBINING_MARK = /[\u0300-\u036f]/;
const DROPPED = /[\u200b-\u200d\ufeff\u00ad]/;

/**
 * Full-width forms (`０９１２`, `＠`, typed by Chinese/Japanese keyboards and used to slip numbers past filters),
 * circled and superscript digits read as their ASCII character, so that every pattern sees a phone or an
 * e-mail whatever the keyboard. Only characters from U+2000 up (and the three Latin-1 superscripts) are
 * looked at: Vietnamese letters never take the slow path.
 */
function asciiCompatible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x2000 && code !== 0xb2 && code !== 0xb3 && code !== 0xb9) return char;
  if (code >= 0xd800 && code <= 0xdfff) return char;
  const compatible = char.normalize('NFKC');
  return compatible.length === 1 && compatible >= ' ' && compatible <= '~' ? compatible : char;
}

function foldChar(char: string): string {
  const lowered = foldComposed(asciiCompatible(char)).toLowerCase();
  // Keep the view aligned one-to-one: a character whose fold is not a single code unit stays itself.
  return lowered.length === 1 ? lowered : char;
}

export function alignFold(original: string): AlignedFold {
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const char = original[i] as string;
    // Combining marks belong to the previous letter; zero-width characters carry nothing.
    if (COMBINING_MARK.test(char) || DROPPED.test(char)) continue;
    out.push(foldChar(char));
    origin.push(i);
  }
  return { folded: out.join(''), origin, original };
}

/** Maps a folded `[start, end)` span back to the original text, trailing combining marks included. */
export function originalSpan(view: AlignedFold, start: number, end: number): { start: number; end: number } {
  const originalStart = view.origin[start] ?? view.original.length;
  let originalEnd = end < view.origin.length ? (view.origin[end] as number) : view.original.length;
  // Do not swallow characters that sit between the span and the next kept character, except marks.
  const lastKept = view.origin[end - 1];
  if (lastKept !== undefined) {
    let cursor = lastKept + 1;
    while (cursor < originalEnd && COMBINING_MARK.test(view.original[cursor] as string)) cursor++;
    originalEnd = cursor;
  }
  return { start: originalStart, end: originalEnd };
}
