import type { SendFailureCode } from '../../../core/channels/channel-adapter.js';
import type { OutboundMessage } from '../../../core/messages/outbound.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Zalo OA rules (shared/notes/channels.md §1.6): consultation messages need an interaction in the last
 * 7 days; the first 8 replies within 48 h of the member's message are free when they quote it
 * (`recipient.message_id`), and the budget resets with each new member message; beyond that a
 * consultation message is proactive (paid quota); after 7 days only a transaction template (within a year).
 */
export const ZALO_RULES = {
  interactionWindowMs: 7 * DAY_MS,
  freeReplyWindowMs: 48 * HOUR_MS,
  freeReplies: 8,
  transactionWindowMs: 365 * DAY_MS,
} as const;

/** Kept in conversations.channel_state.zalo: free replies used since the member message at `anchorAt`. */
export interface ZaloQuotaState {
  anchorAt: string;
  freeRepliesUsed: number;
}

export type ZaloDeliveryPlan =
  | { mode: 'free_reply'; quota: ZaloQuotaState }
  | { mode: 'consultation' }
  | { mode: 'transaction'; templateType: string }
  | { mode: 'hold'; code: SendFailureCode; reason: string };

export interface ZaloPlanInput {
  author: OutboundMessage['author'];
  lastInboundAt: Date | null;
  channelState: Readonly<Record<string, unknown>>;
  /** Parts the message renders to: each part is one Zalo message and uses one free reply. */
  parts: number;
  now: Date;
  transactionTemplate: string | null;
}

/**
 * Decides how (and whether) a message may go out now. The bot only ever uses free replies: anything it
 * cannot send for free is held for an officer to decide. An officer's reply may use paid consultation
 * quota within 7 days, and a transaction template within a year when one is configured.
 */
export function planZaloDelivery(input: ZaloPlanInput): ZaloDeliveryPlan {
  if (!input.lastInboundAt) return { mode: 'hold', code: 'WINDOW_CLOSED', reason: 'the member has never written to the OA' };
  const age = input.now.getTime() - input.lastInboundAt.getTime();
  const anchorAt = input.lastInboundAt.toISOString();
  const stored = readQuota(input.channelState);
  const used = stored?.anchorAt === anchorAt ? stored.freeRepliesUsed : 0;
  const human = input.author === 'officer';
  if (age <= ZALO_RULES.freeReplyWindowMs && used + input.parts <= ZALO_RULES.freeReplies) {
    return { mode: 'free_reply', quota: { anchorAt, freeRepliesUsed: used + input.parts } };
  }
  if (age <= ZALO_RULES.interactionWindowMs) {
    if (human) return { mode: 'consultation' };
    return {
      mode: 'hold',
      code: 'QUOTA_EXHAUSTED',
      reason:
        age > ZALO_RULES.freeReplyWindowMs
          ? 'more than 48 h since the member wrote: a reply would use paid quota; an officer may send it'
          : `the ${ZALO_RULES.freeReplies} free replies to the member's message are used: an officer may send it (paid quota)`,
    };
  }
  if (human && input.transactionTemplate && age <= ZALO_RULES.transactionWindowMs) {
    return { mode: 'transaction', templateType: input.transactionTemplate };
  }
  return { mode: 'hold', code: 'WINDOW_CLOSED', reason: 'no interaction in the last 7 days: Zalo accepts no consultation message' };
}

function readQuota(state: Readonly<Record<string, unknown>>): ZaloQuotaState | null {
  const zalo = state.zalo as Partial<ZaloQuotaState> | undefined;
  if (!zalo || typeof zalo.anchorAt !== 'string' || typeof zalo.freeRepliesUsed !== 'number') return null;
  return { anchorAt: zalo.anchorAt, freeRepliesUsed: zalo.freeRepliesUsed };
}
