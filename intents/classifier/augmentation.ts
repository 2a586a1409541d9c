import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { TEENCODE_ENTRIES } from '../normalize/teencode.vi.js';
import { placeTones } from '../normalize/tone-placement.js';

/**
 * Training-time variants of a labelled message, so the model sees each example the ways members type it:
 * without diacritics, in chat abbreviations (`không` → `ko`, `công ty` → `cty`), both, and in the other
 * tone-mark style. Variants that normalise to the same tokens as one already kept are dropped: the tone
 * flip, for instance, is undone by the canonicaliser and only survives when it changes something else.
 */

export interface AugmentationOptions {
  folded: boolean;
  abbreviated: boolean;
  toneFlip: boolean;
  /** Chance that each abbreviable phrase is abbreviated in the abbreviated variant. */
  abbreviationRate: number;
}

export const DEFAULT_AUGMENTATION: AugmentationOptions = { folded: true, abbreviated: true, toneFlip: true, abbreviationRate: 0.6 };

/** Expansion phrase → the short forms members use for it (only context-free entries). */
function buildAbbreviations(): Array<{ phrase: RegExp; forms: string[] }> {
  const byPhrase = new Map<string, string[]>();
  for (const entry of TEENCODE_ENTRIES) {
    if (entry.to === null || entry.beforeWords !== undefined || entry.afterWords !== undefined || entry.whenMessageHas !== undefined) continue;
    if (entry.to === 'ok' || entry.to.length <= entry.from.length) continue;
    const forms = byPhrase.get(entry.to) ?? [];
    forms.push(entry.from);
    byPhrase.set(entry.to, forms);
  }
  return [...byPhrase.entries()]
    .sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .map(([phrase, forms]) => ({ phrase: new RegExp(`(?<![\\p{L}\\d])${phrase}(?![\\p{L}\\d])`, 'gu'), forms }));
}

const ABBREVIATIONS = buildAbbreviations();

function abbreviate(text: string, random: () => number, rate: number): string {
  let result = text.normalize('NFC').toLowerCase();
  for (const { phrase, forms } of ABBREVIATIONS) {
    result = result.replace(phrase, (match) => (random() < rate ? (forms[Math.floor(random() * forms.length)] as string) : match));
  }
  return result;
}

const signature = (text: string): string => {
  const normalized = normalizeText(text);
  return `${normalized.rawTokens.join(' ')}|${normalized.tokens.join(' ')}`;
};

/** The variants of `text` (not including `text` itself), deterministic for a given random source. */
export function augmentText(text: string, random: () => number, options: AugmentationOptions = DEFAULT_AUGMENTATION): string[] {
  const candidates: string[] = [];
  if (options.folded) candidates.push(foldDiacritics(text));
  if (options.abbreviated) {
    const short = abbreviate(text, random, options.abbreviationRate);
    candidates.push(short);
    if (options.folded) candidates.push(foldDiacritics(short));
  }
  if (options.toneFlip) candidates.push(placeTones(text, 'old'));
  const seen = new Set([signature(text)]);
  const variants: string[] = [];
  for (const candidate of candidates) {
    const key = signature(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    variants.push(candidate);
  }
  return variants;
}
