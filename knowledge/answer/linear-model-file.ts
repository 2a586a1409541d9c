import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';

/**
 * The JSON file of a linear model (the unit chooser, the article reranker): its features, their training mean and
 * spread, the weights, then the model's own settings (`extra`), then what it was trained on. One value per feature.
 */
export function linearModelSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .object({
      version: z.literal(1),
      features: z.array(z.string().min(1)).min(1),
      mean: z.array(z.number()),
      spread: z.array(z.number().positive()),
      weights: z.array(z.number()),
      ...extra,
      trainedOn: z.object({ set: z.string(), batches: z.array(z.string()), questions: z.number().int().min(0), l2: z.number().min(0) }),
    })
    .superRefine((parsed, context) => {
      // The generic `extra` hides the fixed fields from the type checker; they are there (the object above has them).
      const model = parsed as { features: string[]; mean: number[]; spread: number[]; weights: number[] };
      for (const key of ['mean', 'spread', 'weights'] as const) {
        if (model[key].length !== model.features.length) context.addIssue({ code: 'custom', path: [key], message: `expected ${model.features.length} values, one per feature` });
      }
    });
}

/** Which model a file holds: named in errors (`label`), the features it must have been trained on, how to retrain it. */
export interface LinearModelKind<Schema extends z.ZodTypeAny> {
  schema: Schema;
  label: string;
  featureNames: readonly string[];
  retrainCommand: string;
}

/** A model file that is not JSON, does not fit the schema, or was trained on other features → `CONFIG_INVALID`. */
export function parseLinearModel<Schema extends z.ZodTypeAny>(text: string, kind: LinearModelKind<Schema>): z.infer<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `${kind.label} model is not valid JSON`, { cause: error, fields: [{ path: 'model', message: 'not valid JSON' }] });
  }
  const parsed = kind.schema.safeParse(json);
  if (!parsed.success) throw new AppError('CONFIG_INVALID', `invalid ${kind.label} model`, { fields: fieldIssuesFromZod(parsed.error, 'model') });
  const expected = kind.featureNames.join(',');
  if ((parsed.data as { features: string[] }).features.join(',') !== expected) {
    throw new AppError('CONFIG_INVALID', `${kind.label} model was trained on other features: retrain it (${kind.retrainCommand})`, {
      fields: [{ path: 'model.features', message: `expected ${expected}` }],
    });
  }
  return parsed.data as z.infer<Schema>;
}

/** Reads and parses a model file; an unreadable file → `CONFIG_INVALID` too. */
export function loadLinearModel<Schema extends z.ZodTypeAny>(file: string | URL, kind: LinearModelKind<Schema>): z.infer<Schema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `cannot read the ${kind.label} model ${String(file)}`, { cause: error, fields: [{ path: 'model', message: 'cannot read' }] });
  }
  return parseLinearModel(text, kind);
}
