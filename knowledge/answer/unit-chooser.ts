import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';
import type { AnswerUnit } from './answer-units.js';
import { UNIT_FEATURE_NAMES, unitCandidates, unitFeatures, type ChooserInput } from './unit-features.js';

/**
 * A linear model over the unit features (unit-features.ts): features are standardised with the training set's mean
 * and spread, then weighted. Trained by `kb train-chooser` (knowledge/eval/chooser-training.ts); stored as JSON.
 */
export const UnitChooserModelSchema = z
  .object({
    version: z.literal(1),
    features: z.array(z.string().min(1)).min(1),
    mean: z.array(z.number()),
    spread: z.array(z.number().positive()),
    weights: z.array(z.number()),
    /** How many leading articles' units compete for the lead. */
    articles: z.number().int().min(1).max(10),
    trainedOn: z.object({ set: z.string(), batches: z.array(z.string()), questions: z.number().int().min(0), l2: z.number().min(0) }),
  })
  .superRefine((model, context) => {
    for (const key of ['mean', 'spread', 'weights'] as const) {
      if (model[key].length !== model.features.length) context.addIssue({ code: 'custom', path: [key], message: `expected ${model.features.length} values, one per feature` });
    }
  });

export type UnitChooserModel = z.infer<typeof UnitChooserModelSchema>;

/** Picks the unit that leads an extractive answer; null leaves the choice to the hand-tuned scores. */
export interface UnitChooser {
  readonly articles: number;
  choose(input: ChooserInput): AnswerUnit | null;
}

/** A model file that is not JSON, does not fit the schema, or was trained on other features → `CONFIG_INVALID`. */
export function parseUnitChooserModel(text: string): UnitChooserModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', 'unit chooser model is not valid JSON', { cause: error, fields: [{ path: 'model', message: 'not valid JSON' }] });
  }
  const parsed = UnitChooserModelSchema.safeParse(json);
  if (!parsed.success) throw new AppError('CONFIG_INVALID', 'invalid unit chooser model', { fields: fieldIssuesFromZod(parsed.error, 'model') });
  const expected = UNIT_FEATURE_NAMES.join(',');
  if (parsed.data.features.join(',') !== expected) {
    throw new AppError('CONFIG_INVALID', 'unit chooser model was trained on other features: retrain it (kb train-chooser)', {
      fields: [{ path: 'model.features', message: `expected ${expected}` }],
    });
  }
  return parsed.data;
}

export function loadUnitChooserModel(file: string | URL): UnitChooserModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `cannot read the unit chooser model ${String(file)}`, { cause: error, fields: [{ path: 'model', message: 'cannot read' }] });
  }
  return parseUnitChooserModel(text);
}

/** The model's score of one feature vector (higher: more likely to state the asked fact). */
export function modelScore(model: UnitChooserModel, features: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < model.weights.length; i += 1) score += (model.weights[i] as number) * (((features[i] as number) - (model.mean[i] as number)) / (model.spread[i] as number));
  return score;
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
