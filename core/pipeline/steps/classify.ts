import { memberWords } from '../../messages/content.js';
import type { NluResult } from '../../nlu/nlu-result.js';
import type { Middleware } from '../turn.js';

/**
 * Classifies the member's words: a text, a caption, the title of a button we no longer know. A classifier failure degrades understanding, never the conversation: the turn
 * continues with a zero-confidence result, which leads to a clarifying question.
 */
export const classify: Middleware = async (turn, next) => {
  const { content } = turn.input.message;
  const hasWords = memberWords(content) !== null || (content.type === 'postback' && Boolean(content.text?.trim()));
  if (!hasWords || turn.choicePayload) return next();
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
