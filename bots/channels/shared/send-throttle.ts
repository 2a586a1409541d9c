import { createTokenBuckets, type TokenBucketLimits } from '../../../core/channels/token-bucket.js';
import type { Clock } from '../../../core/ports/clock.js';
import { sleep as realSleep } from '../../../core/processing/sleep.js';

export interface SendThrottleOptions {
  /** Per chat/recipient (Telegram: about 1 message per second per chat). */
  perRecipient: TokenBucketLimits;
  /** Per bot/page/OA (Telegram: about 30 per second). */
  global: TokenBucketLimits;
  /** The longest a send waits in-process for a token; a longer wait goes back to the queue as RATE_LIMITED. */
  maxWaitMs: number;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

export type ThrottleVerdict = { ok: true; waitedMs: number } | { ok: false; retryAfterMs: number };

/**
 * Outbound rate limiting per process: a token from the global bucket and one from the recipient's bucket
 * per part sent. Short waits are absorbed here (a 3-part answer to one Telegram chat takes ~2 s); long ones
 * are handed back to the queue with their delay, so a worker slot is not held hostage. With several worker
 * processes each has its own buckets: the limits are set below the platforms' so that the sum stays safe,
 * and the platforms' own 429 answers remain the last word (retried with their retry-after).
 */
export function createSendThrottle(options: SendThrottleOptions) {
  const sleep = options.sleep ?? realSleep;
  const global = createTokenBuckets(options.global, { maxKeys: 1 });
  const recipients = createTokenBuckets(options.perRecipient);

  return {
    async acquire(recipient: string): Promise<ThrottleVerdict> {
      let waitedMs = 0;
      for (;;) {
        const now = options.clock.now().getTime();
        const wait = Math.max(global.waitMs('*', now), recipients.waitMs(recipient, now));
        if (wait === 0) {
          // No await between the check and the take: another send cannot slip in between.
          global.take('*', now);
          recipients.take(recipient, now);
          return { ok: true, waitedMs };
        }
        if (waitedMs + wait > options.maxWaitMs) return { ok: false, retryAfterMs: wait };
        await sleep(wait);
        waitedMs += wait;
      }
    },
  };
}

export type SendThrottle = ReturnType<typeof createSendThrottle>;
