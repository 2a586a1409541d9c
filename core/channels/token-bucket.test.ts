import { createTokenBuckets } from './token-bucket.js';

describe('token buckets', () => {
  it('allows a burst up to the capacity, then one token per refill interval', () => {
    const buckets = createTokenBuckets({ capacity: 3, refillPerSecond: 1 });
    for (let i = 0; i < 3; i++) {
      expect(buckets.waitMs('chat-1', 0)).toBe(0);
      buckets.take('chat-1', 0);
    }
    expect(buckets.waitMs('chat-1', 0)).toBe(1000);
    expect(buckets.waitMs('chat-1', 400)).toBe(600);
    expect(buckets.waitMs('chat-1', 1000)).toBe(0);
  });

  it('keeps recipients independent', () => {
    const buckets = createTokenBuckets({ capacity: 1, refillPerSecond: 1 });
    buckets.take('a', 0);
    expect(buckets.waitMs('a', 0)).toBeGreaterThan(0);
    expect(buckets.waitMs('b', 0)).toBe(0);
  });

  it('never holds more than the capacity after a long idle time', () => {
    const buckets = createTokenBuckets({ capacity: 2, refillPerSecond: 10 });
    buckets.take('a', 0);
    buckets.take('a', 60_000);
    buckets.take('a', 60_000);
    expect(buckets.waitMs('a', 60_000)).toBe(100);
  });

  it('forgets full buckets when it holds too many keys', () => {
    const buckets = createTokenBuckets({ capacity: 1, refillPerSecond: 1 }, { maxKeys: 10 });
    for (let i = 0; i < 20; i++) buckets.take(`user-${i}`, i * 10);
    expect(buckets.size()).toBeLessThanOrEqual(20);
    // Much later every bucket is full again: the next insert prunes them all.
    buckets.take('late', 1_000_000);
    expect(buckets.size()).toBe(1);
    expect(buckets.waitMs('user-3', 1_000_000)).toBe(0);
  });
});
