import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { FaqMatcher } from './faq-matcher.js';

export interface HeldOutPull {
  /** The entry the phrasing belongs to. */
  from: string;
  /** The entry that answered it instead, above the matcher's threshold. */
  to: string;
  text: string;
}

export interface HeldOutPhrasingsReport {
  folds: number;
  phrasings: number;
  /** Share of held-out phrasings whose best entry is their own. */
  top1: number;
  /** Held-out phrasings that cleared the threshold, and those of them answered by another entry. */
  answered: number;
  wrongAnswered: number;
  /** Every wrong answer above the threshold: where a phrasing is pulled to a neighbour. */
  pulls: HeldOutPull[];
}

/**
 * Self-consistency of the FAQ without any evaluation set: each entry's phrasings (question and variants) are split
 * into folds; every phrasing of a fold is held out of the index and matched back against the rest. A phrasing
 * answered by another entry shows two entries fighting over the same words: a variant that really is the
 * neighbour's question, or a phrasing carried by a bare question frame ("điều kiện để được hưởng … là gì").
 * Found by issue #11's dev answers: entries answering a neighbouring question (docs/decisions.md D-answers-12).
 * Entries with one phrasing are never held out (they would vanish from the index).
 */
export function evaluateHeldOutPhrasings(
  entries: readonly FaqEntry[],
  buildMatcher: (entries: readonly FaqEntry[]) => FaqMatcher,
  folds = 5,
): HeldOutPhrasingsReport {
  let phrasings = 0;
  let top1 = 0;
  let answered = 0;
  const pulls: HeldOutPull[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held: { id: string; text: string }[] = [];
    const kept = entries.map((entry) => {
      const all = [entry.question, ...entry.variants];
      const keep = all.filter((text, index) => {
        const out = all.length > 1 && index % folds === fold;
        if (out) held.push({ id: entry.id, text });
        return !out;
      });
      return { ...entry, question: keep[0] ?? entry.question, variants: keep.slice(1) };
    });
    const matcher = buildMatcher(kept);
    for (const phrasing of held) {
      phrasings += 1;
      if (matcher.best(phrasing.text)?.entry.id === phrasing.id) top1 += 1;
      const hit = matcher.match(phrasing.text);
      if (!hit) continue;
      answered += 1;
      if (hit.entry.id !== phrasing.id) pulls.push({ from: phrasing.id, to: hit.entry.id, text: phrasing.text });
    }
  }
  return { folds, phrasings, top1: phrasings === 0 ? 1 : top1 / phrasings, answered, wrongAnswered: pulls.length, pulls };
}
