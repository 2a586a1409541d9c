import { REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

/**
 * Spam and prompt-injection attempts are not members' concerns (issue #11 item 4): they are never acknowledged as
 * "recorded" or "forwarded to the union", and they go to the learning queue (reason `flagged`) for officers to see.
 * Spam stops here. An injection attempt that also asks a real question is still answered (knowledge searches
 * without the instruction clauses and the model sees the text fenced as data); one that files a "complaint" is not
 * recorded as one. Mood figures leave flagged messages out by the stored flags.
 */
export const flaggedMessage: Middleware = async (turn, next) => {
  const flags = turn.nlu?.flags ?? [];
  if (flags.length === 0 || !turn.nlu) return next();
  turn.notes.flags = flags;
  turn.learning = { reason: 'flagged' };
  if (flags.includes('spam')) {
    turn.reply({ kind: 'out_of_scope', content: { type: 'text', text: REPLIES_VI.flaggedSpam } });
    return;
  }
  if (turn.nlu.route === 'question') return next();
  turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.flaggedInstruction } });
};
