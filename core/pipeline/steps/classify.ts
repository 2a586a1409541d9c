import type { NluResult } from '../../nlu/nlu-result.js';
import type { Middleware } from '../turn.js';

/**
 * Classifies text messages. A classifier failure degrades understanding, never the conversation: the turn
 * continues with a zero-confidence result, which leads to a clarifying question.
 */
export const classify: Middleware = async (turn, next) => {
  if (turn.input.message.content.type !== 'text' || turn.choicePayload) return next();
  try {
    turn.nlu = turn.ports.classifier.classify(turn.text);
  } catch (error) {
    turn.ports.logger.error({ err: error }, 'classifier failed; continuing with an unsure result');
    turn.nlu = unsureResult(turn.ports.classifier.modelId);
  }
  return next();
};

export function unsureResult(model: string): NluResult {
  return {
    route: 'question',
    topic: 'other',
    sentiment: 'neutral',
    confidence: { route: 0, topic: 0, sentiment: 0 },
    entities: [],
    model,
  };
}
