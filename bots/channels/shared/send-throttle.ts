import { createTokenBuckets, type TokenBucketLimits } from '../../../core/channels/token-bucket.js';
import type { Clock } from '../../../core/ports/clock.js';
import { sleep as realSleep } from '../../../core/processing/sleep.js';
import type { SendBudget } from './send-budget.js';

export interface SendThrottleOptions {
  /** Per chat/recipient (Telegram: about 1 message per second per chat). */
  perRecipient: TokenBucketLimits;
  /** Per bot/page/OA (Telegram: about 30 per second). */
  global: TokenBucketLimits;
  /** The longest a send waits in-process for a token; a longer wait goes back to the queue as RATE_LIMITED. */
  maxWaitMs: number;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The budget shared by every process sending with the same platform token (Redis), and that token's key.
   * Absent (embedded default), or unable to answer: the per-process buckets below decide.
   */
  shared?: { budget: SendBudget; account: string };
}

export type ThrottleVerdict = { ok: true; waitedMs: number } | { ok: false; retryAfterMs: number };

/**
 * Outbound rate limiting: a token from the platform token's bucket and one from the recipient's bucket per
 * part sent. With Redis the buckets are shared by every process sending with that token (one budget, however
 * many workers); without it, or while Redis cannot answer, each process has its own buckets. Short waits are
 * absorbed here (a 3-part answer to one Telegram chat takes ~2 s); long ones are handed back to the queue
 * with their delay, so a worker slot is not held hostage. The platforms' own 429 answers remain the last word
 * (retried with their retry-after).
 */
export function createSendThrottle(options: SendThrottleOptions) {
  const sleep = options.sleep ?? realSleep;
  const global = createTokenBuckets(options.global, { maxKeys: 1 });
  const recipients = createTokenBuckets(options.perRecipient);
  const limits = { perRecipient: options.perRecipient, global: options.global };

  function takeLocal(recipient: string): number {
    const now = options.clock.now().getTime();
    const wait = Math.max(global.waitMs('*', now), recipients.waitMs(recipient, now));
    if (wait > 0) return wait;
    // No await between the check and the take: another send of this process cannot slip in between.
    global.take('*', now);
    recipients.take(recipient, now);
    return 0;
  }

  return {
    async acquire(recipient: string): Promise<ThrottleVerdict> {
      let waitedMs = 0;
      for (;;) {
        const shared = options.shared ? await options.shared.budget.tryTake(options.shared.account, recipient, limits) : null;
        const wait = shared ?? takeLocal(recipient);
        if (wait === 0) return { ok: true, waitedMs };
        if (waitedMs + wait > options.maxWaitMs) return { ok: false, retryAfterMs: wait };
        await sleep(wait);
        waitedMs += wait;
      }
    },
  };
}

export type SendThrottle = ReturnType<typeof createSendThrottle>;
