import { CHOICE_PAYLOADS, REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

/** Acts on a button press or numbered answer resolved by resolveChoice. Unknown payloads fall through. */
export const choiceActions: Middleware = async (turn, next) => {
  switch (turn.choicePayload) {
    case CHOICE_PAYLOADS.handoffAccept:
      turn.event = { type: 'request_handoff' };
      turn.reply({ kind: 'handoff', content: { type: 'text', text: REPLIES_VI.handoffConfirmed } });
      return;
    case CHOICE_PAYLOADS.handoffDecline:
      turn.lowConfidenceStreak = 0;
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.handoffDeclined } });
      return;
    case CHOICE_PAYLOADS.askQuestion:
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.askQuestionPrompt }, expects: 'question' });
      return;
    case CHOICE_PAYLOADS.giveFeedback:
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.giveFeedbackPrompt }, expects: 'feedback' });
      return;
    default:
      return next();
  }
};
