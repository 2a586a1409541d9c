import { memberWords } from '../../messages/content.js';
import { crisisReply } from '../crisis-reply.vi.js';
import { loadHandoffContext } from '../handoff-confirmation.js';
import { crisisOutsideHours } from '../handoff-replies.vi.js';
import type { Middleware } from '../turn.js';
import { classifyQuietly } from './classify-quietly.js';
import { detectCrisis, saysMinor } from './crisis-detect.js';

/**
 * Words of self-harm, typed with or without accents or in teencode, get a caring reply with the emergency
 * number and an URGENT hand-off, in every conversation state (also while an officer owns it: a person
 * waiting for an officer must not meet silence). The officers of the member's unit are notified at once
 * by the worker (see process-inbound). Whatever the route: this runs before classification decides anything.
 */
export const selfHarmGuard: Middleware = async (turn, next) => {
  if (memberWords(turn.input.message.content) === null) return next();
  const detection = detectCrisis(turn.text);
  if (!detection.crisis) return next();
  classifyQuietly(turn);
  turn.notes.selfHarm = true;
  turn.notes.crisisPhrase = detection.phrase;
  turn.event = { type: 'request_handoff', urgent: true };
  const outsideHours = crisisOutsideHours(await loadHandoffContext(turn));
  const text = crisisReply({ hotlines: turn.ports.crisisHotlines ?? [], minor: saysMinor(turn.text), outsideHours });
  turn.reply({ kind: 'handoff', content: { type: 'text', text } });
};
