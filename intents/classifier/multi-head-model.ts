import type { NormalizedText } from '../normalize/normalize-text.js';
import { createCompactFeatureSink } from './compact-features.js';
import { FEATURE_GROUPS } from './feature-groups.js';
import { addFeatures, extractFeatures, type FeatureConfig } from './text-features.js';
import { addHiddenLogits, hiddenActivations, type HiddenLayer } from './hidden-layer.js';
import { compactVector, computeLogits, softmax, type CompactVector, type FeatureSpace, type SoftmaxWeights } from './softmax-regression.js';

/**
 * A set of softmax heads over one shared feature space: the NLU model has three (route, topic, sentiment);
 * the generic text classifier of `nlu eval` has one. Each head has its own fitted temperature.
 */
export interface HeadModel {
  labels: readonly string[];
  weights: SoftmaxWeights;
  temperature: number;
}

export interface MultiHeadModel {
  featureConfig: FeatureConfig;
  space: FeatureSpace;
  heads: Readonly<Record<string, HeadModel>>;
  /** Optional hidden layer whose logits add to the linear heads'; `hiddenHeads[i]` names its i-th output head. */
  hidden?: HiddenLayer;
  hiddenHeads?: readonly string[];
}

export interface RankedLabel {
  label: string;
  probability: number;
}

export interface HeadPrediction {
  label: string;
  confidence: number;
  /** Every label with its calibrated probability, best first. */
  ranked: RankedLabel[];
}

export function vectorize(model: MultiHeadModel, text: NormalizedText): CompactVector {
  return compactVector(extractFeatures(text, model.featureConfig), model.space);
}

/**
 * vectorize for the hot path: the same vector (bit for bit), with each hash looked up as it is produced and the
 * scratch buffers kept from one message to the next. The function is not reentrant, which nothing needs:
 * feature extraction is synchronous and calls no vectorizer.
 */
export function createVectorizer(model: MultiHeadModel): (text: NormalizedText) => CompactVector {
  const sink = createCompactFeatureSink(FEATURE_GROUPS, model.space);
  const config = model.featureConfig;
  return (text) => {
    sink.reset();
    addFeatures(sink, text, config);
    return sink.take(config.groupWeights);
  };
}

/** A head's raw logits: the linear part plus, when the model has one, the hidden layer's. */
export function headLogits(model: MultiHeadModel, name: string, vector: CompactVector): Float64Array {
  const head = model.heads[name] as HeadModel;
  const logits = computeLogits(head.weights, vector);
  const h = model.hiddenHeads?.indexOf(name) ?? -1;
  if (model.hidden !== undefined && h >= 0) {
    addHiddenLogits(model.hidden, h, hiddenActivations(model.hidden, vector, new Float64Array(model.hidden.size)), logits, 0);
  }
  return logits;
}

export function predictHead(model: MultiHeadModel, name: string, vector: CompactVector): HeadPrediction {
  const head = model.heads[name] as HeadModel;
  const probabilities = softmax(headLogits(model, name, vector), head.temperature);
  const ranked = head.labels
    .map((label, i) => ({ label, probability: probabilities[i] as number }))
    .sort((a, b) => b.probability - a.probability);
  const best = ranked[0] as RankedLabel;
  return { label: best.label, confidence: best.probability, ranked };
}
