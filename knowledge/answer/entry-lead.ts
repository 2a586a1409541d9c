import type { FaqEntry } from '../../core/knowledge/faq.js';
import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { questionShape } from './answer-units.js';

/**
 * How far the nearest FAQ entry leads the next one on the question's own words: the share of the question's content
 * words and word pairs (fillers dropped, pairs counting 1.5 as in answer-units.ts) that the first entry's phrasings
 * hold, less the share the second's hold. The matcher's scores are TF-IDF cosines whose idf moves whenever the pack
 * grows, even with entries sharing no word with the question (the character grams still change), so a lead of 0.1
 * on those scores came and went as entries were added (r016u last round). Shares of the question's words held by two
 * entries depend on the question and those two entries only: adding other entries cannot move the lead (D-answers-40).
 * `normalize` is the members' query normaliser (teencode), applied to both sides as the matcher does.
 */
export function wordLead(question: string, first: FaqEntry, second: FaqEntry | undefined, normalize: (text: string) => string = (t) => t): number {
  const shape = questionShape(normalize(question));
  const share = (entry: FaqEntry | undefined) => {
    if (!entry) return 0;
    const words = new Set<string>();
    const pairs = new Set<string>();
    for (const phrasing of [entry.question, ...entry.variants]) {
      const folded = syllables(foldDiacritics(normalize(phrasing)).toLowerCase());
      folded.forEach((word, i) => {
        words.add(word);
        if (i > 0) pairs.add(`${folded[i - 1]} ${word}`);
      });
    }
    let held = 0;
    for (const word of shape.unigrams) if (words.has(word)) held += 1;
    for (const pair of shape.bigrams) if (pairs.has(pair)) held += 1.5;
    return held / Math.max(1, shape.unigrams.size + 1.5 * shape.bigrams.size);
  };
  return share(first) - share(second);
}
