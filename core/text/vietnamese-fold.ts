/**
 * The minimal Vietnamese text primitives every module shares: Unicode composition and diacritic folding.
 * Members type with and without diacritics, so search and classification compare folded forms
 * (shared/notes/vietnamese-nlp.md §1.3). The richer normalizer (teencode, tone placement) lives in intents/.
 */

import { safeText } from './safe-text.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;

/**
 * NFC plus the confusables that NFC leaves alone (Icelandic eth used for Đ) and zero-width characters; every
 * channel's decoder normalises members' text with it, so it also makes the text storable (`safeText`).
 */
export function toNfc(text: string): string {
  return safeText(text).normalize('NFC').replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ').replace(ZERO_WIDTH, '');
}

/** Removes every diacritic: `Người lao động` → `Nguoi lao dong`. NFD does not decompose đ, so map it. */
export function foldDiacritics(text: string): string {
  return toNfc(text).normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-cased syllables (letters and digits runs), in order. Vietnamese words are space-separated syllables. */
export function syllables(text: string): string[] {
  return toNfc(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when the text carries at least one Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== toNfc(text);
}
