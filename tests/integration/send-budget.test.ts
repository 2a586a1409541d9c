import { randomUUID } from 'node:crypto';
import { createRedisSendBudget, sendAccountKey, type SendBudget } from '../../bots/channels/shared/send-budget.js';
import { createSendThrottle } from '../../bots/channels/shared/send-throttle.js';
import { systemClock } from '../../core/ports/clock.js';
import { silentLogger } from '../../core/ports/logger.js';
import { describeWithRedis } from '../support/backends.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

// Buckets that do not refill within a test (one token per ~17 minutes): counts, not timings, are asserted.
const LIMITS = { global: { capacity: 5, refillPerSecond: 0.001 }, perRecipient: { capacity: 2, refillPerSecond: 0.001 } };
const describeOnRedis = describeWithRedis();

/**
 * Issue #13: outbound sends per platform token respect one budget across processes. Each "process" here is a
 * throttle with its own Redis connection and its own in-process buckets, as two worker processes would have.
 */
describeOnRedis('send budget per platform token shared through Redis ($name)', (backend) => {
  const budgets: SendBudget[] = [];
  const prefix = `sb${randomUUID().slice(0, 8)}`;
  afterAll(async () => Promise.all(budgets.map((b) => b.close())));

  /** A process whose Redis connection is up (a loaded machine may take longer than the limiter waits to connect). */
  async function processWith(account: string, redisUrl = backend.redisUrl as string) {
    const budget = createRedisSendBudget(redisUrl, prefix, silentLogger, 500);
    budgets.push(budget);
    for (let attempt = 0; attempt < 50 && (await budget.tryTake(`warm-up-${randomUUID()}`, 'nobody', LIMITS)) === null; attempt++);
    return createSendThrottle({ ...LIMITS, maxWaitMs: 0, clock: systemClock, shared: { budget, account } });
  }

  it('two processes sending with one bot token get one budget between them, not one each', async () => {
    const account = sendAccountKey('telegram', `123:${randomUUID()}`);
    const [a, b] = await Promise.all([processWith(account), processWith(account)]);
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquire(`chat-${i}`)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
    const refused = verdicts.find((v) => !v.ok);
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
    // Another token (another bot, Page or OA) has its own budget.
    const other = await processWith(sendAccountKey('telegram', `456:${randomUUID()}`));
    expect((await Promise.all(Array.from({ length: 6 }, (_, i) => other.acquire(`chat-${i}`)))).filter((v) => v.ok)).toHaveLength(5);
  });

  it('the per-recipient limit is shared too', async () => {
    const account = sendAccountKey('zalo', randomUUID());
    const [a, b] = await Promise.all([processWith(account), processWith(account)]);
    const verdicts = await Promise.all([a.acquire('member-1'), b.acquire('member-1'), a.acquire('member-1'), b.acquire('member-1')]);
    expect(verdicts.filter((v) => v.ok)).toHaveLength(2);
    expect((await a.acquire('member-2')).ok).toBe(true);
  });

  it('with Redis gone, sends go on under each process\'s own limits instead of stopping', async () => {
    const target = new URL(backend.redisUrl as string);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    try {
      const throttle = await processWith(sendAccountKey('messenger', randomUUID()), proxy.url);
      expect((await throttle.acquire('psid-1')).ok).toBe(true);
      proxy.cut();
      const during = await Promise.all(Array.from({ length: 8 }, (_, i) => throttle.acquire(`psid-${i + 10}`)));
      // The local bucket is fresh (capacity 5): the sends are limited, not refused outright.
      expect(during.filter((v) => v.ok)).toHaveLength(5);
    } finally {
      await proxy.close();
    }
  });
});
