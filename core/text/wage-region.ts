import { foldDiacritics, syllables } from './vietnamese-fold.js';

/**
 * Minimum-wage regions (vùng I–IV of the minimum wage decree) as members and the law write them: `vùng I`,
 * `vung 2`, `vùng một`, `vùng IV`. Shared by the NLU's entity and the knowledge matchers, so that "vùng 2" and
 * "Vùng II" are the same words everywhere and "vùng III" is never read as "vùng I".
 */
export const WAGE_REGION_PATTERN = /(?<![a-z0-9])vung\s+(iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)(?![a-z0-9])/g;

const REGION_NUMBERS: Readonly<Record<string, number>> = {
  i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4,
};

export const WAGE_REGION_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The region number a folded region word stands for (`iii` → 3, `hai` → 2), else undefined. */
export function wageRegionNumber(foldedWord: string): number | undefined {
  return REGION_NUMBERS[foldedWord];
}

const REGION_WORDS = new Set(['vung', 'vùng']);

/** Lower-case syllables with the word after `vùng`/`vung` written as its digit: `vùng III` → `vùng 3`. */
export function canonicalRegionSyllables(folded: readonly string[]): string[] {
  return folded.map((syllable, i) => {
    if (i === 0 || !REGION_WORDS.has(folded[i - 1] as string)) return syllable;
    const region = REGION_NUMBERS[syllable];
    return region === undefined ? syllable : String(region);
  });
}

/** The regions a text names, in order, without repeats (`lương vùng 2 và vùng IV` → [2, 4]). */
export function namedWageRegions(text: string): number[] {
  const folded = canonicalRegionSyllables(syllables(foldDiacritics(text)));
  const regions: number[] = [];
  folded.forEach((syllable, i) => {
    if (i > 0 && folded[i - 1] === 'vung' && /^[1-4]$/.test(syllable) && !regions.includes(Number(syllable))) regions.push(Number(syllable));
  });
  return regions;
}
