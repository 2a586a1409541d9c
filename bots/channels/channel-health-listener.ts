import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { HeldReplyRepository } from '../storage/repositories/held-reply-repository.js';
import { CHANNEL_HEALTH_STATES, type ChannelHealthListener } from './shared/channel-health.js';

/**
 * What the platform does when a channel's health changes: the gauge in /metrics follows the state, and once
 * the channel works again every reply held during the outage is queued again (each goes out once: the
 * release turns `held` into `queued` in one statement, so two processes seeing the recovery cannot both take
 * it). Periodic confirmations release too, for a reply held in a race with the recovery.
 */
export function createChannelHealthListener(deps: {
  heldReplies: Pick<HeldReplyRepository, 'releaseAfterOutage'>;
  queue: Pick<JobQueue, 'enqueue'>;
  metrics: Pick<Metrics, 'channelHealth' | 'channelOutageReleases'>;
  clock: Clock;
  logger: Logger;
}): ChannelHealthListener {
  async function release(channel: string): Promise<void> {
    const now = deps.clock.now();
    const released = await deps.heldReplies.releaseAfterOutage(channel, now);
    if (released.length === 0) return;
    deps.metrics.channelOutageReleases.inc({ channel }, released.length);
    deps.logger.info({ channel, count: released.length }, 'channel works again: held replies queued');
    for (const reply of released) {
      // A lost doorbell only delays the reply: the recovery sweep finds queued replies.
      await deps.queue
        .enqueue('outbound.send', { messageId: reply.id, conversationId: reply.conversationId }, { jobId: `${reply.id}-outage-${now.getTime()}` })
        .catch((error: unknown) => deps.logger.warn({ err: error, messageId: reply.id }, 'could not queue a released reply; the sweep will'));
    }
  }

  return (snapshot, event) => {
    for (const state of CHANNEL_HEALTH_STATES) deps.metrics.channelHealth.set({ channel: snapshot.channel, state }, state === snapshot.state ? 1 : 0);
    if (snapshot.state !== 'ok' || (event.previous === 'ok' && !event.confirmed)) return;
    release(snapshot.channel).catch((error: unknown) => deps.logger.warn({ err: error, channel: snapshot.channel }, 'could not release held replies; the next check tries again'));
  };
}
