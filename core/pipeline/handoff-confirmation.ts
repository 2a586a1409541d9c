import { BACK_TO_BOT_CHOICES, REPLIES_VI } from './replies.vi.js';
import type { Turn } from './turn.js';

/**
 * The conversation goes to the officers' queue (the member asked, or accepted an offer): the confirmation
 * says what happens next, with the one-tap way back to the assistant.
 */
export async function confirmHandoff(turn: Turn): Promise<void> {
  turn.event = { type: 'request_handoff' };
  turn.reply({ kind: 'handoff', content: { type: 'choices', text: REPLIES_VI.handoffConfirmed, choices: BACK_TO_BOT_CHOICES } });
}
