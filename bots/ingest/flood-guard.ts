import type { InboundMessageEvent } from '../../core/messages/inbound.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { FloodCounter } from './flood-counter.js';

/** Said once per window to a member who writes faster than anyone reads. */
export const FLOOD_NOTICE_VI =
  'Bạn đang gửi tin nhắn nhanh quá, trợ lý chưa kịp đọc hết. Bạn vui lòng đợi khoảng một phút rồi gửi tiếp nhé — những tin gửi trong lúc này có thể chưa được ghi nhận.';

export interface FloodGuardOptions {
  counter: FloodCounter;
  /** Messages one sender may send per window; beyond, they are acknowledged but not stored. */
  maxMessages: number;
  windowMs: number;
  clock: Clock;
  logger: Logger;
}

export type FloodVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

/**
 * Flood limit per sender (a web chat session, a platform user), before anything is written: a member (or a
 * script) sending hundreds of messages a second would otherwise fill the database and the queue. The CLI
 * channel (local, trusted) is not limited.
 */
export function createFloodGuard(options: FloodGuardOptions) {
  // Senders told this window, so the notice goes once even when the shared count skips past the limit's first
  // refusal (several processes, each counting the others' hits a few ms late: D-scale-8).
  const told = new Map<string, number>();
  return {
    async admit(event: InboundMessageEvent): Promise<FloodVerdict> {
      if (event.channel === 'cli') return { ok: true };
      const now = options.clock.now();
      const sender = `${event.channel}:${event.sender.platformUserId}`;
      const n = await options.counter.hit(sender, options.windowMs, now);
      if (n <= options.maxMessages) return { ok: true };
      const window = Math.floor(now.getTime() / options.windowMs);
      const firstRefusal = told.get(sender) !== window;
      if (firstRefusal) {
        if (told.size > 100_000) for (const [key, seen] of told) if (seen !== window) told.delete(key);
        told.set(sender, window);
        options.logger.warn({ channel: event.channel }, 'flood limit reached for a sender');
      }
      const windowEnd = (window + 1) * options.windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)), firstRefusal };
    },
  };
}

export type FloodGuard = ReturnType<typeof createFloodGuard>;
