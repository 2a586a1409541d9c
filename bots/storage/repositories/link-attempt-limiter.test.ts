import { randomUUID } from 'node:crypto';
import { backendsWithRedis } from '../../../tests/support/backends.js';
import { createMemoryLinkAttemptLimiter, createRedisLinkAttemptLimiter, LINK_ATTEMPT_WINDOW_MS } from './link-attempt-limiter.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const keys = [{ key: 'global', max: 3 }, { key: 'addr:abc', max: 2 }];

describe('link attempt limiter (embedded)', () => {
  it('blocks a key at its limit and forgets it in the next window', async () => {
    const limiter = createMemoryLinkAttemptLimiter();
    await limiter.fail(keys, NOW);
    expect(await limiter.blocked(keys, NOW)).toBeNull();
    await limiter.fail(keys, NOW);
    expect(await limiter.blocked(keys, NOW)).toEqual({ key: 'addr:abc', max: 2 });
    expect(await limiter.blocked([{ key: 'addr:other', max: 2 }], NOW)).toBeNull();
    expect(await limiter.blocked(keys, new Date(NOW.getTime() + LINK_ATTEMPT_WINDOW_MS))).toBeNull();
  });
});

describe.each(backendsWithRedis())('link attempt limiter shared through Redis ($name)', (backend) => {
  it('counts the guesses made through any process', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    // Two server processes = two clients on the same Redis.
    const a = createRedisLinkAttemptLimiter(backend.redisUrl as string, prefix);
    const b = createRedisLinkAttemptLimiter(backend.redisUrl as string, prefix);
    try {
      await a.fail([{ key: 'global', max: 3 }], NOW);
      await b.fail([{ key: 'global', max: 3 }], NOW);
      expect(await a.blocked([{ key: 'global', max: 3 }], NOW)).toBeNull();
      await a.fail([{ key: 'global', max: 3 }], NOW);
      expect(await b.blocked([{ key: 'global', max: 3 }], NOW)).toEqual({ key: 'global', max: 3 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
