import { memberWords } from '../../messages/content.js';
import type { Turn } from '../turn.js';

/**
 * Labels the message without answering it (officer mode, crisis): the officer's context and the mood figures
 * still get route, topic and sentiment. A classifier failure only costs the labels.
 */
export function classifyQuietly(turn: Turn): void {
  if (memberWords(turn.input.message.content) === null || turn.nlu) return;
  try {
    turn.nlu = turn.ports.classifier.classify(turn.text);
  } catch (error) {
    turn.ports.logger.warn({ err: error }, 'classification failed while the bot stays out of the answer');
  }
}
