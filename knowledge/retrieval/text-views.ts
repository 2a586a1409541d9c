import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { canonicalRegionSyllables } from '../../core/text/wage-region.js';

/**
 * The two token views the index keeps of every text (shared/notes/vietnamese-nlp.md §5.1): the accented view
 * (NFC, lower case) is more precise, the folded view matches members who type without diacritics.
 */
export interface TextView {
  accented: string[];
  folded: string[];
}

/** Folding is per syllable and the vocabulary is small, so a per-analyzer memo saves most of the work. */
export interface TextAnalyzer {
  view(text: string): TextView;
  /** The accented view alone, for indexing (the folded index is derived from it). */
  accented(text: string): string[];
  fold(syllable: string): string;
}

export function createTextAnalyzer(): TextAnalyzer {
  const foldCache = new Map<string, string>();
  const fold = (syllable: string): string => {
    let folded = foldCache.get(syllable);
    if (folded === undefined) {
      folded = foldDiacritics(syllable);
      foldCache.set(syllable, folded);
    }
    return folded;
  };
  return {
    fold,
    view(text: string): TextView {
      const accented = tokens(text);
      return { accented, folded: accented.map(fold) };
    },
    accented: tokens,
  };
}

/**
 * Syllables with numbers written one way: `03` is `3`, and a minimum-wage region is its digit (`Vùng III` →
 * `vùng 3`, `vung ii` → `vung 2`), so the region a member names matches the decree's row whatever the numeral.
 */
function tokens(text: string): string[] {
  return canonicalRegionSyllables(syllables(text).map(canonicalNumber));
}

/** `03 ngày` in the law and `3 ngày` in a question are the same number. */
function canonicalNumber(syllable: string): string {
  return /^0+\d/.test(syllable) ? syllable.replace(/^0+/, '') : syllable;
}

/** Syllable unigrams plus adjacent bigrams; bigrams carry the compound words Vietnamese writes with spaces. */
export function unigramsAndBigrams(tokens: readonly string[]): string[] {
  const terms: string[] = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i += 1) terms.push(`${tokens[i]} ${tokens[i + 1]}`);
  return terms;
}
