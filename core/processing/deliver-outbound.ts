import { AppError } from '../errors/app-error.js';
import { OUTAGE_HOLD_CODE, type ChannelAdapter } from '../channels/channel-adapter.js';
import type { ChannelId } from '../messages/channels.js';
import type { OutboundMessage } from '../messages/outbound.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { startLeaseHeartbeat, systemTimers, type LeaseHeartbeat, type Timers } from './lease-heartbeat.js';
import type { OutboundDeliveryStore, PendingOutbound } from './processing-store.js';

export interface DeliverOutboundDeps {
  store: OutboundDeliveryStore;
  adapters: (channel: ChannelId) => ChannelAdapter | undefined;
  clock: Clock;
  logger: Logger;
  /** A reply's lease without a sign of life; a running send renews it every leaseMs / 3 (see lease-heartbeat.ts). */
  leaseMs: number;
  /** The heartbeat's timer; default the process's own. */
  timers?: Timers;
  /** Attempts per message before it is marked failed (visible to officers). */
  maxAttempts: number;
  /**
   * Told after a message's delivery settled (its new status is stored): the officers' inbox shows it live.
   * Best effort: a failure here is logged and never undoes or repeats the delivery.
   */
  onSettled?: (settled: SettledDelivery) => Promise<void>;
}

/** One message's delivery outcome, as stored: ids and the status only, never the words. */
export interface SettledDelivery {
  conversationId: string;
  channel: ChannelId;
  messageId: string;
  author: OutboundMessage['author'];
  status: 'sent' | 'held' | 'failed';
}

/**
 * Sends the queued replies of one conversation in order. A retryable failure stops the drain (later
 * replies must not overtake it) and throws so the queue retries with backoff; a permanent failure or an
 * exhausted message is marked failed and the drain goes on; a policy refusal holds the message for officers.
 */
export async function deliverConversationOutbound(deps: DeliverOutboundDeps, conversationId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const now = deps.clock.now();
    const leasedUntil = new Date(now.getTime() + deps.leaseMs);
    const pending = await deps.store.claimNextOutbound(conversationId, leasedUntil, now);
    if (!pending) return sent;
    const messageId = pending.message.id;
    // A slow send (a platform taking its time, a large upload) keeps its lease: no other worker sends it meanwhile.
    const lease = startLeaseHeartbeat({
      leasedUntil: pending.leasedUntil ?? leasedUntil,
      leaseMs: deps.leaseMs,
      renew: (from, until) => deps.store.renewLease(messageId, from, until),
      clock: deps.clock,
      timers: deps.timers ?? systemTimers,
      logger: deps.logger,
      messageId,
    });
    // Sent, held and failed each clear the lease in their own write; only a retry (a throw) must release it here.
    let morePending: boolean | undefined;
    const outcome = await deliverOne(deps, pending, lease, (more) => (morePending = more))
      .catch(async (error: unknown) => {
        await lease.stop();
        if (!lease.lost) await deps.store.releaseMessage(messageId).catch(() => undefined);
        throw error;
      })
      .finally(() => lease.stop());
    // Taken over by another worker before this one sent it: that worker sends it and drains what follows.
    if (outcome === 'lost') return sent;
    if (outcome === 'sent') sent++;
    await announce(deps, { conversationId, channel: pending.message.channel, messageId: pending.message.id, author: pending.message.author, status: outcome });
    // The sent mark said no other reply waits (embedded database): a reply queued later rings its own doorbell.
    if (morePending === false) return sent;
  }
}

async function announce(deps: DeliverOutboundDeps, settled: SettledDelivery): Promise<void> {
  if (!deps.onSettled) return;
  try {
    await deps.onSettled(settled);
  } catch (error) {
    deps.logger.warn({ err: error, messageId: settled.messageId }, 'could not announce the delivery to the inbox');
  }
}

/** `morePending`: told what the sent mark read (see OutboundDeliveryStore.markSent). */
async function deliverOne(
  deps: DeliverOutboundDeps,
  { message, delivery }: PendingOutbound,
  lease: LeaseHeartbeat,
  morePending: (more: boolean | undefined) => void,
): Promise<'sent' | 'held' | 'failed' | 'lost'> {
  const messageId = message.id;
  const now = delivery.now;
  const adapter = deps.adapters(message.channel);
  if (!adapter) {
    await deps.store.markFailed(messageId, 'CHANNEL_NOT_CONFIGURED', `channel ${message.channel} is not enabled`, now);
    return 'failed';
  }
  const decision = adapter.checkPolicy?.(message, delivery) ?? { allow: true as const, plan: undefined };
  if (!decision.allow) {
    await deps.store.markHeld(messageId, decision.code, decision.reason, now);
    deps.logger.warn({ messageId, code: decision.code }, 'reply held by channel policy');
    return 'held';
  }
  // The last moment to notice that the lease went to another worker (this one stalled): it must not send as well.
  if (lease.lost) {
    deps.logger.warn({ messageId }, 'reply not sent here: its lease was taken over by another worker');
    return 'lost';
  }
  // One decision, one clock: the send gets the plan the policy made on this context, and never plans again.
  const result = await adapter.send(message, { plan: decision.plan, context: delivery });
  if (result.ok) {
    const marked = await deps.store.markSent(messageId, result.platformMessageIds, decision.channelState ?? null, deps.clock.now());
    morePending(marked.morePending);
    return 'sent';
  }
  if (!result.retryable && result.outage) return holdForOutage(deps, messageId, result.code, result.detail);
  if (!result.retryable) {
    await deps.store.markFailed(messageId, result.code, result.detail, deps.clock.now());
    deps.logger.warn({ messageId, code: result.code }, 'reply failed permanently');
    return 'failed';
  }
  // A platform that says "slow down, retry after N ms" has not refused the message: that wait is not an attempt.
  if (result.code === 'RATE_LIMITED' && result.retryAfterMs !== undefined) {
    throw new AppError('RATE_LIMITED', `rate limited by the platform: ${result.detail}`, { details: { retryAfterMs: result.retryAfterMs } });
  }
  const attempts = await deps.store.recordFailedAttempt(messageId, result.code, result.detail);
  if (attempts >= deps.maxAttempts && result.outage) return holdForOutage(deps, messageId, result.code, `after ${attempts} attempts: ${result.detail}`);
  if (attempts >= deps.maxAttempts) {
    await deps.store.markFailed(messageId, result.code, `gave up after ${attempts} attempts: ${result.detail}`, deps.clock.now());
    return 'failed';
  }
  throw new AppError('CHANNEL_SEND_FAILED', `send failed (${result.code}), will retry: ${result.detail}`, {
    details: { retryAfterMs: result.retryAfterMs ?? null, attempts },
  });
}

/**
 * The channel is down, not the message: failing it would lose the reply. It waits, visible to officers
 * as held, and goes out once when the channel reports it works again (bots/channels/shared/channel-health.ts).
 */
async function holdForOutage(deps: DeliverOutboundDeps, messageId: string, code: string, detail: string): Promise<'held'> {
  await deps.store.markHeld(messageId, OUTAGE_HOLD_CODE, `${code}: ${detail}`, deps.clock.now());
  deps.logger.warn({ messageId, code }, 'reply held until the channel recovers');
  return 'held';
}
