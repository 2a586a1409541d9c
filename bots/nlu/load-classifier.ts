import type { Env } from '../../core/config/env-schema.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import type { Logger } from '../../core/ports/logger.js';
import { loadOrTrainClassifier } from '../../intents/index.js';
import { fromProjectRoot } from '../project-root.js';

/** The shipped model and the training data it is built from (the model is rebuilt when the data changed). */
export const DEFAULT_NLU_MODEL_PATH = 'intents/model/nlu-model.json';
export const NLU_DATA_DIR = 'intents/data';

export function nluPaths(env: Pick<Env, 'NLU_MODEL_PATH'>): { modelPath: string; dataDir: string } {
  return { modelPath: fromProjectRoot(env.NLU_MODEL_PATH ?? DEFAULT_NLU_MODEL_PATH), dataDir: fromProjectRoot(NLU_DATA_DIR) };
}

/** Loads the trained classifier; on the first start (no model file yet) it is trained from intents/data. */
export async function loadClassifier(env: Env, logger: Logger): Promise<MessageClassifier> {
  return loadOrTrainClassifier({ ...nluPaths(env), logger });
}
