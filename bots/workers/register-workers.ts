import type { ChannelAdapter } from '../../core/channels/channel-adapter.js';
import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { ChannelId } from '../../core/messages/channels.js';
import { deliverConversationOutbound, type DeliverOutboundDeps } from '../../core/processing/deliver-outbound.js';
import { processConversationInbound, type ProcessInboundDeps } from '../../core/processing/process-inbound.js';
import { createInboundBatcher } from '../../core/processing/turn-batcher.js';
import type { Metrics } from '../observability/metrics.js';

export interface WorkerDeps {
  runner: JobRunner;
  /** Where delayed retries are enqueued (the same queue the runner consumes). */
  runnerQueue: JobQueue;
  inbound: ProcessInboundDeps;
  outbound: Omit<DeliverOutboundDeps, 'adapters'>;
  adapters: (channel: ChannelId) => ChannelAdapter | undefined;
  metrics: Metrics;
  concurrency: number;
  backoffMs: number;
  /**
   * Turns of up to this many conversations in one round (claim, load, commit: core/processing/turn-batcher.ts);
   * absent or 1 = each job drains its conversation alone.
   */
  inboundBatch?: number;
  /** Deliveries (conversation drains) at once; absent = `concurrency`. */
  outboundConcurrency?: number;
}

/**
 * The two job handlers. Each drains its whole conversation (see core/processing), so job order does not
 * matter and duplicates are harmless.
 */
export function registerWorkers(deps: WorkerDeps): void {
  // cd_turns_total and cd_outbound_messages_total count here, after the commit / the stored delivery outcome (the
  // embedded benchmark waits on them to know the process has drained its work).
  const inbound: ProcessInboundDeps = {
    ...deps.inbound,
    onCommitted: async (turn) => {
      deps.metrics.turns.inc({ route: turn.route });
      await deps.inbound.onCommitted?.(turn);
    },
  };
  const onSettled = deps.outbound.onSettled;
  const outbound: Omit<DeliverOutboundDeps, 'adapters'> = {
    ...deps.outbound,
    onSettled: async (settled) => {
      deps.metrics.outboundMessages.inc({ channel: settled.channel, status: settled.status });
      await onSettled?.(settled);
    },
  };
  const batch = deps.inboundBatch ?? 1;
  const batcher = batch > 1 ? createInboundBatcher(inbound, batch) : null;
  deps.runner.register('inbound.process', {
    // A batched job only waits for its conversation's round: twice the batch lets the next round gather while one runs.
    concurrency: batcher ? Math.max(deps.concurrency, 2 * batch) : deps.concurrency,
    retry: { attempts: 8, backoffMs: deps.backoffMs },
    handler: async (data) => {
      if (batcher) await batcher.drain(data.conversationId);
      else await processConversationInbound(inbound, data.conversationId);
    },
  });
  deps.runner.register('outbound.send', {
    concurrency: deps.outboundConcurrency ?? deps.concurrency,
    // One more job attempt than message attempts: the last one marks the message failed and moves on.
    retry: { attempts: deps.outbound.maxAttempts + 1, backoffMs: deps.backoffMs },
    handler: async (data, job) => {
      try {
        await deliverConversationOutbound({ ...outbound, adapters: deps.adapters }, data.conversationId);
      } catch (error) {
        // The platform named its own wait: come back exactly then instead of after the queue's backoff.
        const retryAfterMs = isAppError(error) ? error.details.retryAfterMs : undefined;
        if (typeof retryAfterMs !== 'number') throw error;
        await deps.runnerQueue.enqueue('outbound.send', data, { jobId: `${data.messageId}-ra${job.attempt}-${Date.now()}`, delayMs: Math.min(retryAfterMs, 15 * 60_000) });
      }
    },
  });
}
