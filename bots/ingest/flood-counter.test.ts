import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../core/ports/logger.js';
import { startPrivateRedis } from '../../tests/support/private-redis.js';
import { createInProcessFloodCounter, createRedisFloodCounter, type FloodCounter } from './flood-counter.js';

const now = new Date('2026-12-04T10:00:00Z');

describe('flood counters', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  const opened: FloodCounter[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    for (const counter of opened) await counter.close();
    await redis.stop();
  });
  const redisCounter = async () => {
    const counter = createRedisFloodCounter(redis.url, `t${randomUUID().slice(0, 8)}`, silentLogger);
    opened.push(counter);
    await counter.ready();
    return counter;
  };

  it('in one process, Redis counts exactly, even when hits come faster than Redis answers', async () => {
    const counter = await redisCounter();
    const burst = await Promise.all(Array.from({ length: 20 }, () => counter.hit('web:a', 60_000, now)));
    expect(burst).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await counter.settled();
    expect(await counter.hit('web:a', 60_000, now)).toBe(21);
    expect(await counter.hit('web:b', 60_000, now)).toBe(1); // another sender has its own count
    expect(await counter.hit('web:a', 60_000, new Date(now.getTime() + 60_000))).toBe(1); // a new window
  });

  it('two processes share one budget through Redis once their counts have been answered', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const first = createRedisFloodCounter(redis.url, prefix, silentLogger);
    const second = createRedisFloodCounter(redis.url, prefix, silentLogger);
    opened.push(first, second);
    await Promise.all([first.ready(), second.ready()]);
    for (let i = 0; i < 3; i++) await first.hit('tg:1', 60_000, now);
    await first.settled();
    expect(await second.hit('tg:1', 60_000, now)).toBe(1); // its first sight: Redis has not answered it yet
    await second.settled();
    expect(await second.hit('tg:1', 60_000, now)).toBe(5); // 3 from the first process, 2 of its own
    await second.settled();
    expect(await first.hit('tg:1', 60_000, now)).toBe(4); // the first saw 3, plus this one in flight
    await first.settled();
    expect(await first.hit('tg:1', 60_000, now)).toBe(7);
  });

  it('with Redis away the counter answers at once and fails open (only hits in flight count)', async () => {
    const counter = createRedisFloodCounter('redis://127.0.0.1:1', 'gone', silentLogger);
    opened.push(counter);
    const counts = [];
    for (let i = 0; i < 10; i++) {
      counts.push(await counter.hit('web:x', 60_000, now));
      await counter.settled();
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
  });

  it('forgets past windows past its memory bound, scans again only when the map has doubled, and keeps counting right', async () => {
    // Behaviour, not time (D-scale-8): a scan on every hit once past the bound cost ~1 ms at 100,000 senders.
    const counter = createRedisFloodCounter(redis.url, `t${randomUUID().slice(0, 8)}`, silentLogger, { rememberSenders: 50 });
    opened.push(counter);
    await counter.ready();
    for (let i = 0; i < 60; i++) await counter.hit(`web:${i}`, 60_000, now); // past 50: a scan, nothing past, bound 102
    expect(counter.remembered()).toBe(60);
    const later = new Date(now.getTime() + 60_000);
    expect(await counter.hit('web:busy', 60_000, later)).toBe(1);
    expect(counter.remembered()).toBe(61); // no scan before the map has doubled
    for (let i = 0; i < 45; i++) await counter.hit(`web:b${i}`, 60_000, later);
    expect(counter.remembered()).toBe(46); // past 102 the old window's 60 were dropped: busy and the 45 of this window
    await counter.settled();
    const busy = [];
    for (let i = 0; i < 5; i++) busy.push(await counter.hit('web:busy', 60_000, later));
    expect(busy).toEqual([2, 3, 4, 5, 6]);
  });

  it('in-process counting is exact per window', async () => {
    const counter = createInProcessFloodCounter();
    expect([await counter.hit('k', 1000, now), await counter.hit('k', 1000, now)]).toEqual([1, 2]);
    expect(await counter.hit('k', 1000, new Date(now.getTime() + 1000))).toBe(1);
  });
});
