import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { RecoveryRepository } from '../storage/repositories/recovery-repository.js';
import { startPeriodicSweep } from './periodic-sweep.js';

export interface RecoverySweepDeps {
  recovery: RecoveryRepository;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Work pending longer than this without a live lease is re-enqueued. */
  graceMs: number;
}

/**
 * Re-enqueues work whose job was lost (a crash between the durable write and the enqueue, a Redis restart
 * without persistence, an in-process queue that died with its process). Jobs are idempotent, so a
 * re-enqueue of work that was merely slow costs a no-op run. Returns how many jobs it enqueued.
 */
export async function sweepOnce(deps: RecoverySweepDeps): Promise<number> {
  const now = deps.clock.now();
  const stalled = await deps.recovery.findStalled(now, deps.graceMs);
  // A fresh job id per sweep window, because the original id may still be remembered as completed.
  const window = Math.floor(now.getTime() / Math.max(deps.graceMs, 1000));
  for (const item of stalled) {
    const name = item.direction === 'in' ? 'inbound.process' : 'outbound.send';
    await deps.queue.enqueue(name, { messageId: item.messageId, conversationId: item.conversationId }, { jobId: `${item.messageId}-r${window}` });
  }
  if (stalled.length > 0) deps.logger.info({ count: stalled.length }, 'recovery sweep re-enqueued pending work');
  return stalled.length;
}

/** Runs the sweep now and then every `intervalMs` until stopped (backing off while it fails, see periodic-sweep.ts). */
export function startRecoverySweep(deps: RecoverySweepDeps, intervalMs: number, databaseDown?: () => boolean): () => Promise<void> {
  return startPeriodicSweep({ name: 'recovery', run: () => sweepOnce(deps), intervalMs, logger: deps.logger, ...(databaseDown ? { databaseDown } : {}) });
}
