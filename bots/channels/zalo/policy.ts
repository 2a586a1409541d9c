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

/**
 * Kept in conversations.channel_state.zalo: free replies used since the member message at `anchorAt`, and
 * proactive messages (sent by user id, counted by Zalo against the OA's monthly proactive quota): since that
 * message, and in the calendar month `proactiveMonth` (UTC, `YYYY-MM`).
 */
export interface ZaloQuotaState {
  anchorAt: string;
  freeRepliesUsed: number;
  proactiveUsed?: number;
  proactiveMonth?: string;
  proactiveMonthUsed?: number;
}

export type ZaloDeliveryPlan =
  | { mode: 'free_reply'; quota: ZaloQuotaState }
  /** A reply that cannot quote the member's message (a sticker without msg_id): by user id, proactive quota. */
  | { mode: 'proactive'; quota: ZaloQuotaState }
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
  /** False when the member's latest message has no id Zalo knows (a sticker without msg_id): nothing to quote. */
  quotable?: boolean;
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
  const sameAnchor = stored?.anchorAt === anchorAt;
  const used = sameAnchor ? stored.freeRepliesUsed : 0;
  const human = input.author === 'officer';
  if (input.quotable === false && age <= ZALO_RULES.freeReplyWindowMs) {
    // Only a quoted message is a free reply: this one goes by user id and Zalo counts it as proactive.
    // The bot may answer the member's fresh message this way, within the same per-message budget.
    const proactiveUsed = (sameAnchor ? (stored.proactiveUsed ?? 0) : 0) + input.parts;
    if (human || used + proactiveUsed <= ZALO_RULES.freeReplies) {
      const month = input.now.toISOString().slice(0, 7);
      const monthUsed = (stored?.proactiveMonth === month ? (stored.proactiveMonthUsed ?? 0) : 0) + input.parts;
      return { mode: 'proactive', quota: { anchorAt, freeRepliesUsed: used, proactiveUsed, proactiveMonth: month, proactiveMonthUsed: monthUsed } };
    }
  }
  if (input.quotable !== false && age <= ZALO_RULES.freeReplyWindowMs && used + input.parts <= ZALO_RULES.freeReplies) {
    const proactive = sameAnchor ? pickProactive(stored) : pickProactive(stored, input.now);
    return { mode: 'free_reply', quota: { anchorAt, freeRepliesUsed: used + input.parts, ...proactive } };
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
  const month = typeof zalo.proactiveMonth === 'string' && typeof zalo.proactiveMonthUsed === 'number' ? { proactiveMonth: zalo.proactiveMonth, proactiveMonthUsed: zalo.proactiveMonthUsed } : {};
  const since = typeof zalo.proactiveUsed === 'number' ? { proactiveUsed: zalo.proactiveUsed } : {};
  return { anchorAt: zalo.anchorAt, freeRepliesUsed: zalo.freeRepliesUsed, ...since, ...month };
}

/** The proactive counters a free reply keeps: the month's count always, the per-message one only for the same message. */
function pickProactive(stored: ZaloQuotaState | null, newAnchorAt?: Date): Partial<ZaloQuotaState> {
  if (!stored) return {};
  const month = stored.proactiveMonth !== undefined ? { proactiveMonth: stored.proactiveMonth, proactiveMonthUsed: stored.proactiveMonthUsed ?? 0 } : {};
  return newAnchorAt || stored.proactiveUsed === undefined ? month : { ...month, proactiveUsed: stored.proactiveUsed };
}
