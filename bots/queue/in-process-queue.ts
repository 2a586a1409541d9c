import {
  exponentialBackoff,
  parseJobPayload,
  type EnqueueOptions,
  type JobName,
  type JobPayload,
  type JobQueue,
  type JobRegistration,
  type JobRunner,
} from '../../core/jobs/job-queue.js';
import type { Logger } from '../../core/ports/logger.js';
import { silentLogger } from '../../core/ports/logger.js';

interface QueuedJob {
  name: JobName;
  id: string;
  data: unknown;
  attempt: number;
}

/**
 * The queue used when REDIS_URL is not set: same interface and semantics as the BullMQ one (job id
 * dedupe, per-name concurrency, retries with exponential backoff, `onExhausted`), held in memory. Jobs are
 * lost with the process, which is fine because the database is the source of truth: the recovery sweep
 * re-enqueues whatever is still pending at the next start.
 */
export function createInProcessQueue(options: { logger?: Logger; recentIdsTtlMs?: number } = {}): JobQueue & JobRunner & { whenIdle(): Promise<void> } {
  const logger = options.logger ?? silentLogger;
  const recentTtl = options.recentIdsTtlMs ?? 60 * 60_000;
  const registrations = new Map<JobName, JobRegistration<JobName>>();
  const waiting = new Map<JobName, QueuedJob[]>();
  const active = new Map<JobName, number>();
  const knownIds = new Map<string, number>(); // id -> time it finished (Infinity while queued or running)
  const timers = new Set<NodeJS.Timeout>();
  let started = false;
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const key = (name: JobName, id: string) => `${name}\u0000${id}`;

  function pendingCount(): number {
    let count = timers.size;
    for (const jobs of waiting.values()) count += jobs.length;
    for (const n of active.values()) count += n;
    return count;
  }

  function notifyIdle(): void {
    if (pendingCount() > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  function pump(name: JobName): void {
    const registration = registrations.get(name);
    if (!registration || !started || closing) return;
    const queue = waiting.get(name) ?? [];
    while (queue.length > 0 && (active.get(name) ?? 0) < registration.concurrency) {
      const job = queue.shift() as QueuedJob;
      active.set(name, (active.get(name) ?? 0) + 1);
      void run(registration, job).finally(() => {
        active.set(name, (active.get(name) ?? 1) - 1);
        pump(name);
        notifyIdle();
      });
    }
  }

  async function run(registration: JobRegistration<JobName>, job: QueuedJob): Promise<void> {
    try {
      const data = parseJobPayload(job.name, job.data);
      await registration.handler(data, { id: job.id, attempt: job.attempt });
      knownIds.set(key(job.name, job.id), Date.now());
    } catch (error) {
      if (job.attempt < registration.retry.attempts && !closing) {
        const delay = exponentialBackoff(registration.retry, job.attempt);
        logger.debug({ job: job.name, id: job.id, attempt: job.attempt, delay }, 'job failed; retrying');
        const timer = setTimeout(() => {
          timers.delete(timer);
          push({ ...job, attempt: job.attempt + 1 });
        }, delay);
        timers.add(timer);
        return;
      }
      knownIds.set(key(job.name, job.id), Date.now());
      logger.warn({ job: job.name, id: job.id, err: error }, 'job failed for good');
      await registration.onExhausted?.(job.data as never, error).catch((hookError: unknown) => {
        logger.error({ err: hookError }, 'onExhausted hook failed');
      });
    }
  }

  function push(job: QueuedJob): void {
    const list = waiting.get(job.name) ?? [];
    list.push(job);
    waiting.set(job.name, list);
    pump(job.name);
  }

  let forgotAt = 0;
  function forgetOldIds(): void {
    // At most once a second: the map holds an hour of job ids, and walking it on every enqueue cost more than the
    // enqueue itself at a few hundred messages a second (issue #12).
    const now = Date.now();
    if (now - forgotAt < 1000) return;
    forgotAt = now;
    const cutoff = now - recentTtl;
    for (const [id, finishedAt] of knownIds) if (finishedAt < cutoff) knownIds.delete(id);
  }

  async function enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: EnqueueOptions): Promise<void> {
    if (closing) return;
    forgetOldIds();
    const id = key(name, options.jobId);
    if (knownIds.has(id)) return;
    knownIds.set(id, Number.POSITIVE_INFINITY);
    const job: QueuedJob = { name, id: options.jobId, data, attempt: 1 };
    if (options.delayMs && options.delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        push(job);
      }, options.delayMs);
      timers.add(timer);
    } else {
      push(job);
    }
  }

  return {
    enqueue,

    async enqueueBulk(jobs) {
      for (const job of jobs) await enqueue(job.name, job.data, job.options);
    },

    register(name, registration) {
      registrations.set(name, registration as unknown as JobRegistration<JobName>);
      pump(name);
    },

    async start() {
      started = true;
      for (const name of registrations.keys()) pump(name);
    },

    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.clear();
      while ([...active.values()].some((n) => n > 0)) await new Promise((resolve) => setTimeout(resolve, 10));
    },

    whenIdle() {
      if (pendingCount() === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
