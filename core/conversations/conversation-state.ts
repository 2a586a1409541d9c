import { AppError } from '../errors/app-error.js';

/**
 * Who answers a conversation:
 * - `bot`: the assistant answers;
 * - `waiting_officer`: the member asked for a person (or the bot offered and they accepted); the bot stays
 *   silent and the conversation waits in the officers' inbox;
 * - `officer`: an officer has taken it over; the bot stays silent;
 * - `closed`: finished; a new member message reopens it with the bot.
 */
export const CONVERSATION_STATES = ['bot', 'waiting_officer', 'officer', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export type ConversationEvent =
  /** `urgent`: a crisis (self-harm words); it jumps the queue and its officers are notified at once. */
  | { type: 'request_handoff'; urgent?: boolean }
  | { type: 'officer_take'; officerId: string }
  | { type: 'officer_release' }
  /** The member asks for the assistant again ("quay lại trợ lý"), leaving the queue or the officer. */
  | { type: 'member_return' }
  | { type: 'close' }
  | { type: 'member_message' };

const TRANSITIONS: Record<ConversationEvent['type'], Partial<Record<ConversationState, ConversationState>>> = {
  // An officer who already holds the conversation keeps it (an urgent request then only marks it urgent).
  request_handoff: { bot: 'waiting_officer', closed: 'waiting_officer', waiting_officer: 'waiting_officer', officer: 'officer' },
  officer_take: { bot: 'officer', waiting_officer: 'officer', officer: 'officer', closed: 'officer' },
  officer_release: { officer: 'bot', waiting_officer: 'bot' },
  member_return: { officer: 'bot', waiting_officer: 'bot' },
  close: { bot: 'closed', waiting_officer: 'closed', officer: 'closed', closed: 'closed' },
  member_message: { closed: 'bot', bot: 'bot', waiting_officer: 'waiting_officer', officer: 'officer' },
};

/** The next state, or CONVERSATION_INVALID_TRANSITION. Pure: persistence checks the version separately. */
export function nextConversationState(current: ConversationState, event: ConversationEvent): ConversationState {
  const next = TRANSITIONS[event.type][current];
  if (!next) {
    throw new AppError('CONVERSATION_INVALID_TRANSITION', `cannot ${event.type} a conversation in state ${current}`, {
      details: { from: current, event: event.type },
    });
  }
  return next;
}

/** True when the bot must not answer: a person owns (or is about to own) the conversation. */
export function isHumanOwned(state: ConversationState): boolean {
  return state === 'waiting_officer' || state === 'officer';
}
