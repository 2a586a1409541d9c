import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { vietnamDay } from '../storage/repositories/processing-repository.js';
import { runRetentionPurge, type PurgeDeps } from './retention-purge.js';

const DAY_MS = 86_400_000;
/** 03:00 in Vietnam: the quietest hour, and before the mood job at 06:00. */
const RUN_HOUR_VIETNAM = 3;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const runAt = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + RUN_HOUR_VIETNAM * 3_600_000);

export interface RetentionWorkerDeps extends Omit<PurgeDeps, 'actor'> {
  runner: JobRunner;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  backoffMs: number;
  /** Other daily privacy duties run by the same job (the sweep of members' erasure requests). */
  alsoDaily?: () => Promise<unknown>;
}

async function schedule(queue: JobQueue, day: string, now: Date): Promise<void> {
  // One job id per day: several processes scheduling the same day enqueue it once.
  await queue.enqueue('privacy.purge', { day }, { jobId: `privacy-purge-${day}`, delayMs: Math.max(0, runAt(day).getTime() - now.getTime()) });
}

/**
 * The daily retention purge, a chain of queue jobs like the mood job (no timers): each run deletes what has
 * expired, then schedules the next day. Starting the workers schedules the next run, so a lost job is replaced
 * at the next start. With retention off (0 months) the job still runs for its other duties and deletes nothing.
 */
export function registerRetentionWorkers(deps: RetentionWorkerDeps): { scheduleNext(): Promise<void> } {
  deps.runner.register('privacy.purge', {
    concurrency: 1,
    retry: { attempts: 3, backoffMs: deps.backoffMs },
    handler: async ({ day }) => {
      const now = deps.clock.now();
      const report = await runRetentionPurge({ ...deps, actor: 'system' }, now, { dryRun: false });
      deps.logger.info({ day, ...report }, 'retention purge ran');
      await deps.alsoDaily?.();
      await schedule(deps.queue, addDays(day, 1), now);
    },
  });
  return {
    async scheduleNext() {
      const now = deps.clock.now();
      const today = vietnamDay(now);
      await schedule(deps.queue, runAt(today) > now ? today : addDays(today, 1), now);
    },
  };
}
