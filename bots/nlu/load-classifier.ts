import type { Env } from '../../core/config/env-schema.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import type { Logger } from '../../core/ports/logger.js';

// INTERIM: replaced by intents' trained classifier as soon as it lands (same session).
export async function loadClassifier(_env: Env, _logger: Logger): Promise<MessageClassifier> {
  return {
    modelId: 'interim@0',
    classify: () => ({ route: 'smalltalk', topic: 'other', sentiment: 'neutral', confidence: { route: 1, topic: 1, sentiment: 1 }, entities: [], model: 'interim@0' }),
  };
}
