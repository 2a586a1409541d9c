import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { canonicalRegionSyllables } from '../../core/text/wage-region.js';

/**
 * Politeness words and pronouns that members add to almost every question ("cho em hỏi ạ", "ad ơi"). They carry
 * no meaning for matching; dropping them as unigrams keeps "em hỏi về thai sản" from looking like every other
 * question that starts with "em hỏi". Compared in folded form.
 */
const FILLER_SYLLABLES = new Set([
  'a', 'ad', 'admin', 'ah', 'anh', 'chi', 'em', 'ha', 'hoi', 'minh', 'ne', 'nha', 'nhe', 'nhi', 'oi', 'to', 'toi',
  'ban', 'xin', 'vay', 'the', 'la', 'thi', 'co', 'khong', 'ko', 'k', 'duoc', 'dc', 'gi', 'j', 'nao', 'sao', 'nhu',
  'cua', 've', 'voi', 'va', 'hay', 'cho', 'ma', 'neu', 'vi',
]);

/**
 * "%" read as the words members also type ("mấy %" = "mấy phần trăm", "150%" = "150 phần trăm"). Syllable splitting
 * and the NLU normaliser both drop the sign, so a question asking for a rate lost the only word saying so and
 * matched entries on the same subject that answer a duration or an amount (held-out pulls, issue #11).
 */
export function readSymbols(text: string): string {
  return text.replace(/\s*%/g, ' phần trăm ');
}

/**
 * Folded lower-case syllables: `Lương tối thiểu?` → `['luong', 'toi', 'thieu']`; a minimum-wage region is its
 * digit (`vùng III` → `vung 3`), so that "vùng 2" matches "Vùng II" and the roman I is not lost among fillers.
 */
export function foldedSyllables(text: string): string[] {
  return canonicalRegionSyllables(syllables(foldDiacritics(text)));
}

/**
 * Syllable unigrams (fillers dropped) and bigrams (fillers kept: "khong duoc" and "co duoc" differ). Vietnamese
 * words are mostly two syllables, so bigrams stand in for word segmentation.
 */
export function wordFeatures(folded: readonly string[]): string[] {
  const features: string[] = [];
  for (const syllable of folded) if (!FILLER_SYLLABLES.has(syllable)) features.push(syllable);
  for (let i = 0; i + 1 < folded.length; i += 1) features.push(`${folded[i]}_${folded[i + 1]}`);
  return features;
}

/** Character 3- and 4-grams over the folded text, so that one wrong letter ("luong toi thieu" vs "luong toi thiu") still scores. */
export function charFeatures(folded: readonly string[]): string[] {
  const text = ` ${folded.join(' ')} `;
  const features: string[] = [];
  for (const size of [3, 4]) {
    for (let i = 0; i + size <= text.length; i += 1) {
      const gram = text.slice(i, i + size);
      if (gram.trim().length > 0) features.push(gram);
    }
  }
  return features;
}

/** The syllables that carry meaning (fillers dropped), in order: the unigram part of `wordFeatures`. */
export function contentSyllables(folded: readonly string[]): string[] {
  return folded.filter((syllable) => !FILLER_SYLLABLES.has(syllable));
}

/** How many syllables carry meaning (not fillers): one-word messages are too vague to answer from the FAQ. */
export function contentSyllableCount(folded: readonly string[]): number {
  return folded.filter((syllable) => !FILLER_SYLLABLES.has(syllable)).length;
}
