import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { CHOICE_PAYLOADS } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

// Matched on the folded (diacritic-free) answer, so "có", "co" and "cóa" all count.
const YES = /^(co|ok|oke|okay|uh|um|dong y|vang|da|yes|y|can|gap can bo|muon)\b/;
const NO = /^(khong|ko|k|hong|hok|thoi|no)\b/;

/**
 * Understands the answer to the bot's previous offer: a button payload, the number of an item of a
 * numbered list (channels without buttons), or a plain yes/no after a hand-off offer.
 */
export const resolveChoice: Middleware = async (turn, next) => {
  const { content } = turn.input.message;
  if (content.type === 'postback') {
    turn.choicePayload = content.payload;
    return next();
  }
  const previous = turn.input.lastBotReply;
  if (!previous || content.type !== 'text') return next();
  const answer = foldDiacritics(turn.text).toLowerCase().trim().replace(/[.!]+$/, '');
  const number = /^\d{1,2}$/.test(answer) ? Number(answer) : null;
  if (number !== null && number >= 1 && number <= previous.choices.length) {
    turn.choicePayload = previous.choices[number - 1]?.payload ?? null;
  } else if (previous.kind === 'handoff_offer' || previous.kind === 'not_covered' || previous.kind === 'clarify') {
    const words = answer.split(/\s+/).length;
    // Only short answers: "có, nhưng lương tôi bị trừ..." is a new message, not a yes.
    if (words <= 4 && YES.test(answer) && previous.choices.some((c) => c.payload === CHOICE_PAYLOADS.handoffAccept)) {
      turn.choicePayload = CHOICE_PAYLOADS.handoffAccept;
    } else if (words <= 3 && NO.test(answer) && previous.kind === 'handoff_offer') {
      turn.choicePayload = CHOICE_PAYLOADS.handoffDecline;
    }
  }
  return next();
};
