import type { TokenBucketLimits } from '../../../core/channels/token-bucket.js';

/**
 * Outbound rate limits per channel, below the platforms' documented limits because every worker process
 * has its own buckets (shared/notes/channels.md: Telegram ~1 msg/s per chat and ~30/s overall; Messenger
 * 300 calls/s per Page; Zalo publishes no figure, ≤ 10/s per OA is the conservative budget).
 */
export const SEND_LIMITS = {
  telegram: { perRecipient: { capacity: 1, refillPerSecond: 1 }, global: { capacity: 30, refillPerSecond: 30 } },
  messenger: { perRecipient: { capacity: 3, refillPerSecond: 1 }, global: { capacity: 50, refillPerSecond: 50 } },
  zalo: { perRecipient: { capacity: 3, refillPerSecond: 1 }, global: { capacity: 10, refillPerSecond: 10 } },
  botframework: { perRecipient: { capacity: 3, refillPerSecond: 1 }, global: { capacity: 30, refillPerSecond: 30 } },
} as const satisfies Record<string, { perRecipient: TokenBucketLimits; global: TokenBucketLimits }>;

/** Waits longer than this go back to the queue instead of holding a worker slot. */
export const MAX_IN_PROCESS_WAIT_MS = 5000;
