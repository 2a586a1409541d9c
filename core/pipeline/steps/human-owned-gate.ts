import { isHumanOwned } from '../../conversations/conversation-state.js';
import type { Middleware } from '../turn.js';
import { classifyQuietly } from './classify-quietly.js';

/**
 * When an officer owns the conversation (or it waits for one), the bot does not answer: the message is
 * already stored and shows up in the officer's inbox. Classification still runs, for the officer's context
 * and the mood figures. The self-harm guard runs before this gate, so a crisis is answered in every state.
 */
export const humanOwnedGate: Middleware = async (turn, next) => {
  if (!isHumanOwned(turn.input.conversation.state)) return next();
  turn.silentReason = 'human_owned';
  classifyQuietly(turn);
};
