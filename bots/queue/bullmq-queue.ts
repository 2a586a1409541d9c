import { Queue, Worker, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import {
  JOB_NAMES,
  parseJobPayload,
  type BulkJob,
  type EnqueueOptions,
  type JobName,
  type JobPayload,
  type JobQueue,
  type JobRegistration,
  type JobRunner,
} from '../../core/jobs/job-queue.js';
import type { Logger } from '../../core/ports/logger.js';
import { silentLogger } from '../../core/ports/logger.js';

export interface BullMqOptions {
  redisUrl: string;
  /** Key prefix; tests use a random one per suite. */
  prefix?: string;
  logger?: Logger;
  /** How long a job may run before BullMQ treats its worker as dead and hands the job to another. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

function connectionFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    maxRetriesPerRequest: null,
  };
}

/**
 * The production queue: BullMQ on Redis. One BullMQ queue per job name. Completed jobs are kept an hour
 * so that a platform's redelivery within that time is deduplicated by job id even before the database
 * check; failed ones a week for inspection.
 */
export function createBullMqQueue(options: BullMqOptions): JobQueue & JobRunner & { ping(): Promise<void> } {
  const logger = options.logger ?? silentLogger;
  const connection = connectionFromUrl(options.redisUrl);
  const prefix = options.prefix ?? 'cd';
  const queues = new Map<JobName, Queue>();
  const registrations = new Map<JobName, JobRegistration<JobName>>();
  const workers: Worker[] = [];

  function queueFor(name: JobName): Queue {
    let queue = queues.get(name);
    if (!queue) {
      // Producers only: commands issued in the same tick share one socket write (writes dominate the ack path's CPU).
      // Unlike workers, producers fail fast when Redis is away (one reconnect attempt per command): the caller
      // has stored the message already and the sweep enqueues it later; a command waiting forever would hang
      // every acknowledgement for as long as Redis is down (issue #13).
      queue = new Queue(name, { connection: { ...connection, enableAutoPipelining: true, maxRetriesPerRequest: 1 }, prefix });
      queue.on('error', (error) => logger.warn({ err: error, queue: name }, 'queue connection error'));
      queues.set(name, queue);
    }
    return queue;
  }

  function jobOptions(name: JobName, enqueueOptions: EnqueueOptions) {
    const registration = registrations.get(name);
    return {
      jobId: enqueueOptions.jobId,
      delay: enqueueOptions.delayMs,
      attempts: registration?.retry.attempts ?? 5,
      backoff: { type: 'exponential', delay: registration?.retry.backoffMs ?? 1000 },
      removeOnComplete: { age: 3600, count: 100_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  return {
    async enqueue<N extends JobName>(name: N, data: JobPayload<N>, enqueueOptions: EnqueueOptions): Promise<void> {
      await queueFor(name).add(name, data, jobOptions(name, enqueueOptions));
    },

    async enqueueBulk(jobs: readonly BulkJob[]): Promise<void> {
      const byName = new Map<JobName, BulkJob[]>();
      for (const job of jobs) byName.set(job.name, [...(byName.get(job.name) ?? []), job]);
      // addBulk sends the adds as one pipeline (one socket write, one reply); a known job id is still a no-op.
      await Promise.all([...byName].map(([name, list]) => queueFor(name).addBulk(list.map((job) => ({ name, data: job.data, opts: jobOptions(name, job.options) })))));
    },

    register(name, registration) {
      registrations.set(name, registration as unknown as JobRegistration<JobName>);
    },

    async start() {
      for (const [name, registration] of registrations) {
        const worker = new Worker(
          name,
          async (job: Job) => {
            const data = parseJobPayload(name, job.data);
            await registration.handler(data, { id: job.id ?? '', attempt: job.attemptsMade + 1 });
          },
          {
            connection,
            prefix,
            concurrency: registration.concurrency,
            lockDuration: options.lockDurationMs ?? 30_000,
            stalledInterval: options.stalledIntervalMs ?? 30_000,
            autorun: true,
          },
        );
        worker.on('failed', (job, error) => {
          if (!job) return;
          const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
          logger[exhausted ? 'warn' : 'debug']({ job: name, id: job.id, attempt: job.attemptsMade, err: error }, exhausted ? 'job failed for good' : 'job failed; retrying');
          if (exhausted && registration.onExhausted) {
            registration.onExhausted(job.data, error).catch((hookError: unknown) => logger.error({ err: hookError }, 'onExhausted hook failed'));
          }
        });
        // Without an error listener a Redis hiccup would be an unhandled 'error' event and stop the worker.
        worker.on('error', (error) => logger.warn({ err: error, queue: name }, 'worker connection error'));
        workers.push(worker);
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },

    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },

    async ping() {
      const client = await queueFor(JOB_NAMES[0] as JobName).client;
      await (client as unknown as { ping(): Promise<string> }).ping();
    },
  };
}
