import { isHumanOwned } from '../../conversations/conversation-state.js';
import type { Middleware } from '../turn.js';

/**
 * When an officer owns the conversation (or it waits for one), the bot stays silent: the message is
 * already stored and shows up in the officer's inbox. Classification still runs, for the officer's context
 * and the mood figures, but nothing is answered.
 */
export const humanOwnedGate: Middleware = async (turn, next) => {
  if (!isHumanOwned(turn.input.conversation.state)) return next();
  turn.silentReason = 'human_owned';
  classifyQuietly(turn);
};

function classifyQuietly(turn: Parameters<Middleware>[0]): void {
  if (turn.input.message.content.type !== 'text') return;
  try {
    turn.nlu = turn.ports.classifier.classify(turn.text);
  } catch (error) {
    turn.ports.logger.warn({ err: error }, 'classification failed in officer mode');
  }
}
