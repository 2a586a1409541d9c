import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { evaluatePredictions } from './evaluate.js';
import { deserializeModel, serializeModel } from './model-file.js';
import { withDirectoryLock, writeFileAtomically, modelManifestSchema, type ModelManifest } from './model-store.js';
import { createNluClassifier, type NluClassifier } from './nlu-classifier.js';
import { mergeTrainingSources, type MergeReport } from './training-sources.js';
import { DEFAULT_NLU_TRAINING_OPTIONS, nluModelFingerprint, trainClassifier, type NluTrainingOptions } from './train-nlu.js';
import { readNluSplit, readNluTrainingSet, type NluExample } from './training-data.js';

/**
 * Building and loading NLU models. A model is built from the team-written data (`<dataDir>/train`) plus, for
 * `congdoan nlu train`, officers' reviewed relabels; it is scored on `<dataDir>/dev` and on the locked
 * `<dataDir>/test` (reported, never tuned on). Processes load a built model; they train only when told to.
 */

export const NLU_HEAD_NAMES = ['route', 'topic', 'sentiment'] as const;
export type NluMetrics = ModelManifest['metrics'];

export interface BuildNluModelOptions {
  /** intents/data: `train/` (required), `dev/` and `test/` (optional, for the metrics). */
  dataDir: string;
  /** Reviewed officer labels merged into the training data (they win over a team line with the same text). */
  reviewed?: readonly NluExample[];
  /** Phrasings of the FAQ entries officers wrote (route question, the entry's topic): see mergeTrainingSources. */
  curated?: readonly NluExample[];
  clock?: Clock;
  logger?: Logger;
  trainingOptions?: Partial<NluTrainingOptions>;
}

export interface BuiltNluModel {
  /** The model file's content (byte-identical for the same data, options and code). */
  content: string;
  /** Everything but `version` and `createdAt`, which the store assigns. */
  manifest: Omit<ModelManifest, 'version' | 'createdAt'>;
  classifier: NluClassifier;
  merge: MergeReport;
}

export interface EvaluationSets {
  dev: NluExample[] | null;
  test: NluExample[] | null;
}

export async function readEvaluationSets(dataDir: string): Promise<EvaluationSets> {
  const [dev, test] = await Promise.all([readNluSplit(dataDir, 'dev'), readNluSplit(dataDir, 'test')]);
  return { dev: dev?.examples ?? null, test: test?.examples ?? null };
}

/** Accuracy of each head on `examples` as typed and with every diacritic stripped. */
export function scoreClassifier(classifier: Pick<NluClassifier, 'classifyLabels'>, examples: readonly NluExample[]): NluMetrics[string] {
  const typed = examples.map((e) => classifier.classifyLabels(e.text));
  const stripped = examples.map((e) => classifier.classifyLabels(foldDiacritics(e.text)));
  const round = (value: number): number => Math.round(value * 10000) / 10000;
  return Object.fromEntries(
    NLU_HEAD_NAMES.map((head) => {
      const gold = examples.map((e) => e[head]);
      return [
        head,
        {
          accuracy: round(evaluatePredictions(gold, typed.map((r) => r[head])).accuracy),
          stripped: round(evaluatePredictions(gold, stripped.map((r) => r[head])).accuracy),
        },
      ];
    }),
  );
}

export function scoreOnSets(classifier: Pick<NluClassifier, 'classifyLabels'>, sets: EvaluationSets): NluMetrics {
  const metrics: NluMetrics = {};
  if (sets.dev !== null && sets.dev.length > 0) metrics.dev = scoreClassifier(classifier, sets.dev);
  if (sets.test !== null && sets.test.length > 0) metrics.test = scoreClassifier(classifier, sets.test);
  return metrics;
}

/** The fingerprint a build from this data would have, without training (to skip a build that is up to date). */
export async function nluBuildFingerprint(options: BuildNluModelOptions): Promise<string> {
  const team = await readNluTrainingSet(options.dataDir);
  return nluModelFingerprint(sourceHash(team.hash, options.reviewed ?? []), { ...DEFAULT_NLU_TRAINING_OPTIONS, ...options.trainingOptions });
}

function sourceHash(teamHash: string, reviewed: readonly NluExample[]): string {
  if (reviewed.length === 0) return teamHash;
  return createHash('sha256')
    .update(teamHash)
    .update(JSON.stringify(reviewed.map((e) => [e.text, e.route, e.topic, e.sentiment])))
    .digest('hex');
}

