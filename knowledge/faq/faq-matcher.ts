import type { FaqEntry } from '../../core/knowledge/faq.js';
import { toNfc } from '../../core/text/vietnamese-fold.js';
import { charFeatures, contentSyllableCount, foldedSyllables, readSymbols, wordFeatures } from './faq-text-features.js';
import { buildTfIdfIndex } from './tfidf-index.js';
import { buildEntryTermWeights } from './entry-term-weights.js';
import { actorOf, entryActorOf, type Actor } from './actor-cue.js';
import { asksWhenGranted, entryIsAboutWithheld } from './polarity-cue.js';
import { createFaqVisibility, type FaqAudience } from './faq-audience.js';

export interface FaqMatch {
  entry: FaqEntry;
  /** Blended cosine similarity in [0, 1] of the best-matching phrasing (question or variant). */
  score: number;
  /** The phrasing that matched best, for the officer's context and for tuning. */
  matchedText: string;
}

/**
 * Every lookup takes the asking member's audience: local entries answer only their unit's subtree and an
 * override replaces its national entry there (faq-audience.ts). Without one, only national entries answer.
 */
export interface FaqMatcher {
  /** The best entry when it clears the threshold, otherwise null (the legal assistant answers instead). */
  match(text: string, audience?: FaqAudience): FaqMatch | null;
  /** The best entry whatever its score, or null for messages too vague to match (threshold tuning). */
  best(text: string, audience?: FaqAudience): FaqMatch | null;
  /** The best `limit` entries with their scores, whatever the threshold (admin "similar questions"). */
  rank(text: string, limit: number, audience?: FaqAudience): FaqMatch[];
  readonly threshold: number;
  readonly size: number;
}

export interface FaqMatcherOptions {
  /**
   * Minimum blended score for a direct FAQ answer. 0.5 was chosen on knowledge/faq/faq-eval.jsonl with the
   * default synonyms (precision 0.97, recall 0.74; 0.78 with the NLU normaliser; knowledge/faq/README.md has the curve).
   */
  threshold?: number;
  /** Share of the syllable-gram cosine in the blend; the rest is the character-gram cosine (typos). */
  wordWeight?: number;
  /** Optional text normaliser (teencode expansion, tone canonicalisation) applied to both sides. */
  normalize?: (text: string) => string;
  /** Messages with fewer meaningful syllables than this never match ("lương?" is too vague to answer). */
  minContentSyllables?: number;
  /** Legal phrases implied by a text (synonyms: "nghỉ đẻ" → "thai sản"); their syllable grams join the word features. */
  relatedPhrases?: (text: string) => string[];
  /** Weight of the entry-level support (entry-term-weights.ts) added to the blended score when re-ranking; 0 = off. */
  rerankWeight?: number;
  /** Only entries within this distance of the best blended score are re-ranked (the rest keep their order). */
  rerankWindow?: number;
  /** Close entries about the other side of a termination (actor-cue.ts) go after the rest; default on. */
  actorCue?: boolean;
  /** Close entries on when a right is withheld go after the rest when the question asks when it applies (polarity-cue.ts); default on. */
  polarityCue?: boolean;
}

export const DEFAULT_FAQ_THRESHOLD = 0.5;
export const DEFAULT_FAQ_WORD_WEIGHT = 0.5;
/**
 * Chosen on dev answers and the held-out phrasings (D-answers-18): 0.4 → dev 569 → 573/600, held-out top-1 0.680 →
 * 0.700, pulls 213 → 203, faq-eval wrong entries 2 → 1; 0.6 lost three dev questions. The window barely matters
 * (0.1 and 0.25 measured the same as 0.15).
 */
export const DEFAULT_FAQ_RERANK_WEIGHT = 0.4;
export const DEFAULT_FAQ_RERANK_WINDOW = 0.15;

interface Phrasing {
  entryIndex: number;
  text: string;
}

