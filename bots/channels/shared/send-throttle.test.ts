import { createSendThrottle } from './send-throttle.js';

/** A clock that only moves when the throttle sleeps: the test controls time, nothing really waits. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('send throttle', () => {
  it('spaces sends to one recipient by the refill interval and lets other recipients through', async () => {
    const time = virtualTime();
    const throttle = createSendThrottle({ perRecipient: { capacity: 1, refillPerSecond: 1 }, global: { capacity: 30, refillPerSecond: 30 }, maxWaitMs: 5000, ...time });
    expect(await throttle.acquire('chat-1')).toEqual({ ok: true, waitedMs: 0 });
    expect(await throttle.acquire('chat-1')).toEqual({ ok: true, waitedMs: 1000 });
    expect(await throttle.acquire('chat-2')).toEqual({ ok: true, waitedMs: 0 });
    expect(time.sleeps).toEqual([1000]);
  });

  it('enforces the global limit across recipients', async () => {
    const time = virtualTime();
    const throttle = createSendThrottle({ perRecipient: { capacity: 5, refillPerSecond: 5 }, global: { capacity: 2, refillPerSecond: 2 }, maxWaitMs: 5000, ...time });
    await throttle.acquire('a');
    await throttle.acquire('b');
    const third = await throttle.acquire('c');
    expect(third).toEqual({ ok: true, waitedMs: 500 });
  });

  it('hands long waits back to the queue instead of sleeping', async () => {
    const time = virtualTime();
    const throttle = createSendThrottle({ perRecipient: { capacity: 1, refillPerSecond: 0.1 }, global: { capacity: 10, refillPerSecond: 10 }, maxWaitMs: 2000, ...time });
    await throttle.acquire('chat');
    expect(await throttle.acquire('chat')).toEqual({ ok: false, retryAfterMs: 10_000 });
    expect(time.sleeps).toEqual([]);
  });
});
