import { foldDiacritics, syllables } from './vietnamese-fold.js';

/**
 * Whether a member's text says a phrase, read syllable by syllable: a syllable typed with its marks must be the
 * phrase's own, one typed without them may stand for it. Folding the whole text would make "từ đó" (since then) say
 * "tự do" (self-employed) and "tự động" (automatically) say "tự đóng" (paying one's own contributions); a member who
 * types without marks is read as folded, as everywhere else. The phrase is written with its diacritics.
 */
export function saysPhrase(text: string, phrase: string): boolean {
  const words = syllables(text);
  const wanted = syllables(phrase).map((syllable) => ({ typed: syllable, folded: foldDiacritics(syllable) }));
  if (wanted.length === 0) return false;
  const matches = (word: string, { typed, folded }: { typed: string; folded: string }) => word === typed || word === folded;
  for (let start = 0; start + wanted.length <= words.length; start += 1) {
    if (wanted.every((syllable, offset) => matches(words[start + offset] as string, syllable))) return true;
  }
  return false;
}