export async function buildNluModel(options: BuildNluModelOptions): Promise<BuiltNluModel> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const team = await readNluTrainingSet(options.dataDir);
  const sets = await readEvaluationSets(options.dataDir);
  const reviewed = options.reviewed ?? [];
  const merge = mergeTrainingSources(team.examples, reviewed, [...(sets.dev ?? []), ...(sets.test ?? [])], options.curated ?? []);
  const started = performance.now();
  const added = [...merge.reviewedUsed, ...merge.curatedUsed];
  const trained = trainClassifier(merge.examples, { ...options.trainingOptions, sourceHash: sourceHash(team.hash, added) });
  const trainingMs = Math.round(performance.now() - started);
  const content = serializeModel(trained.model, {
    modelId: trained.modelId,
    kind: 'nlu',
    dataHash: trained.dataHash,
    trainedExamples: trained.trainedExamples,
    featureScheme: trained.featureScheme,
  });
  // Scored as loaded from its file (quantised weights), exactly what processes will run.
  const loaded = deserializeModel(content);
  const classifier = createNluClassifier({ model: loaded.model, modelId: loaded.metadata.modelId }, { clock });
  const manifest: BuiltNluModel['manifest'] = {
    modelId: trained.modelId,
    fingerprint: trained.dataHash,
    examples: merge.examples.length,
    sources: {
      team: { examples: team.examples.length, hash: team.hash },
      reviewed: { examples: merge.reviewedUsed.length, hash: sourceHash('', merge.reviewedUsed) },
      ...(merge.curatedUsed.length > 0 ? { curated: { examples: merge.curatedUsed.length, hash: sourceHash('', merge.curatedUsed) } } : {}),
    },
    trainingMs,
    metrics: scoreOnSets(classifier, sets),
  };
  logger.info({ modelId: trained.modelId, examples: manifest.examples, trainingMs, reviewedDropped: merge.reviewedDropped }, 'nlu model trained');
  return { content, manifest, classifier, merge };
}

export interface LoadClassifierFileOptions {
  clock?: Clock;
}

/** Reads and checks a model file; a missing or malformed file is NLU_MODEL_INVALID (never half a model). */
export async function loadClassifierFile(path: string, options: LoadClassifierFileOptions = {}): Promise<NluClassifier> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('NLU_MODEL_INVALID', `cannot read the NLU model ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { cause });
  }
  const loaded = deserializeModel(content);
  return createNluClassifier({ model: loaded.model, modelId: loaded.metadata.modelId }, options.clock === undefined ? {} : { clock: options.clock });
}

export interface ShippedBuildResult {
  built: boolean;
  modelPath: string;
  manifest: ModelManifest;
}

async function readShippedManifest(buildDir: string): Promise<ModelManifest | null> {
  try {
    const parsed = modelManifestSchema.safeParse(JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The model the repository ships, built from the team data into a build folder (`npm install` runs this):
 * skipped when the folder already holds a model of the same fingerprint, locked so that processes started
 * together build it once.
 */
export async function buildShippedModel(options: BuildNluModelOptions & { buildDir: string; force?: boolean }): Promise<ShippedBuildResult> {
  const modelPath = join(options.buildDir, 'model.json');
  const upToDate = async (): Promise<ModelManifest | null> => {
    const manifest = await readShippedManifest(options.buildDir);
    if (manifest === null || options.force === true) return null;
    if (manifest.fingerprint !== (await nluBuildFingerprint({ ...options, reviewed: [] }))) return null;
    try {
      await loadClassifierFile(modelPath);
      return manifest;
    } catch (cause) {
      if (isAppError(cause)) return null;
      throw cause;
    }
  };
  const current = await upToDate();
  if (current !== null) return { built: false, modelPath, manifest: current };
  return withDirectoryLock(options.buildDir, async () => {
    const again = await upToDate();
    if (again !== null) return { built: false, modelPath, manifest: again };
    const built = await buildNluModel({ ...options, reviewed: [] });
    const createdAt = (options.clock ?? systemClock).now().toISOString();
    const manifest: ModelManifest = { version: `shipped-${built.manifest.modelId.replace(/^.*@/, '')}`, createdAt, ...built.manifest };
    await writeFileAtomically(modelPath, built.content);
    await writeFileAtomically(join(options.buildDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { built: true, modelPath, manifest };
  });
}
