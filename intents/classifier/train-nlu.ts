import { createHash } from 'node:crypto';
import { ROUTES, SENTIMENTS, TOPICS } from '../../core/nlu/labels.js';
import { NORMALIZER_VERSION } from '../normalize/normalize-text.js';
import { TEENCODE_ENTRIES } from '../normalize/teencode.vi.js';
import { HANDOFF_RULES } from './handoff-rules.vi.js';
import { LEXICON } from './lexicon.vi.js';
import { MODEL_FORMAT_VERSION } from './model-file.js';
import type { MultiHeadModel } from './multi-head-model.js';
import { DEFAULT_MULTI_HEAD_OPTIONS, trainMultiHead, type HeadCalibration, type MultiHeadTrainingOptions } from './train-heads.js';
import { FEATURE_SCHEME_VERSION } from './text-features.js';
import type { NluExample } from './training-data.js';

export const NLU_HEADS = [
  { name: 'route', labels: ROUTES },
  { name: 'topic', labels: TOPICS },
  { name: 'sentiment', labels: SENTIMENTS },
] as const;

export interface TrainedNluModel {
  model: MultiHeadModel;
  modelId: string;
  /** Identifies data + options + feature tables: a stored model with another hash is stale. */
  dataHash: string;
  trainedExamples: number;
  featureScheme: number;
  calibration: Record<string, HeadCalibration>;
}

export interface NluTrainingOptions extends MultiHeadTrainingOptions {
  /** Hash of the training files (from readNluTrainingSet); computed from the examples when absent. */
  sourceHash?: string;
}

export const DEFAULT_NLU_TRAINING_OPTIONS: NluTrainingOptions = DEFAULT_MULTI_HEAD_OPTIONS;

/**
 * What a model depends on besides its data: the options and the tables the features are read with. Changing
 * the teencode table or the lexicon changes the features, so it must retrain the shipped model too.
 */
export function nluModelFingerprint(sourceHash: string, options: MultiHeadTrainingOptions): string {
  const { featureConfig, softmax, augmentation, calibrationFraction, minFeatureCount, hiddenLayer, seed } = options;
  const rules = HANDOFF_RULES.map((rule) => `${rule.reason}:${rule.pattern.source}`);
  return createHash('sha256')
    .update(JSON.stringify({ sourceHash, featureConfig, softmax, augmentation, calibrationFraction, minFeatureCount, hiddenLayer, seed, MODEL_FORMAT_VERSION, FEATURE_SCHEME_VERSION }))
    .update(JSON.stringify({ TEENCODE_ENTRIES, LEXICON, rules, NORMALIZER_VERSION }))
    .digest('hex');
}

export function trainClassifier(examples: readonly NluExample[], options: Partial<NluTrainingOptions> = {}): TrainedNluModel {
  const merged: NluTrainingOptions = { ...DEFAULT_NLU_TRAINING_OPTIONS, ...options };
  const sourceHash =
    merged.sourceHash ??
    createHash('sha256')
      .update(JSON.stringify(examples.map((e) => [e.text, e.route, e.topic, e.sentiment])))
      .digest('hex');
  const { model, calibration } = trainMultiHead(
    examples.map((e) => ({ text: e.text, labels: { route: e.route, topic: e.topic, sentiment: e.sentiment } })),
    NLU_HEADS,
    merged,
  );
  const dataHash = nluModelFingerprint(sourceHash, merged);
  return { model, modelId: `linear@${dataHash.slice(0, 12)}`, dataHash, trainedExamples: examples.length, featureScheme: FEATURE_SCHEME_VERSION, calibration };
}
