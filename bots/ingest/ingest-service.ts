import { enqueueAll, type JobQueue } from '../../core/jobs/job-queue.js';
import { cleanInboundEvent } from '../../core/messages/clean-inbound.js';
import type { InboundEvent, InboundMessageEvent } from '../../core/messages/inbound.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { HeldReplyRepository } from '../storage/repositories/held-reply-repository.js';
import type { BatchInboundResult, IngestRepository, RecordInboundInput } from '../storage/repositories/ingest-repository.js';
import { FLOOD_NOTICE_VI, type FloodGuard } from './flood-guard.js';
import { createMicroBatcher } from './micro-batcher.js';

export type IngestOutcome =
  | { kind: 'message'; status: 'accepted' | 'duplicate'; messageId?: string; conversationId: string }
  | { kind: 'ignored'; reason: string }
  /** Over the sender's flood limit: acknowledged, not stored (the sender got one kind notice per window). */
  | { kind: 'limited'; retryAfterSeconds: number };

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
  /** Releases replies held by a closed window when the member writes again (issue #15 finding 7). */
  heldReplies?: Pick<HeldReplyRepository, 'releaseOnReopen'>;
  /** Flood limit per sender (issue #13); none in tests that do not ask for it. */
  flood?: FloodGuard;
  /**
   * Group commit of concurrent requests (issue #12): their messages are stored by one statement in one commit and
   * enqueued in one bulk call. Defaults: batches of up to 200, the first message waits at most 2 ms, 4 batches at
   * once (use 1 on PGlite, which has a single connection).
   */
  batch?: { maxBatch?: number; maxWaitMs?: number; maxInFlight?: number };
  /**
   * Runs the durable insert ahead of other database work waiting for the embedded database's single connection, so
   * acknowledgements do not queue behind the in-process workers' turns (Database.first); absent = as is.
   */
  runFirst?: <T>(work: () => Promise<T>) => Promise<T>;
}

class EnqueueTimeout extends Error {}

/** The enqueue, or a rejection after `ms` (the enqueue itself may still land later: the job id dedupes it). */
function bounded(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EnqueueTimeout(`enqueue took longer than ${ms} ms`)), ms);
    // A stalled Redis must not keep a stopping process alive for the bound.
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Turns decoded webhook events into durable records, then rings the queue. The caller acknowledges the
 * platform only after this resolves: a crash before that means the platform redelivers, and the unique
 * platform id makes the redelivery a no-op if the first write did land.
 */
