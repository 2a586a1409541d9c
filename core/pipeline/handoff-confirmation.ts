import { officeStatus, resolveOfficeHours } from '../conversations/office-hours.js';
import { handoffConfirmation, type HandoffContext } from './handoff-replies.vi.js';
import { BACK_TO_BOT_CHOICES } from './replies.vi.js';
import type { Turn } from './turn.js';

/**
 * Office hours (the unit's, else its parent's, else the national default), whether they are open now and
 * the unit's recent median wait. Null when storage cannot say (the replies then stay generic rather than
 * failing the member's turn).
 */
export async function loadHandoffContext(turn: Turn): Promise<HandoffContext | null> {
  const source = turn.ports.handoffFacts;
  if (!source) return null;
  try {
    const now = turn.ports.clock.now();
    const facts = await source.facts(turn.input.member.unitId, now);
    const hours = resolveOfficeHours(facts.officeHoursChain);
    return { unitName: facts.unitName, hours, status: officeStatus(hours, now), medianWaitMinutes: facts.medianWaitMinutes };
  } catch (error) {
    turn.ports.logger.warn({ err: error }, 'hand-off facts unavailable; generic hand-off reply');
    return null;
  }
}

/**
 * The conversation goes to the officers' queue (the member asked, or accepted an offer): the confirmation
 * says what happens next and when (office hours, expected wait, leaving a message outside hours), with the
 * one-tap way back to the assistant.
 */
export async function confirmHandoff(turn: Turn): Promise<void> {
  turn.event = { type: 'request_handoff' };
  const context = await loadHandoffContext(turn);
  if (context) turn.notes.officeOpen = context.status.open;
  turn.reply({ kind: 'handoff', content: { type: 'choices', text: handoffConfirmation(context), choices: BACK_TO_BOT_CHOICES } });
}
