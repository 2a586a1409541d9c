import type { FaqEntry } from '../../core/knowledge/faq.js';
import { trainingKey, type NluExample } from '../../intents/index.js';

/**
 * What officers added to the FAQ on the knowledge desk, as NLU training lines (issue #11 item 7): every phrasing
 * (question or variant) of a published entry that the shipped starter pack does not already hold, read as a
 * member's question on the entry's topic. The starter pack's own phrasings are left out: the shipped model was
 * tuned without them (adding them all cost topic accuracy on dev, D-answers-9), and `nlu train` still compares
 * the new model with the active one on dev before activating it.
 */
export function officerFaqPhrasings(published: readonly FaqEntry[], starterPack: readonly FaqEntry[]): NluExample[] {
  const shipped = new Set(starterPack.flatMap((entry) => [entry.question, ...entry.variants]).map(trainingKey));
  const seen = new Set<string>();
  const lines: NluExample[] = [];
  for (const entry of published) {
    if (entry.status !== 'published') continue;
    for (const text of [entry.question, ...entry.variants]) {
      const key = trainingKey(text);
      if (key === '' || shipped.has(key) || seen.has(key)) continue;
      seen.add(key);
      lines.push({ text, route: 'question', topic: entry.topic, sentiment: 'neutral' });
    }
  }
  return lines;
}
