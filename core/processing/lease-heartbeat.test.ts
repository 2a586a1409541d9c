import { silentLogger } from '../ports/logger.js';
import { startLeaseHeartbeat, type Timers } from './lease-heartbeat.js';

/** Timers the test fires by hand: one beat per `beat()`. */
function manualTimers(): Timers & { beat(): Promise<void>; intervalMs: number | null; cleared: boolean } {
  let callback: (() => void) | null = null;
  const timers = {
    intervalMs: null as number | null,
    cleared: false,
    setInterval(fn: () => void, ms: number) {
      callback = fn;
      timers.intervalMs = ms;
      return 1;
    },
    clearInterval() {
      timers.cleared = true;
      callback = null;
    },
    async beat() {
      callback?.();
      // Let the renewal (a promise) settle.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
  return timers;
}

describe('lease heartbeat', () => {
  const start = new Date('2026-01-05T03:00:00Z');
  let now = start;
  const clock = { now: () => now };

  function heartbeat(renew: (from: Date, until: Date) => Promise<boolean>) {
    const timers = manualTimers();
    const lease = startLeaseHeartbeat({ leasedUntil: new Date(start.getTime() + 15_000), leaseMs: 15_000, renew, clock, timers, logger: silentLogger, messageId: 'm-1' });
    return { timers, lease };
  }

  it('beats every lease / 3 and moves the lease from the value it last wrote to now + lease', async () => {
    const calls: [number, number][] = [];
    const { timers, lease } = heartbeat(async (from, until) => {
      calls.push([from.getTime() - start.getTime(), until.getTime() - start.getTime()]);
      return true;
    });
    expect(timers.intervalMs).toBe(5000);
    now = new Date(start.getTime() + 5000);
    await timers.beat();
    now = new Date(start.getTime() + 10_000);
    await timers.beat();
    expect(calls).toEqual([
      [15_000, 20_000],
      [20_000, 25_000],
    ]);
    expect(lease.lost).toBe(false);
    await lease.stop();
    expect(timers.cleared).toBe(true);
  });

  it('is lost when a renewal finds the lease changed, and stops beating', async () => {
    let renewals = 0;
    const { timers, lease } = heartbeat(async () => {
      renewals++;
      return false;
    });
    await timers.beat();
    expect(lease.lost).toBe(true);
    expect(timers.cleared).toBe(true);
    await timers.beat();
    expect(renewals).toBe(1);
  });

  it('keeps the lease when a renewal cannot reach the database (tried again at the next beat)', async () => {
    let fail = true;
    const froms: number[] = [];
    const { timers, lease } = heartbeat(async (from) => {
      froms.push(from.getTime() - start.getTime());
      if (fail) throw new Error('connection terminated');
      return true;
    });
    await timers.beat();
    expect(lease.lost).toBe(false);
    fail = false;
    await timers.beat();
    // The failed renewal wrote nothing: the next one still compares with the claim's value.
    expect(froms).toEqual([15_000, 15_000]);
    expect(lease.lost).toBe(false);
  });

  it('does not call a renewal that raced the end of the work a loss', async () => {
    let settle: (renewed: boolean) => void = () => undefined;
    const { timers, lease } = heartbeat(() => new Promise<boolean>((resolve) => (settle = resolve)));
    void timers.beat();
    const stopped = lease.stop();
    // The work committed meanwhile (the message is processed): the renewal finds nothing to move.
    settle(false);
    await stopped;
    expect(lease.lost).toBe(false);
  });

  it('never runs two renewals at once', async () => {
    let inFlight = 0;
    let most = 0;
    let settle: () => void = () => undefined;
    const { timers } = heartbeat(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => (settle = resolve));
      inFlight--;
      return true;
    });
    await timers.beat();
    await timers.beat();
    settle();
    await timers.beat();
    expect(most).toBe(1);
  });
});
