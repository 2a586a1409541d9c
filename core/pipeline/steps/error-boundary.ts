import { HANDOFF_OFFER_CHOICES, REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

/**
 * Catches a bug anywhere downstream so the member is never left without an answer: the error is logged
 * (not rethrown, so the message is not retried into the same bug) and an officer is offered.
 */
export const errorBoundary: Middleware = async (turn, next) => {
  try {
    await next();
  } catch (error) {
    turn.ports.logger.error({ err: error, conversationId: turn.input.conversation.id }, 'turn failed; offering an officer');
    turn.notes.turnError = error instanceof Error ? error.name : 'unknown';
    if (turn.replies.length === 0) {
      turn.reply({
        kind: 'handoff_offer',
        content: { type: 'choices', text: REPLIES_VI.knowledgeUnavailable, choices: HANDOFF_OFFER_CHOICES },
      });
    }
  }
};
