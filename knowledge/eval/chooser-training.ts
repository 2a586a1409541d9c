import { UNIT_FEATURE_NAMES } from '../answer/unit-features.js';
import type { UnitChooserModel } from '../answer/unit-chooser.js';

/** The candidates of one question: one feature vector each, and which of them state an asked fact (chooser-labels.ts). */
export interface ChooserGroup {
  batch: string;
  /** The evaluation case's id. */
  id: string;
  features: number[][];
  positive: boolean[];
}

export interface ChooserTrainingOptions {
  l2: number;
  iterations: number;
  learningRate: number;
  articles: number;
  set: string;
}

export const DEFAULT_CHOOSER_TRAINING: Omit<ChooserTrainingOptions, 'articles' | 'set'> = { l2: 0.01, iterations: 400, learningRate: 0.5 };

/** Only a question with both kinds of candidate tells the model something about choosing. */
export function informative(group: ChooserGroup): boolean {
  return group.positive.some(Boolean) && group.positive.some((p) => !p);
}

/**
 * Fits the chooser: per question, a softmax over its candidates, maximising the probability that the chosen one
 * states an asked fact (any of the positives will do: the member needs one), with an L2 penalty; full-batch gradient
 * descent on standardised features (the loss is convex, the result does not depend on the order of the data).
 */
export function trainUnitChooser(groups: readonly ChooserGroup[], options: ChooserTrainingOptions): UnitChooserModel {
  const used = groups.filter(informative);
  const width = UNIT_FEATURE_NAMES.length;
  const rows = used.flatMap((group) => group.features);
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + (row[j] as number), 0) / Math.max(rows.length, 1));
  const spread = Array.from({ length: width }, (_, j) => {
    const variance = rows.reduce((sum, row) => sum + ((row[j] as number) - (mean[j] as number)) ** 2, 0) / Math.max(rows.length, 1);
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const standardised = used.map((group) => ({
    x: group.features.map((row) => row.map((value, j) => (value - (mean[j] as number)) / (spread[j] as number))),
    positive: group.positive,
  }));
  const weights = new Array<number>(width).fill(0);
  for (let step = 0; step < options.iterations; step += 1) {
    const gradient = weights.map((w) => 2 * options.l2 * w);
    for (const { x, positive } of standardised) {
      const scores = x.map((row) => row.reduce((sum, value, j) => sum + value * (weights[j] as number), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const total = exp.reduce((a, b) => a + b, 0);
      const positiveTotal = exp.reduce((sum, e, i) => sum + (positive[i] ? e : 0), 0);
      x.forEach((row, i) => {
        // d(−log P(positive))/d score_i = p_i − (positive ? p_i / P(positive) : 0)
        const coefficient = (exp[i] as number) / total - (positive[i] ? (exp[i] as number) / positiveTotal : 0);
        row.forEach((value, j) => {
          gradient[j] = (gradient[j] as number) + (coefficient * value) / standardised.length;
        });
      });
    }
    weights.forEach((w, j) => {
      weights[j] = w - options.learningRate * (gradient[j] as number);
    });
  }
  const batches = [...new Set(used.map((group) => group.batch))].sort();
  return {
    version: 1,
    features: [...UNIT_FEATURE_NAMES],
    mean,
    spread,
    weights,
    articles: options.articles,
    trainedOn: { set: options.set, batches, questions: used.length, l2: options.l2 },
  };
}
