import type { NormalizedText } from '../normalize/normalize-text.js';
import { extractFeatures, type FeatureConfig } from './text-features.js';
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

export function predictHead(head: HeadModel, vector: CompactVector): HeadPrediction {
  const probabilities = softmax(computeLogits(head.weights, vector), head.temperature);
  const ranked = head.labels
    .map((label, i) => ({ label, probability: probabilities[i] as number }))
    .sort((a, b) => b.probability - a.probability);
  const best = ranked[0] as RankedLabel;
  return { label: best.label, confidence: best.probability, ranked };
}
