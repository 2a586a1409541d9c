import { REPLIES_VI } from '../replies.vi.js';
import type { Turn } from '../turn.js';

export async function handleOutOfScope(turn: Turn): Promise<void> {
  turn.reply({ kind: 'out_of_scope', content: { type: 'text', text: REPLIES_VI.outOfScope } });
}