/** Builds the in-memory index over every published entry's question and variants. */
export function createFaqMatcher(entries: readonly FaqEntry[], options: FaqMatcherOptions = {}): FaqMatcher {
  const threshold = options.threshold ?? DEFAULT_FAQ_THRESHOLD;
  const wordWeight = options.wordWeight ?? DEFAULT_FAQ_WORD_WEIGHT;
  const minContent = options.minContentSyllables ?? 3;
  const normalize = (text: string) => {
    const read = readSymbols(toNfc(text));
    return options.normalize ? options.normalize(read) : read;
  };
  const related = options.relatedPhrases ?? (() => []);
  const wordsOf = (text: string, folded: string[]) => [
    ...wordFeatures(folded),
    ...related(text).flatMap((phrase) => wordFeatures(phrase.split(' '))),
  ];

  const published = entries.filter((entry) => entry.status === 'published');
  const visible = createFaqVisibility(published);
  const texts: { entryIndex: number; text: string; folded: string[] }[] = [];
  published.forEach((entry, entryIndex) => {
    for (const text of [entry.question, ...entry.variants]) texts.push({ entryIndex, text, folded: foldedSyllables(normalize(text)) });
  });
  const wordBags = texts.map((item) => wordsOf(normalize(item.text), item.folded));
  const wordIndex = buildTfIdfIndex(wordBags);
  const charIndex = buildTfIdfIndex(texts.map((item) => charFeatures(item.folded)));
  const entryBags: string[][] = published.map(() => []);
  texts.forEach((item, index) => entryBags[item.entryIndex]?.push(...(wordBags[index] ?? [])));
  const entryTerms = buildEntryTermWeights(entryBags);
  const entryPhrasings: string[][][] = published.map(() => []);
  texts.forEach((item) => entryPhrasings[item.entryIndex]?.push(item.folded));
  const entryActors: (Actor | null)[] = entryPhrasings.map((phrasings) => entryActorOf(phrasings));
  const useActor = options.actorCue ?? true;
  const entryWithheld: boolean[] = entryPhrasings.map((phrasings) => entryIsAboutWithheld(phrasings));
  const usePolarity = options.polarityCue ?? true;
  const rerankWeight = options.rerankWeight ?? DEFAULT_FAQ_RERANK_WEIGHT;
  const rerankWindow = options.rerankWindow ?? DEFAULT_FAQ_RERANK_WINDOW;

  const phrasings: Phrasing[] = texts.map((item) => ({ entryIndex: item.entryIndex, text: item.text }));

  const rank = (text: string, limit: number, audience?: FaqAudience): FaqMatch[] => {
    const normalized = normalize(text);
    const folded = foldedSyllables(normalized);
    if (folded.length === 0) return [];
    // A phrasing that shares no syllable gram with the question cannot reach the threshold on character grams
    // alone, so only phrasings sharing a word feature are candidates. Both cosines come from the postings in one
    // pass each (the FAQ has ~1,500 phrasings: scoring them one by one cost ~10 ms a message, issue #12).
    const candidates: number[] = [];
    const queryWords = wordsOf(normalized, folded);
    const wordScores = wordIndex.cosineAll(wordIndex.vectorize(queryWords), candidates);
    const charScores = charIndex.cosineAll(charIndex.vectorize(charFeatures(folded)));
    const bestByEntry = new Map<number, { score: number; text: string }>();
    for (const index of candidates) {
      const phrasing = phrasings[index];
      if (!phrasing) continue;
      const score = wordWeight * wordScores[index]! + (1 - wordWeight) * charScores[index]!;
      const current = bestByEntry.get(phrasing.entryIndex);
      if (!current || score > current.score) bestByEntry.set(phrasing.entryIndex, { score, text: phrasing.text });
    }
    const ranked = [...bestByEntry.entries()]
      .filter(([entryIndex]) => {
        const entry = published[entryIndex];
        return entry !== undefined && visible(entry, audience);
      })
      .sort((a, b) => b[1].score - a[1].score);
    // Re-rank the close contenders by how much of the question's distinctive vocabulary each entry holds: the
    // subject word only one entry has outweighs the many words neighbours share. The reported score stays the
    // blended cosine, so the threshold keeps its measured meaning (knowledge/faq/README.md).
    const top = ranked[0]?.[1].score ?? 0;
    const close = ranked.filter(([, hit]) => hit.score >= top - rerankWindow);
    if (rerankWeight > 0 && close.length > 1) {
      const support = entryTerms.supportOf(queryWords);
      // Who ends the job decides the answer (actor-cue.ts): a close entry about the other side goes after the rest.
      const asker = useActor ? actorOf(folded) : null;
      const conflicts = (entryIndex: number) => asker !== null && entryActors[entryIndex] !== null && entryActors[entryIndex] !== asker;
      const key = new Map(close.map(([entryIndex, hit]) => [entryIndex, hit.score + rerankWeight * support(entryIndex) - (conflicts(entryIndex) ? 1 : 0)]));
      close.sort((a, b) => key.get(b[0])! - key.get(a[0])!);
      ranked.splice(0, close.length, ...close);
    }
    // Asked when a right applies (polarity-cue.ts): an entry on when it is withheld answers the opposite question,
    // however far it leads, so it goes after the rest; when the next entry is under the threshold, the law answers.
    if (usePolarity && asksWhenGranted(folded)) {
      const withheld = ranked.filter(([entryIndex]) => entryWithheld[entryIndex] === true);
      if (withheld.length > 0) ranked.splice(0, ranked.length, ...ranked.filter(([entryIndex]) => entryWithheld[entryIndex] !== true), ...withheld);
    }
    return ranked
      .slice(0, Math.max(0, limit))
      .flatMap(([entryIndex, hit]) => {
        const entry = published[entryIndex];
        return entry ? [{ entry, score: Math.min(1, hit.score), matchedText: hit.text }] : [];
      });
  };

  const best = (text: string, audience?: FaqAudience): FaqMatch | null => {
    if (contentSyllableCount(foldedSyllables(normalize(text))) < minContent) return null;
    return rank(text, 1, audience)[0] ?? null;
  };

  const match = (text: string, audience?: FaqAudience): FaqMatch | null => {
    const top = best(text, audience);
    return top && top.score >= threshold ? top : null;
  };

  return { match, best, rank, threshold, size: published.length };
}

