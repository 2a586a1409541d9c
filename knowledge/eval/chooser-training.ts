import { fitGroupSoftmax, isInformativeGroup } from './softmax-group-fit.js';
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
  return isInformativeGroup(group);
}

/**
 * Fits the chooser: per question, a softmax over its candidates, maximising the probability that the chosen one
 * states an asked fact (any of the positives will do: the member needs one), with an L2 penalty; full-batch gradient
 * descent on standardised features (the loss is convex, the result does not depend on the order of the data).
 */
export function trainUnitChooser(groups: readonly ChooserGroup[], options: ChooserTrainingOptions): UnitChooserModel {
  const used = groups.filter(informative);
  const { mean, spread, weights } = fitGroupSoftmax(used, UNIT_FEATURE_NAMES.length, options);
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
