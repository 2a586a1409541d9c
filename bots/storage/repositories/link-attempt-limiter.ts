import { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../../../core/ports/logger.js';

/**
 * Wrong link codes counted per key in fixed one-hour windows (issue #15 finding 1): per network address and
 * across the whole platform, on top of the per-member count kept in the database. On the distributed backend
 * the counts live in Redis, so every server process sees every guess; embedded, one process holds them.
 */
export interface LinkAttemptLimiter {
  /** The first key whose failures reached its limit in the current window, or null. */
  blocked(keys: readonly LimitKey[], now: Date): Promise<LimitKey | null>;
  /** Counts one failure against every key. */
  fail(keys: readonly LimitKey[], now: Date): Promise<void>;
  close(): Promise<void>;
}

export interface LimitKey {
  key: string;
  max: number;
}

export const LINK_ATTEMPT_WINDOW_MS = 3_600_000;

const windowOf = (now: Date) => Math.floor(now.getTime() / LINK_ATTEMPT_WINDOW_MS);

export function createMemoryLinkAttemptLimiter(): LinkAttemptLimiter {
  const counts = new Map<string, { window: number; failures: number }>();
  const current = (key: string, now: Date) => {
    const entry = counts.get(key);
    return entry && entry.window === windowOf(now) ? entry.failures : 0;
  };
  return {
    async blocked(keys, now) {
      return keys.find((k) => current(k.key, now) >= k.max) ?? null;
    },
    async fail(keys, now) {
      if (counts.size > 100_000) counts.clear();
      for (const { key } of keys) counts.set(key, { window: windowOf(now), failures: current(key, now) + 1 });
    },
    async close() {},
  };
}

export function createRedisLinkAttemptLimiter(redisUrl: string, prefix: string, logger: Logger = silentLogger): LinkAttemptLimiter {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  // Without a listener ioredis prints every connection error of an outage to stderr as "Unhandled error event";
  // the commands fail on their own and their callers handle that.
  redis.on('error', (error: unknown) => logger.debug({ err: error }, 'link attempt limiter: redis error'));
  const redisKey = (key: string, now: Date) => `${prefix}:link-fail:${windowOf(now)}:${key}`;
  return {
    async blocked(keys, now) {
      if (keys.length === 0) return null;
      const values = await redis.mget(...keys.map((k) => redisKey(k.key, now)));
      const index = values.findIndex((value, i) => Number(value ?? 0) >= (keys[i] as LimitKey).max);
      return index >= 0 ? (keys[index] as LimitKey) : null;
    },
    async fail(keys, now) {
      const pipeline = redis.multi();
      for (const { key } of keys) pipeline.incr(redisKey(key, now)).pexpire(redisKey(key, now), LINK_ATTEMPT_WINDOW_MS * 2);
      await pipeline.exec();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
