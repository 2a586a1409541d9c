import { confirmHandoff } from '../handoff-confirmation.js';
import type { Turn } from '../turn.js';

/** The member asked for a person (or described an emergency): the conversation goes to the officers' inbox. */
export async function handleHandoff(turn: Turn): Promise<void> {
  await confirmHandoff(turn);
}
