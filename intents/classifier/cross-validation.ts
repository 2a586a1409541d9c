import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { evaluatePredictions, type EvaluationReport } from './evaluate.js';
import { hashFeature } from './feature-hashing.js';
import { createNluClassifier } from './nlu-classifier.js';
import { trainClassifier, type NluTrainingOptions } from './train-nlu.js';
import type { NluExample } from './training-data.js';

const NLU_HEADS = ['route', 'topic', 'sentiment'] as const;

export interface CrossValidationReport {
  folds: number;
  examples: number;
  /** Per head: pooled out-of-fold metrics on the texts as written, and on their diacritic-stripped copies. */
  heads: Record<(typeof NLU_HEADS)[number], { accented: EvaluationReport; stripped: EvaluationReport }>;
}

/** Fold of an example: by a hash of its folded text, so a message and its unaccented twin share a fold. */
export function foldOf(text: string, folds: number): number {
  return hashFeature(foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim()) % folds;
}

/**
 * k-fold cross-validation of the whole NLU classifier (features, heads, joint decoding, hand-off rules): every
 * example is classified by a model that never saw it nor its twin; out-of-fold predictions are pooled.
 */
export function crossValidateNlu(
  examples: readonly NluExample[],
  options: Partial<NluTrainingOptions> = {},
  folds = 5,
): CrossValidationReport {
  const foldIndex = examples.map((example) => foldOf(example.text, folds));
  const gold: Record<string, string[]> = { route: [], topic: [], sentiment: [] };
  const accented: Record<string, string[]> = { route: [], topic: [], sentiment: [] };
  const stripped: Record<string, string[]> = { route: [], topic: [], sentiment: [] };
  const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, i) => foldIndex[i] !== fold);
    const testing = examples.filter((_, i) => foldIndex[i] === fold);
    if (testing.length === 0 || training.length === 0) continue;
    const classifier = createNluClassifier(trainClassifier(training, options), { clock });
    for (const example of testing) {
      const asTyped = classifier.classify(example.text);
      const withoutDiacritics = classifier.classify(foldDiacritics(example.text));
      for (const head of NLU_HEADS) {
        (gold[head] as string[]).push(example[head]);
        (accented[head] as string[]).push(asTyped[head]);
        (stripped[head] as string[]).push(withoutDiacritics[head]);
      }
    }
  }
  const report = { folds, examples: examples.length, heads: {} } as CrossValidationReport;
  for (const head of NLU_HEADS) {
    report.heads[head] = {
      accented: evaluatePredictions(gold[head] as string[], accented[head] as string[]),
      stripped: evaluatePredictions(gold[head] as string[], stripped[head] as string[]),
    };
  }
  return report;
}
