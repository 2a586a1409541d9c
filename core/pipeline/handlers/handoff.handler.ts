import { REPLIES_VI } from '../replies.vi.js';
import type { Turn } from '../turn.js';

/** The member asked for a person (or described an emergency): the conversation goes to the officers' inbox. */
export async function handleHandoff(turn: Turn): Promise<void> {
  turn.event = { type: 'request_handoff' };
  turn.reply({ kind: 'handoff', content: { type: 'text', text: REPLIES_VI.handoffConfirmed } });
}
