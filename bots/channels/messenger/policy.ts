import type { SendFailureCode } from '../../../core/channels/channel-adapter.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';

const HOUR_MS = 3_600_000;

/**
 * Meta's messaging windows (shared/notes/channels.md §2.5): anything may be sent within 24 h of the
 * member's last message (`RESPONSE`); after that only a human may answer, up to 7 days, with the
 * `HUMAN_AGENT` tag, which must never carry automated replies. Everything else is held for officers.
 */
export const MESSENGER_RULES = { standardWindowMs: 24 * HOUR_MS, humanAgentWindowMs: 7 * 24 * HOUR_MS } as const;

export type MessengerDeliveryPlan =
  | { messagingType: 'RESPONSE' }
  | { messagingType: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' }
  | { hold: true; code: SendFailureCode; reason: string };

export function planMessengerDelivery(author: OutboundMessage['author'], lastInboundAt: Date | null, now: Date): MessengerDeliveryPlan {
  if (!lastInboundAt) return { hold: true, code: 'WINDOW_CLOSED', reason: 'the member has never written to the Page' };
  const age = now.getTime() - lastInboundAt.getTime();
  if (age <= MESSENGER_RULES.standardWindowMs) return { messagingType: 'RESPONSE' };
  if (author === 'officer' && age <= MESSENGER_RULES.humanAgentWindowMs) return { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  return author === 'officer'
    ? { hold: true, code: 'WINDOW_CLOSED', reason: 'more than 7 days since the member wrote: Messenger accepts no reply until they write again' }
    : { hold: true, code: 'WINDOW_CLOSED', reason: 'more than 24 h since the member wrote: only an officer may answer (HUMAN_AGENT, within 7 days)' };
}
