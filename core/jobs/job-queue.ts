import { z } from 'zod';

/**
 * Background jobs. The database is the source of truth (a message row exists before its job), so a job is
 * only a doorbell: losing one delays work until the recovery sweep re-enqueues it, and running one twice
 * is harmless because every handler checks the row's status first.
 */
export const JOB_SCHEMAS = {
  'inbound.process': z.object({ messageId: z.uuid(), conversationId: z.uuid() }),
  'outbound.send': z.object({ messageId: z.uuid(), conversationId: z.uuid() }),
  /** A conversation became `waiting_officer`: put it in its unit's queue with an SLA deadline (bots/inbox). */
  'inbox.handoff': z.object({ conversationId: z.uuid() }),
  /** The SLA deadline of escalation `level` is due: escalate if still unclaimed. */
  'inbox.sla': z.object({ conversationId: z.uuid(), level: z.number().int().min(0) }),
  /** Hand a unit's waiting conversations to its available officers (units with auto-assignment). */
  'inbox.assign': z.object({ unitId: z.uuid() }),
  /** The daily mood job (bots/mood): early warning for the week ended, monthly reports on the 1st; schedules the next day. */
  'mood.daily': z.object({ day: z.iso.date() }),
  /** The monthly reports of one month (first day), every unit's subtree (bots/mood/monthly-reports.ts); idempotent. */
  'mood.reports': z.object({ month: z.iso.date() }),
  /** The dashboard's usual summaries computed ahead and kept (bots/mood/mood-warmup.ts, D-mood-12); queued by mood.daily. */
  'mood.warm': z.object({ day: z.iso.date() }),
  /**
   * One dashboard view nobody computed ahead, asked for with `Prefer: respond-async` (bots/mood/mood-view-jobs.ts,
   * D-mood-18): computes and keeps its figures. `viewKey` names the view (the job id dedupes on it).
   */
  'mood.view': z.object({
    viewKey: z.string().regex(/^[0-9a-f]{32}$/),
    unitId: z.uuid(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    channel: z.string().max(40).optional(),
    topic: z.string().max(60).optional(),
    bucket: z.enum(['week', 'month']),
    includeExcluded: z.boolean(),
  }),
  /** The daily retention purge (bots/privacy): deletes conversation content older than RETENTION_MESSAGE_MONTHS; schedules the next day. */
  'privacy.purge': z.object({ day: z.iso.date() }),
  /** A member asked in chat to erase their data (/xoadulieu): erase once their last replies are out (bots/privacy). */
  'privacy.erase': z.object({ memberId: z.uuid() }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export const JOB_NAMES = Object.keys(JOB_SCHEMAS) as JobName[];
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;

export interface EnqueueOptions {
  /** Deduplication key: a job whose id is already queued, running or recently finished is ignored. No `:`. */
  jobId: string;
  delayMs?: number;
}

/** One job of a bulk enqueue. */
export interface BulkJob<N extends JobName = JobName> {
  name: N;
  data: JobPayload<N>;
  options: EnqueueOptions;
}

export interface JobQueue {
  enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: EnqueueOptions): Promise<void>;
  /** Several jobs in one round trip where the queue can (BullMQ: one pipelined bulk add); same dedupe by job id. */
  enqueueBulk?(jobs: readonly BulkJob[]): Promise<void>;
}

/** Enqueues `jobs` in bulk when the queue can, one by one otherwise. */
export async function enqueueAll(queue: JobQueue, jobs: readonly BulkJob[]): Promise<void> {
  if (jobs.length === 0) return;
  if (queue.enqueueBulk) return queue.enqueueBulk(jobs);
  for (const job of jobs) await queue.enqueue(job.name, job.data, job.options);
}

export interface JobContext {
  id: string;
  /** 1 for the first run. */
  attempt: number;
}

/** Throw to retry with backoff; return normally when done (including when the work was already done). */
export type JobHandler<N extends JobName> = (data: JobPayload<N>, job: JobContext) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export interface JobRegistration<N extends JobName> {
  handler: JobHandler<N>;
  concurrency: number;
  retry: RetryPolicy;
  /** Called once when the last attempt failed, e.g. to mark an outbound message `failed` for officers. */
  onExhausted?: (data: JobPayload<N>, error: unknown) => Promise<void>;
}

/** Runs registered handlers for queued jobs. One per worker process. */
export interface JobRunner {
  register<N extends JobName>(name: N, registration: JobRegistration<N>): void;
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones to finish. */
  close(): Promise<void>;
}

/** Validates a payload read back from the queue (Redis is an edge like any other). */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOB_SCHEMAS[name].parse(data) as JobPayload<N>;
}

export function exponentialBackoff(policy: RetryPolicy, attempt: number): number {
  return policy.backoffMs * 2 ** Math.max(0, attempt - 1);
}
