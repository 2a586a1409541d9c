import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Db } from '../storage/database.js';
import type { MoodAlertRepository } from '../storage/repositories/mood-alert-repository.js';
import { vietnamDay } from '../storage/repositories/processing-repository.js';
import { runEarlyWarning } from './early-warning.js';
import { previousMonth, type MonthlyReports } from './monthly-reports.js';
import type { MoodWarmup } from './mood-warmup.js';

const DAY_MS = 86_400_000;
/** The daily job runs at 06:00 in Vietnam, before leaders open the dashboard. */
const RUN_HOUR_VIETNAM = 6;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const runAt = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + RUN_HOUR_VIETNAM * 3_600_000);

export interface MoodWorkerDeps {
  runner: JobRunner;
  queue: JobQueue;
  db: Db;
  alerts: MoodAlertRepository;
  k: number;
  clock: Clock;
  logger: Logger;
  backoffMs: number;
  /** Monthly reports of the month before, queued on the 1st (bots/mood/monthly-reports.ts). */
  monthlyReports?: MonthlyReports;
  /** The dashboard's usual summaries, computed ahead every day (bots/mood/mood-warmup.ts). */
  warmup?: MoodWarmup;
}

/** Queues the reports of `month` (one job id per month: queuing it again while it waits changes nothing). */
export async function scheduleMonthlyReports(queue: JobQueue, month: string): Promise<void> {
  await queue.enqueue('mood.reports', { month }, { jobId: `mood-reports-${month}` });
}

/** Enqueues the daily job of `day` at its hour (a job id per day: enqueuing it again changes nothing). */
export async function scheduleMoodDaily(queue: JobQueue, day: string, now: Date): Promise<void> {
  await queue.enqueue('mood.daily', { day }, { jobId: `mood-daily-${day}`, delayMs: Math.max(0, runAt(day).getTime() - now.getTime()) });
}

/**
 * The daily mood job, a chain of queue jobs (no timers in the process): each run looks for unusual rises in the
 * week that ended the day before, makes the monthly reports on the 1st, then schedules the next day. Starting the
 * workers schedules the next run, so a lost job is replaced at the next start.
 */
export function registerMoodWorkers(deps: MoodWorkerDeps): { scheduleNext(): Promise<void> } {
  deps.runner.register('mood.daily', {
    concurrency: 1,
    retry: { attempts: 3, backoffMs: deps.backoffMs },
    handler: async ({ day }) => {
      const now = deps.clock.now();
      const result = await runEarlyWarning({ db: deps.db, alerts: deps.alerts, k: deps.k }, addDays(day, -1), now);
      deps.logger.info({ day, candidates: result.candidates, alerts: result.created.length }, 'mood early warning ran');
      if (day.endsWith('-01') && deps.monthlyReports) await scheduleMonthlyReports(deps.queue, previousMonth(day));
      // Its own job: a slow computation (a national year on a large database) neither delays nor repeats the above.
      if (deps.warmup) await deps.queue.enqueue('mood.warm', { day }, { jobId: `mood-warm-${day}` });
      await scheduleMoodDaily(deps.queue, addDays(day, 1), now);
    },
  });
  const warmup = deps.warmup;
  if (warmup) {
    deps.runner.register('mood.warm', {
      concurrency: 1,
      retry: { attempts: 3, backoffMs: deps.backoffMs },
      handler: async () => {
        await warmup.run();
      },
    });
  }
  const reports = deps.monthlyReports;
  if (reports) {
    deps.runner.register('mood.reports', {
      concurrency: 1,
      retry: { attempts: 5, backoffMs: deps.backoffMs },
      handler: async ({ month }) => {
        await reports.generate(month);
      },
    });
  }
  return {
    async scheduleNext() {
      const now = deps.clock.now();
      const today = vietnamDay(now);
      await scheduleMoodDaily(deps.queue, runAt(today) > now ? today : addDays(today, 1), now);
      // A process that was down on the 1st (or lost an in-process job) finishes last month's reports now: the job
      // skips every unit that has its report, so this costs one query when nothing is missing.
      if (deps.monthlyReports && runAt(`${today.slice(0, 7)}-01`) <= now) await scheduleMonthlyReports(deps.queue, previousMonth(today));
    },
  };
}
