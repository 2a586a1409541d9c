import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import type { NluExample } from './training-data.js';

/** Two messages are the same training item when they read the same without diacritics, case or punctuation. */
export function trainingKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface MergeReport {
  examples: NluExample[];
  /** Reviewed labels that went into training (after dropping the ones below). */
  reviewedUsed: NluExample[];
  reviewedDropped: { heldOut: number; duplicate: number };
  /** Team lines replaced because officers relabelled the same message. */
  teamOverridden: number;
  /** Officers' FAQ phrasings that went into training (those no team or reviewed line already holds). */
  curatedUsed: NluExample[];
}

/**
 * Team data plus officers' reviewed labels. A reviewed label replaces the team line for the same message (the
 * officers saw it in context); a message that is in the dev or locked test set is never trained on, whoever
 * labelled it (that would leak the evaluation into the model); repeated reviews keep the last one.
 */
/**
 * `curated` are the phrasings of FAQ entries officers wrote on the knowledge desk (questions by construction, with
 * the entry's topic): they join only where neither the team data nor a reviewed label says something about the
 * same message, since both were labelled message by message; held-out messages are dropped as above.
 */
export function mergeTrainingSources(team: readonly NluExample[], reviewed: readonly NluExample[], heldOut: readonly NluExample[], curated: readonly NluExample[] = []): MergeReport {
  const held = new Set(heldOut.map((e) => trainingKey(e.text)));
  const byKey = new Map<string, NluExample>();
  let duplicate = 0;
  let heldOutDropped = 0;
  for (const example of reviewed) {
    const key = trainingKey(example.text);
    if (key === '' || held.has(key)) {
      heldOutDropped++;
      continue;
    }
    if (byKey.has(key)) duplicate++;
    byKey.set(key, { text: example.text, route: example.route, topic: example.topic, sentiment: example.sentiment });
  }
  let teamOverridden = 0;
  const examples: NluExample[] = [];
  for (const example of team) {
    if (byKey.has(trainingKey(example.text))) {
      teamOverridden++;
      continue;
    }
    examples.push(example);
  }
  const reviewedUsed = [...byKey.values()];
  examples.push(...reviewedUsed);
  const known = new Set([...held, ...examples.map((e) => trainingKey(e.text))]);
  const curatedUsed: NluExample[] = [];
  for (const example of curated) {
    const key = trainingKey(example.text);
    if (key === '' || known.has(key)) continue;
    known.add(key);
    curatedUsed.push({ text: example.text, route: example.route, topic: example.topic, sentiment: example.sentiment });
  }
  examples.push(...curatedUsed);
  return { examples, reviewedUsed, reviewedDropped: { heldOut: heldOutDropped, duplicate }, teamOverridden, curatedUsed };
}
