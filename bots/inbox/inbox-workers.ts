import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { CommittedTurn } from '../../core/processing/process-inbound.js';
import type { InboxReadRepository } from '../storage/repositories/inbox-read-repository.js';
import type { InboxWriteRepository } from '../storage/repositories/inbox-write-repository.js';
import type { InboxPublisher } from './inbox-events.js';
import type { InboxQueue } from './inbox-queue.js';
import { startPeriodicSweep } from '../workers/periodic-sweep.js';

export interface InboxWorkerDeps {
  runner: JobRunner;
  queue: JobQueue;
  inboxQueue: InboxQueue;
  read: InboxReadRepository;
  write: InboxWriteRepository;
  publish: InboxPublisher;
  clock: Clock;
  logger: Logger;
  backoffMs: number;
}

/** The inbox's job handlers: queue a hand-off, escalate at its deadline, auto-assign a unit's queue. */
export function registerInboxWorkers(deps: InboxWorkerDeps): void {
  const retry = { attempts: 6, backoffMs: deps.backoffMs };
  deps.runner.register('inbox.handoff', { concurrency: 2, retry, handler: (data) => deps.inboxQueue.enterQueue(data.conversationId) });
  deps.runner.register('inbox.sla', { concurrency: 2, retry, handler: (data) => deps.inboxQueue.checkSla(data.conversationId, data.level) });
  // One at a time per process: two assignment runs for one unit could both pick the same least-busy officer.
  deps.runner.register('inbox.assign', { concurrency: 1, retry, handler: async (data) => void (await deps.inboxQueue.assignUnit(data.unitId)) });
}

/**
 * What the inbox does after a member's turn is committed: a new hand-off is queued (by job, so it survives
 * a crash here through the sweep), a member leaving ("quay lại trợ lý") frees the queue and the officer, and a
 * message forwarded to officers is announced live.
 */
export function createInboxTurnHook(deps: Omit<InboxWorkerDeps, 'runner' | 'backoffMs'>): (turn: CommittedTurn) => Promise<void> {
  return async (turn) => {
    try {
      if (turn.newState === 'waiting_officer' || turn.urgent) {
        await deps.queue.enqueue('inbox.handoff', { conversationId: turn.conversationId }, { jobId: `handoff-${turn.messageId}` });
      } else if (turn.newState === 'bot' || turn.newState === 'closed') {
        const { left, previousHolder } = await deps.write.leftByMember(turn.conversationId, deps.clock.now());
        const row = left ? await deps.read.findAny(turn.conversationId) : null;
        if (row) await deps.publish(turn.newState === 'bot' ? 'conversation.returned' : 'conversation.closed', row);
        if (previousHolder) await deps.inboxQueue.officerFreed(previousHolder);
      }
      if (turn.forwarded) {
        const row = await deps.read.findAny(turn.conversationId);
        if (row) await deps.publish('conversation.message', row);
      }
    } catch (error) {
      deps.logger.warn({ err: error, conversationId: turn.conversationId }, 'inbox step after a turn failed; the sweep will catch up');
    }
  };
}

/** Runs the inbox sweep now and every `intervalMs` (lost hand-off and deadline jobs). */
export function startInboxSweep(inboxQueue: InboxQueue, logger: Logger, intervalMs: number, databaseDown?: () => boolean): () => Promise<void> {
  return startPeriodicSweep({ name: 'inbox', run: () => inboxQueue.sweep(), intervalMs, logger, ...(databaseDown ? { databaseDown } : {}) });
}
