import { join } from 'node:path';
import type { Env } from '../../core/config/env-schema.js';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { MessageClassifier, NluResult } from '../../core/nlu/nlu-result.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { buildNluModel, createModelStore, loadClassifierFile, modelVersionName, withDirectoryLock, type ModelStore, type NluClassifier } from '../../intents/index.js';
import { fromProjectRoot } from '../project-root.js';

/** The team-written training data, and the folder `npm install` builds the shipped model into (git-ignored). */
export const NLU_DATA_DIR = 'intents/data';
export const NLU_BUILD_DIR = 'build/nlu';

export interface NluPaths {
  dataDir: string;
  buildDir: string;
  /** MODEL_DIR/nlu: versions and the active pointer. */
  storeDir: string;
  /** NLU_MODEL_PATH: one model file to use instead of the store (read-only deployments, experiments). */
  pinnedModelPath: string | null;
}

export function nluPaths(env: Pick<Env, 'NLU_MODEL_PATH' | 'MODEL_DIR' | 'DATA_DIR'>): NluPaths {
  const modelDir = env.MODEL_DIR ?? join(env.DATA_DIR, 'models');
  return {
    dataDir: fromProjectRoot(NLU_DATA_DIR),
    buildDir: fromProjectRoot(NLU_BUILD_DIR),
    storeDir: join(fromProjectRoot(modelDir), 'nlu'),
    pinnedModelPath: env.NLU_MODEL_PATH === undefined ? null : fromProjectRoot(env.NLU_MODEL_PATH),
  };
}

export interface ResolvedModel {
  classifier: NluClassifier;
  /** Where it came from: `pinned`, `active:<version>`, `shipped`, `trained:<version>`. */
  source: string;
}

async function tryLoad(path: string, clock: Clock, logger: Logger, what: string): Promise<NluClassifier | null> {
  try {
    return await loadClassifierFile(path, { clock });
  } catch (cause) {
    if (!isAppError(cause)) throw cause;
    logger.warn({ path, error: cause.message }, `${what} NLU model unusable`);
    return null;
  }
}

/** First training of an empty store (NLU_TRAIN_IF_MISSING): locked, so processes starting together train once. */
async function trainIntoEmptyStore(store: ModelStore, paths: NluPaths, clock: Clock, logger: Logger): Promise<ResolvedModel> {
  return withDirectoryLock(store.dir, async () => {
    const existing = await store.activeModel();
    if (existing !== null) return { classifier: await loadClassifierFile(existing.modelPath, { clock }), source: `active:${existing.version}` };
    logger.warn({ dataDir: paths.dataDir }, 'no NLU model found: training one now (NLU_TRAIN_IF_MISSING=true)');
    const built = await buildNluModel({ dataDir: paths.dataDir, clock, logger });
    const now = clock.now();
    const saved = await store.save(built.content, { version: modelVersionName(now, built.manifest.modelId), createdAt: now.toISOString(), ...built.manifest });
    await store.activate(saved.version, now);
    return { classifier: built.classifier, source: `trained:${saved.version}` };
  });
}

/**
 * Which model a process runs, in order: NLU_MODEL_PATH if set; the store's active version (MODEL_DIR/nlu); the
 * shipped model that `npm install` built into build/nlu; otherwise, only with NLU_TRAIN_IF_MISSING=true, a model
 * trained now into the store. Processes never train at start on their own: training is `congdoan nlu train`.
 */
export async function resolveNluModel(
  env: Pick<Env, 'NLU_MODEL_PATH' | 'MODEL_DIR' | 'DATA_DIR' | 'NLU_TRAIN_IF_MISSING'>,
  logger: Logger,
  clock: Clock = systemClock,
  paths: NluPaths = nluPaths(env),
): Promise<ResolvedModel> {
  if (paths.pinnedModelPath !== null) return { classifier: await loadClassifierFile(paths.pinnedModelPath, { clock }), source: 'pinned' };
  const store = createModelStore(paths.storeDir);
  const active = await store.activeModel().catch((cause: unknown) => {
    if (!isAppError(cause)) throw cause;
    logger.warn({ storeDir: paths.storeDir, error: cause.message }, 'NLU model store unreadable');
    return null;
  });
  if (active !== null) {
    const classifier = await tryLoad(active.modelPath, clock, logger, 'active');
    if (classifier !== null) return { classifier, source: `active:${active.version}` };
  }
  const shipped = await tryLoad(join(paths.buildDir, 'model.json'), clock, logger, 'shipped');
  if (shipped !== null) return { classifier: shipped, source: 'shipped' };
  if (env.NLU_TRAIN_IF_MISSING) return trainIntoEmptyStore(store, paths, clock, logger);
  throw new AppError(
    'NLU_MODEL_INVALID',
    `no NLU model: none active in ${paths.storeDir} and none built in ${paths.buildDir}. Run \`npx congdoan nlu build\` (npm install does) or \`npx congdoan nlu train\`, or set NLU_TRAIN_IF_MISSING=true`,
  );
}

/** The classifier port with a seam to swap in the newly activated model (the scale work calls it on activation). */
export interface ReloadableClassifier extends MessageClassifier {
  readonly source: string;
  /** Loads the model the resolution order gives now; a failure keeps the current model and rejects. */
  reload(): Promise<{ changed: boolean; modelId: string; source: string }>;
}

export async function loadClassifier(env: Pick<Env, 'NLU_MODEL_PATH' | 'MODEL_DIR' | 'DATA_DIR' | 'NLU_TRAIN_IF_MISSING'>, logger: Logger, clock: Clock = systemClock, paths: NluPaths = nluPaths(env)): Promise<ReloadableClassifier> {
  let current = await resolveNluModel(env, logger, clock, paths);
  logger.info({ modelId: current.classifier.modelId, source: current.source }, 'nlu model loaded');
  return {
    get modelId() {
      return current.classifier.modelId;
    },
    get source() {
      return current.source;
    },
    classify: (text: string): NluResult => current.classifier.classify(text),
    async reload() {
      const next = await resolveNluModel({ ...env, NLU_TRAIN_IF_MISSING: false }, logger, clock, paths);
      const changed = next.classifier.modelId !== current.classifier.modelId || next.source !== current.source;
      if (changed) {
        current = next;
        logger.info({ modelId: next.classifier.modelId, source: next.source }, 'nlu model reloaded');
      }
      return { changed, modelId: current.classifier.modelId, source: current.source };
    },
  };
}
