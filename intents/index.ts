/**
 * Public surface of the Vietnamese NLU (DESIGN.md §6). Other folders import from here only.
 */
export { createRedactor, REDACTION_PLACEHOLDERS, UNKNOWN_NUMBER_PLACEHOLDER } from './entities/redactor.js';
export { extractEntities, type EntityExtractionOptions } from './entities/extract-entities.js';
export { normalizeText, type NormalizedText } from './normalize/normalize-text.js';
export { canonicalizeTones, placeTones, type ToneStyle } from './normalize/tone-placement.js';
export {
  buildNluModel,
  buildShippedModel,
  loadClassifierFile,
  nluBuildFingerprint,
  readEvaluationSets,
  scoreClassifier,
  scoreOnSets,
  NLU_HEAD_NAMES,
  type BuildNluModelOptions,
  type BuiltNluModel,
  type EvaluationSets,
  type NluMetrics,
  type ShippedBuildResult,
} from './classifier/model-build.js';
export {
  createModelStore,
  modelVersionName,
  withDirectoryLock,
  type ActivePointer,
  type ModelManifest,
  type ModelStore,
  type StoredModel,
} from './classifier/model-store.js';
export { compareModels, signTestP, type HeadComparison, type ModelComparison } from './classifier/compare-models.js';
export { mergeTrainingSources, trainingKey, type MergeReport } from './classifier/training-sources.js';
export { detectMessageFlags } from './signals/message-signals.js';
export { createNluClassifier, type NluClassifier, type NluClassifierOptions } from './classifier/nlu-classifier.js';
export { trainClassifier, type NluTrainingOptions, type TrainedNluModel } from './classifier/train-nlu.js';
export { trainTextClassifier, evaluate, type TextClassifier } from './classifier/text-classifier.js';
export { DEFAULT_HIDDEN_LAYER_OPTIONS, type HiddenLayerOptions } from './classifier/hidden-layer.js';
export { evaluatePredictions, type EvaluationReport, type LabelMetrics } from './classifier/evaluate.js';
export { crossValidateNlu, type CrossValidationReport } from './classifier/cross-validation.js';
export {
  labelledTextSchema,
  nluExampleSchema,
  parseJsonLines,
  readNluSplit,
  readNluTrainingSet,
  type LabelledText,
  type NluExample,
} from './classifier/training-data.js';
