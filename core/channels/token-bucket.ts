/** A bucket holds up to `capacity` tokens and gains `refillPerSecond`; one send costs one token. */
export interface TokenBucketLimits {
  capacity: number;
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Token buckets keyed by recipient (or one key for a global limit). Pure apart from the map it owns:
 * time is passed in, so tests drive it without sleeping. Full buckets are forgotten when the map grows
 * past `maxKeys`, which keeps memory bounded with millions of recipients (a full bucket and a missing
 * one behave the same).
 */
export function createTokenBuckets(limits: TokenBucketLimits, options: { maxKeys?: number } = {}) {
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();

  function current(key: string, nowMs: number): Bucket {
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: limits.capacity, updatedAtMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
    return { tokens: Math.min(limits.capacity, bucket.tokens + elapsedSeconds * limits.refillPerSecond), updatedAtMs: nowMs };
  }

  function prune(nowMs: number): void {
    if (buckets.size <= maxKeys) return;
    for (const [key] of buckets) {
      if (current(key, nowMs).tokens >= limits.capacity) buckets.delete(key);
    }
  }

  return {
    /** Milliseconds until `key` has a whole token (0 when it has one now). Takes nothing. */
    waitMs(key: string, nowMs: number): number {
      const bucket = current(key, nowMs);
      if (bucket.tokens >= 1) return 0;
      return Math.ceil(((1 - bucket.tokens) / limits.refillPerSecond) * 1000);
    },
    /** Spends one token of `key`; call only after `waitMs` returned 0 in the same tick. */
    take(key: string, nowMs: number): void {
      const bucket = current(key, nowMs);
      buckets.set(key, { tokens: Math.max(0, bucket.tokens - 1), updatedAtMs: nowMs });
      prune(nowMs);
    },
    size(): number {
      return buckets.size;
    },
  };
}

export type TokenBuckets = ReturnType<typeof createTokenBuckets>;
