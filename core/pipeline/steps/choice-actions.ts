import { CHOICE_PAYLOADS, REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';
import { confirmHandoff } from '../handoff-confirmation.js';

/** Acts on a button press or numbered answer resolved by resolveChoice. Unknown payloads fall through. */
export const choiceActions: Middleware = async (turn, next) => {
  switch (turn.choicePayload) {
    case CHOICE_PAYLOADS.handoffAccept:
      await confirmHandoff(turn);
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
