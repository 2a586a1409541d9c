import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';

/** The repeating timer a heartbeat runs on; passed in so tests can drive it (and core stays free of hidden globals). */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The process's own timers; unref'd so a forgotten heartbeat never keeps a process alive. */
export const systemTimers: Timers = {
  setInterval(callback, ms) {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Moves a lease from `leasedUntil` to `until`, only when it still reads `leasedUntil` (compare-and-set: the value a
 * worker wrote is its token; another worker that took the expired lease over wrote its own). False: the lease is lost.
 */
export type RenewLease = (leasedUntil: Date, until: Date) => Promise<boolean>;

export interface LeaseHeartbeat {
  /** True once a renewal found the lease taken over (or the message settled by someone else): do not commit or send. */
  readonly lost: boolean;
  /** Stops renewing (the work finished, whatever its outcome); waits for a renewal in flight. */
  stop(): Promise<void>;
}

export interface LeaseHeartbeatOptions {
  /** The lease as the claim wrote it. */
  leasedUntil: Date;
  leaseMs: number;
  renew: RenewLease;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** For the log line when the lease is lost. */
  messageId: string;
}

/**
 * Keeps a claimed message's lease alive while its work runs (issue #13, D-hardening-7): every leaseMs / 3 the lease is
 * pushed to now + leaseMs. So the lease can be short — a dead worker's conversations resume within seconds — while a
 * slow LLM turn or a slow send, whose worker is alive, never loses it. A renewal that fails to reach the database is
 * tried again at the next beat (two more chances before the lease runs out); one that finds the lease changed marks
 * it lost and stops.
 */
export function startLeaseHeartbeat(options: LeaseHeartbeatOptions): LeaseHeartbeat {
  let leasedUntil = options.leasedUntil;
  let lost = false;
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  const beat = async (): Promise<void> => {
    const until = new Date(options.clock.now().getTime() + options.leaseMs);
    try {
      if (await options.renew(leasedUntil, until)) {
        leasedUntil = until;
        return;
      }
    } catch (error) {
      options.logger.warn({ err: error, messageId: options.messageId }, 'could not renew a lease; trying again at the next beat');
      return;
    }
    // Settled meanwhile by our own work (stopped) is not a loss: only a renewal that raced nothing of ours counts.
    if (stopped) return;
    lost = true;
    options.timers.clearInterval(handle);
    options.logger.warn({ messageId: options.messageId }, 'lease lost to another worker: this work will not commit or send');
  };
  const handle = options.timers.setInterval(() => {
    if (inFlight || stopped || lost) return;
    inFlight = beat().finally(() => (inFlight = null));
  }, Math.max(1, Math.floor(options.leaseMs / 3)));
  return {
    get lost() {
      return lost;
    },
    async stop() {
      stopped = true;
      options.timers.clearInterval(handle);
      await inFlight;
    },
  };
}
