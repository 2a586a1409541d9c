import { randomUUID } from 'node:crypto';
import type { JobQueue, JobRunner } from '../../core/jobs/job-queue.js';
import { testBackends, type TestBackend } from '../../tests/support/backends.js';
import { createBullMqQueue } from './bullmq-queue.js';
import { createInProcessQueue } from './in-process-queue.js';

type AnyQueue = JobQueue & JobRunner;

function makeQueue(backend: TestBackend): AnyQueue {
  return backend.redisUrl ? createBullMqQueue({ redisUrl: backend.redisUrl, prefix: `t${randomUUID().slice(0, 8)}` }) : createInProcessQueue();
}

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testBackends().map((b) => ({ ...b, label: b.redisUrl ? 'bullmq' : 'in-process' })))('queue ($label)', (backend) => {
  let queue: AnyQueue;
  afterEach(async () => queue.close());

  it('runs each job id once, even when enqueued twice', async () => {
    queue = makeQueue(backend);
    const seen: string[] = [];
    queue.register('inbound.process', { concurrency: 2, retry: { attempts: 1, backoffMs: 10 }, handler: async (data) => void seen.push(data.messageId) });
    await queue.start();
    const a = randomUUID();
    const c = randomUUID();
    await queue.enqueue('inbound.process', { messageId: a, conversationId: c }, { jobId: a });
    await queue.enqueue('inbound.process', { messageId: a, conversationId: c }, { jobId: a });
    const b = randomUUID();
    await queue.enqueue('inbound.process', { messageId: b, conversationId: c }, { jobId: b });
    await waitFor(() => seen.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.sort()).toEqual([a, b].sort());
  });

  it('retries a failing job with backoff and reports exhaustion once', async () => {
    queue = makeQueue(backend);
    let calls = 0;
    const exhausted: unknown[] = [];
    queue.register('outbound.send', {
      concurrency: 1,
      retry: { attempts: 3, backoffMs: 20 },
      handler: async () => {
        calls++;
        throw new Error('platform down');
      },
      onExhausted: async (data) => void exhausted.push(data),
    });
    await queue.start();
    const id = randomUUID();
    await queue.enqueue('outbound.send', { messageId: id, conversationId: id }, { jobId: id });
    await waitFor(() => exhausted.length === 1);
    expect(calls).toBe(3);
  });

  it('succeeds on a later attempt', async () => {
    queue = makeQueue(backend);
    let calls = 0;
    const done: number[] = [];
    queue.register('outbound.send', {
      concurrency: 1,
      retry: { attempts: 5, backoffMs: 10 },
      handler: async (_data, job) => {
        calls++;
        if (calls < 3) throw new Error('429');
        done.push(job.attempt);
      },
    });
    await queue.start();
    const id = randomUUID();
    await queue.enqueue('outbound.send', { messageId: id, conversationId: id }, { jobId: id });
    await waitFor(() => done.length === 1);
    expect(done).toEqual([3]);
  });

  it('rejects a malformed payload instead of running the handler', async () => {
    queue = makeQueue(backend);
    let ran = false;
    const exhausted: unknown[] = [];
    queue.register('inbound.process', { concurrency: 1, retry: { attempts: 1, backoffMs: 10 }, handler: async () => void (ran = true), onExhausted: async (d) => void exhausted.push(d) });
    await queue.start();
    await queue.enqueue('inbound.process', { messageId: 'not-a-uuid', conversationId: 'x' } as never, { jobId: randomUUID() });
    await waitFor(() => exhausted.length === 1);
    expect(ran).toBe(false);
  });
});
