import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import type { Clock } from '../../core/ports/clock.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import { deserializeModel, serializeModel, type LoadedModelFile } from './model-file.js';
import { createNluClassifier } from './nlu-classifier.js';
import { DEFAULT_NLU_TRAINING_OPTIONS, nluModelFingerprint, trainClassifier, type NluTrainingOptions } from './train-nlu.js';
import { readNluTrainingSet, type NluTrainingSet } from './training-data.js';

export interface LoadOrTrainOptions {
  /** The model file, e.g. intents/model/nlu-model.json. */
  modelPath: string;
  /** Folder with `train/*.jsonl` (e.g. intents/data). */
  dataDir: string;
  logger?: Logger;
  clock?: Clock;
  trainingOptions?: Partial<NluTrainingOptions>;
}

export interface TrainingSummary {
  modelId: string;
  modelPath: string;
  examples: number;
  files: number;
  features: number;
  temperatures: Record<string, number>;
  bytes: number;
  trainingMs: number;
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

/** The training set, or null when there is none; a present but invalid training file is still an error. */
async function readTrainingSetIfPresent(dataDir: string): Promise<NluTrainingSet | null> {
  try {
    return await readNluTrainingSet(dataDir);
  } catch (cause) {
    const missing = (isAppError(cause) && cause.code === 'NOT_FOUND') || (cause as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing) return null;
    throw cause;
  }
}

/** Writes beside the target then renames, so a crash never leaves a half-written model to be loaded. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}

/** Trains from the data folder and writes the model file; used by `nlu train` and by loadOrTrainClassifier. */
export async function trainAndSaveClassifier(options: LoadOrTrainOptions, trainingSet?: NluTrainingSet): Promise<TrainingSummary> {
  const data = trainingSet ?? (await readNluTrainingSet(options.dataDir));
  const started = performance.now();
  const trained = trainClassifier(data.examples, { ...options.trainingOptions, sourceHash: data.hash });
  const trainingMs = Math.round(performance.now() - started);
  const content = serializeModel(trained.model, {
    modelId: trained.modelId,
    kind: 'nlu',
    dataHash: trained.dataHash,
    trainedExamples: trained.trainedExamples,
  });
  await writeAtomically(options.modelPath, content);
  const summary: TrainingSummary = {
    modelId: trained.modelId,
    modelPath: options.modelPath,
    examples: data.examples.length,
    files: data.files.length,
    features: deserializeModel(content).model.space.hashes.length,
    temperatures: Object.fromEntries(Object.entries(trained.calibration).map(([name, c]) => [name, c.temperature])),
    bytes: Buffer.byteLength(content),
    trainingMs,
  };
  (options.logger ?? silentLogger).info({ ...summary }, 'nlu model trained');
  return summary;
}

/**
 * Loads the model file if it is valid and was trained from the current data, tables and options; otherwise
 * trains from `dataDir` and writes the file. Without training data (a deployment that ships only the model),
 * a valid model file is used as is.
 */
export async function loadOrTrainClassifier(options: LoadOrTrainOptions): Promise<MessageClassifier> {
  const logger = options.logger ?? silentLogger;
  const classifierOptions = options.clock === undefined ? {} : { clock: options.clock };
  const data = await readTrainingSetIfPresent(options.dataDir);
  const content = await readIfPresent(options.modelPath);
  let stored: LoadedModelFile | null = null;
  if (content !== null) {
    try {
      stored = deserializeModel(content);
    } catch (cause) {
      if (data === null) throw cause;
      logger.warn({ modelPath: options.modelPath, error: (cause as Error).message }, 'nlu model file unusable, retraining');
    }
  }
  if (stored !== null && stored.metadata.kind === 'nlu') {
    const expected = data === null ? null : nluModelFingerprint(data.hash, { ...DEFAULT_NLU_TRAINING_OPTIONS, ...options.trainingOptions });
    if (expected === null || expected === stored.metadata.dataHash) {
      logger.info({ modelId: stored.metadata.modelId, modelPath: options.modelPath }, 'nlu model loaded');
      return createNluClassifier({ model: stored.model, modelId: stored.metadata.modelId }, classifierOptions);
    }
    logger.info({ modelId: stored.metadata.modelId }, 'nlu training data changed, retraining');
  }
  if (data === null) {
    throw new AppError('NLU_MODEL_INVALID', `no usable NLU model at ${options.modelPath} and no training data in ${options.dataDir}`);
  }
  await trainAndSaveClassifier(options, data);
  const fresh = deserializeModel((await readIfPresent(options.modelPath)) ?? '');
  return createNluClassifier({ model: fresh.model, modelId: fresh.metadata.modelId }, classifierOptions);
}
