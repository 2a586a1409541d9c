import { normalizeText } from '../normalize/normalize-text.js';
import { evaluatePredictions, type EvaluationReport } from './evaluate.js';
import { predictHead, vectorize, type HeadPrediction, type MultiHeadModel } from './multi-head-model.js';
import { DEFAULT_MULTI_HEAD_OPTIONS, trainMultiHead, type MultiHeadTrainingOptions } from './train-heads.js';
import type { LabelledText } from './training-data.js';

/**
 * The same classifier for any label set (`nlu eval --train A --test B`): one softmax head over the same
 * Vietnamese features, calibrated the same way. Used to check the learner on other tasks and label counts.
 */
export interface TextClassifier {
  readonly labels: readonly string[];
  readonly model: MultiHeadModel;
  predict(text: string): HeadPrediction;
}

/**
 * Generic defaults: unaccented copies (the one augmentation that matters for any Vietnamese task) but not
 * the union-chat abbreviations, which would only slow training on large sets.
 */
export const DEFAULT_TEXT_CLASSIFIER_OPTIONS: MultiHeadTrainingOptions = {
  ...DEFAULT_MULTI_HEAD_OPTIONS,
  // Generic: no cue words of the union domain (the normaliser's teencode table is Vietnamese chat, kept).
  featureConfig: { ...DEFAULT_MULTI_HEAD_OPTIONS.featureConfig, domainLexicon: false },
  augmentation: { folded: true, abbreviated: false, toneFlip: false, abbreviationRate: 0 },
};

/**
 * Passes over the data: fewer for big sets, where each pass already makes many updates (measured on a
 * 6,353-line, 98-label set: 3 passes score as well as 10 at a third of the time).
 */
export function epochsFor(lines: number): number {
  return Math.min(10, Math.max(3, Math.round(20000 / Math.max(1, lines))));
}

export function trainTextClassifier(lines: readonly LabelledText[], options: Partial<MultiHeadTrainingOptions> = {}): TextClassifier {
  const labels = [...new Set(lines.map((line) => line.label))].sort();
  const softmax = options.softmax ?? { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS.softmax, epochs: epochsFor(lines.length) };
  const { model } = trainMultiHead(
    lines.map((line) => ({ text: line.text, labels: { label: line.label } })),
    [{ name: 'label', labels }],
    { ...DEFAULT_TEXT_CLASSIFIER_OPTIONS, ...options, softmax },
  );
  return {
    labels,
    model,
    predict: (text) => predictHead(model, 'label', vectorize(model, normalizeText(text))),
  };
}

/** Accuracy, macro/weighted F1 and per-label figures of `classifier` on `lines`. */
export function evaluate(classifier: TextClassifier, lines: readonly LabelledText[]): EvaluationReport {
  return evaluatePredictions(
    lines.map((line) => line.label),
    lines.map((line) => classifier.predict(line.text).label),
  );
}
