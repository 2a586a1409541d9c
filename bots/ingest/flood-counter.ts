import { Redis } from 'ioredis';
import type { Logger } from '../../core/ports/logger.js';

/** Counts a sender's messages in fixed windows; `hit` answers the count including this one. */
export interface FloodCounter {
  hit(key: string, windowMs: number, now: Date): Promise<number>;
  close(): Promise<void>;
}

/** One process (embedded default): a map of window counters, pruned as windows pass. */
export function createInProcessFloodCounter(): FloodCounter {
  const counts = new Map<string, { window: number; n: number }>();
  return {
    async hit(key, windowMs, now) {
      const window = Math.floor(now.getTime() / windowMs);
      const entry = counts.get(key);
      if (entry && entry.window === window) {
        entry.n += 1;
        return entry.n;
      }
      if (counts.size > 100_000) for (const [k, v] of counts) if (v.window !== window) counts.delete(k);
      counts.set(key, { window, n: 1 });
      return 1;
    },
    async close() {},
  };
}

/**
 * Shared through Redis, so that several server processes hold one budget per sender. A Redis that is away
 * answers nothing: the counter then says 0 (fail open): a flood limit must never block acknowledgements.
 */
export function createRedisFloodCounter(redisUrl: string, prefix: string, logger: Logger): FloodCounter {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
  redis.on('error', (error: unknown) => logger.debug({ err: error }, 'flood counter: redis error'));
  redis.connect().catch(() => undefined);
  return {
    async hit(key, windowMs, now) {
      const window = Math.floor(now.getTime() / windowMs);
      const redisKey = `${prefix}:flood:${key}:${window}`;
      let timer: NodeJS.Timeout | undefined;
      try {
        // A silent Redis (a partition) would never answer: give up after 100 ms.
        const silent = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), 100);
        });
        const result = await Promise.race([redis.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec(), silent]);
        const n = (result as [[unknown, unknown]] | null)?.[0]?.[1];
        return typeof n === 'number' ? n : 0;
      } catch {
        return 0;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