export function createIngestService(deps: IngestServiceDeps) {
  const runFirst = deps.runFirst ?? (<T>(work: () => Promise<T>) => work());

  /**
   * One batch: one insert for all, one bulk enqueue for the accepted ones (bounded like a single enqueue: the
   * messages are durable, the sweep enqueues what Redis did not take). When the batch statement itself fails, its
   * messages are stored one by one, so one message that the database refuses fails only its own request.
   */
  async function storeBatch(inputs: RecordInboundInput[]): Promise<PromiseSettledResult<BatchInboundResult>[]> {
    const results = await runFirst(() => insertAll(inputs));
    // The acknowledgement waits for the commit, not for Redis: the messages are durable, and an enqueue lost to a
    // crash or an outage is made good by the recovery sweep (the same path as Redis down, D-hardening-3). Waiting
    // here cost every request a round trip to a Redis busy with the queue's own scripts (2–3 ms p50, 12–15 ms p99).
    enqueueAccepted(results);
    return results;
  }

  async function insertAll(inputs: RecordInboundInput[]): Promise<PromiseSettledResult<BatchInboundResult>[]> {
    let results: PromiseSettledResult<BatchInboundResult>[];
    try {
      results = (await deps.ingestRepository.recordInboundBatch(inputs)).map((value) => ({ status: 'fulfilled', value }) as const);
    } catch (error) {
      deps.logger.warn({ err: error, messages: inputs.length }, 'batch insert failed; storing its messages one by one');
      results = [];
      for (const input of inputs) {
        try {
          results.push({ status: 'fulfilled', value: await deps.ingestRepository.recordInbound(input) });
        } catch (single) {
          results.push({ status: 'rejected', reason: single });
        }
      }
    }
    return results;
  }

  function enqueueAccepted(results: PromiseSettledResult<BatchInboundResult>[]): void {
    const jobs = results.flatMap((result) =>
      result.status === 'fulfilled' && result.value.status === 'accepted'
        ? [{ name: 'inbound.process' as const, data: { messageId: result.value.messageId, conversationId: result.value.conversationId }, options: { jobId: result.value.messageId } }]
        : [],
    );
    // If this enqueue is lost (crash, Redis down), the recovery sweep finds the `received` rows.
    if (jobs.length > 0) enqueueInBackground(enqueueAll(deps.queue, jobs), { messages: jobs.length }, 'enqueue failed; the sweep will pick them up');
  }
  const batcher = createMicroBatcher<RecordInboundInput, BatchInboundResult>({
    run: storeBatch,
    maxBatch: deps.batch?.maxBatch ?? 200,
    maxWaitMs: deps.batch?.maxWaitMs ?? 2,
    maxInFlight: deps.batch?.maxInFlight ?? 4,
  });

  /** An enqueue the acknowledgement does not wait for: bounded, and a failure is only logged (the row is durable). */
  function enqueueInBackground(enqueue: Promise<void>, context: object, failure: string): void {
    void bounded(enqueue, deps.enqueueTimeoutMs ?? 250).catch((error: unknown) => deps.logger.warn({ err: error, ...context }, failure));
  }

  /**
   * The member's new message reopened the window: replies held for it go out before the answer to this one
   * (they are older, and a conversation's replies are sent in order). A failure here must not fail the
   * webhook: the replies stay held and the next message tries again.
   */
  async function releaseHeld(conversationId: string): Promise<void> {
    if (!deps.heldReplies) return;
    try {
      const now = deps.clock.now();
      for (const released of await deps.heldReplies.releaseOnReopen(conversationId, now)) {
        // Not awaited, like the inbound enqueue (D-hardening-13): the released reply is a durable `queued` row
        // created before the grace period, so the recovery sweep sends it if this enqueue is lost to Redis.
        enqueueInBackground(deps.queue.enqueue('outbound.send', { messageId: released.id, conversationId }, { jobId: `${released.id}-release-${now.getTime()}` }), { conversationId }, 'held reply enqueue failed; the sweep will send it');
      }
    } catch (error) {
      deps.logger.warn({ err: error, conversationId }, 'could not release held replies; they stay held');
    }
  }

  /** The one kind notice of a flood window, sent like any bot reply; a failure only costs the notice. */
  async function sendFloodNotice(event: InboundMessageEvent): Promise<void> {
    try {
      const notice = await deps.ingestRepository.recordNotice(
        { channel: event.channel, platformMessageId: event.platformMessageId, sender: event.sender, content: event.content, sentAt: event.sentAt, receivedAt: deps.clock.now() },
        FLOOD_NOTICE_VI,
      );
      enqueueInBackground(deps.queue.enqueue('outbound.send', notice, { jobId: notice.messageId }), { channel: event.channel }, 'flood notice enqueue failed; the sweep will send it');
    } catch (error) {
      deps.logger.warn({ err: error, channel: event.channel }, 'could not send the flood notice');
    }
  }

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
        const verdict = deps.flood ? await deps.flood.admit(event) : ({ ok: true } as const);
        if (!verdict.ok) {
          deps.metrics.inboundMessages.inc({ channel: event.channel, outcome: 'flood_limited' });
          if (verdict.firstRefusal) await sendFloodNotice(event);
          outcomes.push({ kind: 'limited', retryAfterSeconds: verdict.retryAfterSeconds });
          continue;
        }
        const result = await batcher.submit({
          channel: event.channel,
          platformMessageId: event.platformMessageId,
          sender: event.sender,
          content: event.content,
          sentAt: event.sentAt,
          receivedAt: deps.clock.now(),
          joinCode: event.joinCode,
          address: event.address,
          mediaGroup: event.mediaGroup,
        });
        deps.metrics.inboundMessages.inc({ channel: event.channel, outcome: result.status });
        if (result.status === 'accepted') {
          // Only when the batch saw held replies in this conversation (a probe per message otherwise).
          if (result.hasHeld !== false) await releaseHeld(result.conversationId);
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
