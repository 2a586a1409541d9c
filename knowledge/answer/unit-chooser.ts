import { z } from 'zod';
import { linearModelSchema, loadLinearModel, parseLinearModel } from './linear-model-file.js';
import { linearModelScore } from './linear-model-score.js';
import type { AnswerUnit } from './answer-units.js';
import { UNIT_FEATURE_NAMES, unitCandidates, unitFeatures, type ChooserInput } from './unit-features.js';

/**
 * A linear model over the unit features (unit-features.ts): features are standardised with the training set's mean
 * and spread, then weighted. Trained by `kb train-chooser` (knowledge/eval/chooser-training.ts); stored as JSON.
 */
export const UnitChooserModelSchema = linearModelSchema({
  /** How many leading articles' units compete for the lead. */
  articles: z.number().int().min(1).max(10),
});

export type UnitChooserModel = z.infer<typeof UnitChooserModelSchema>;

const CHOOSER_FILE = { schema: UnitChooserModelSchema, label: 'unit chooser', featureNames: UNIT_FEATURE_NAMES, retrainCommand: 'kb train-chooser' };

/** Picks the unit that leads an extractive answer; null leaves the choice to the hand-tuned scores. */
export interface UnitChooser {
  readonly articles: number;
  choose(input: ChooserInput): AnswerUnit | null;
}

/** A model file that is not JSON, does not fit the schema, or was trained on other features → `CONFIG_INVALID`. */
export function parseUnitChooserModel(text: string): UnitChooserModel {
  return parseLinearModel(text, CHOOSER_FILE);
}

export function loadUnitChooserModel(file: string | URL): UnitChooserModel {
  return loadLinearModel(file, CHOOSER_FILE);
}

/** The model's score of one feature vector (higher: more likely to state the asked fact). */
export function modelScore(model: UnitChooserModel, features: readonly number[]): number {
  return linearModelScore(model, features);
}

/** The chooser that leads with the candidate the model scores highest (the first on a tie: the search's order). */
export function createUnitChooser(model: UnitChooserModel): UnitChooser {
  return {
    articles: model.articles,
    choose(input) {
      const candidates = unitCandidates(input.sources, model.articles);
      if (candidates.length === 0) return null;
      const features = unitFeatures(input, candidates);
      let best = 0;
      let bestScore = -Infinity;
      features.forEach((row, index) => {
        const score = modelScore(model, row);
        if (score > bestScore) [best, bestScore] = [index, score];
      });
      return candidates[best]?.unit ?? null;
    },
  };
}
