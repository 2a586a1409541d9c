import type { JobQueue } from '../../core/jobs/job-queue.js';
import { cleanInboundEvent } from '../../core/messages/clean-inbound.js';
import type { InboundEvent } from '../../core/messages/inbound.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { IngestRepository } from '../storage/repositories/ingest-repository.js';

export type IngestOutcome =
  | { kind: 'message'; status: 'accepted' | 'duplicate'; messageId?: string; conversationId: string }
  | { kind: 'ignored'; reason: string };

/** Extra handling for channel events other than member messages (echoes, receipts...), owned by the channels. */
export type ChannelEventHandler = (event: Exclude<InboundEvent, { kind: 'message' }>) => Promise<IngestOutcome>;

export interface IngestServiceDeps {
  ingestRepository: IngestRepository;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  otherEvents?: ChannelEventHandler;
  /**
   * How long the acknowledgement waits for the enqueue. The message is already durable: with Redis down or
   * slow the platform still gets its answer, and the recovery sweep enqueues the stored message later.
   */
  enqueueTimeoutMs?: number;
}

class EnqueueTimeout extends Error {}

/** The enqueue, or a rejection after `ms` (the enqueue itself may still land later: the job id dedupes it). */
function bounded(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EnqueueTimeout(`enqueue took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Turns decoded webhook events into durable records, then rings the queue. The caller acknowledges the
 * platform only after this resolves: a crash before that means the platform redelivers, and the unique
 * platform id makes the redelivery a no-op if the first write did land.
 */
export function createIngestService(deps: IngestServiceDeps) {
  return {
    async ingest(decoded: InboundEvent[]): Promise<IngestOutcome[]> {
      const outcomes: IngestOutcome[] = [];
      const receivedAt = deps.clock.now();
      for (const event of decoded.map((e) => cleanInboundEvent(e, receivedAt))) {
        if (event.kind !== 'message') {
          outcomes.push(deps.otherEvents ? await deps.otherEvents(event) : { kind: 'ignored', reason: event.kind });
          if (event.kind === 'ignored') deps.logger.debug({ channel: event.channel, reason: event.reason }, 'event ignored');
          continue;
        }
        const result = await deps.ingestRepository.recordInbound({
          channel: event.channel,
          platformMessageId: event.platformMessageId,
          sender: event.sender,
          content: event.content,
          sentAt: event.sentAt,
          receivedAt: deps.clock.now(),
          joinCode: event.joinCode,
        });
        deps.metrics.inboundMessages.inc({ channel: event.channel, outcome: result.status });
        if (result.status === 'accepted') {
          // If this enqueue is lost (crash, Redis down), the recovery sweep finds the `received` row.
          const enqueue = deps.queue.enqueue('inbound.process', { messageId: result.messageId, conversationId: result.conversationId }, { jobId: result.messageId });
          // A late failure after the timeout must not become an unhandled rejection.
          enqueue.catch(() => undefined);
          await bounded(enqueue, deps.enqueueTimeoutMs ?? 250)
            .catch((error: unknown) => deps.logger.warn({ err: error, messageId: result.messageId }, 'enqueue failed; the sweep will pick it up'));
          outcomes.push({ kind: 'message', status: 'accepted', messageId: result.messageId, conversationId: result.conversationId });
        } else {
          outcomes.push({ kind: 'message', status: 'duplicate', conversationId: result.conversationId });
        }
      }
      return outcomes;
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
