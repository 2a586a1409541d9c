import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TokenBucketLimits } from '../../../core/channels/token-bucket.js';
import type { Logger } from '../../../core/ports/logger.js';

/**
 * The send budget of one platform token (a Telegram bot, a Messenger Page, a Zalo OA), shared by every process
 * that sends with it. `tryTake` answers 0 when it took a token from both the account's bucket and the
 * recipient's, else how long to wait (taking nothing); null when the shared store cannot answer now, and then
 * the caller falls back to its own per-process buckets.
 */
export interface SendBudget {
  tryTake(account: string, recipient: string, limits: { perRecipient: TokenBucketLimits; global: TokenBucketLimits }): Promise<number | null>;
  close(): Promise<void>;
}

/** A platform token named without revealing it (keys in Redis, logs). */
export function sendAccountKey(channel: string, tokenOrId: string): string {
  return `${channel}:${createHash('sha256').update(tokenOrId).digest('hex').slice(0, 16)}`;
}

// Both buckets are checked and spent in one script, so two processes can never both take the last token.
// Time is Redis's own clock (TIME), the same for every process whatever their clocks say.
const TAKE_SCRIPT = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local function level(key, capacity, per_ms)
  local stored = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(stored[1])
  local at = tonumber(stored[2])
  if tokens == nil or at == nil then return capacity end
  return math.min(capacity, tokens + math.max(0, now - at) * per_ms)
end
local g_cap, g_rate, r_cap, r_rate = tonumber(ARGV[1]), tonumber(ARGV[2]) / 1000, tonumber(ARGV[3]), tonumber(ARGV[4]) / 1000
local g = level(KEYS[1], g_cap, g_rate)
local r = level(KEYS[2], r_cap, r_rate)
local wait = 0
if g < 1 then wait = math.max(wait, math.ceil((1 - g) / g_rate)) end
if r < 1 then wait = math.max(wait, math.ceil((1 - r) / r_rate)) end
if wait > 0 then return wait end
redis.call('HSET', KEYS[1], 'tokens', tostring(g - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(g_cap / g_rate) + 1000)
redis.call('HSET', KEYS[2], 'tokens', tostring(r - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[2], math.ceil(r_cap / r_rate) + 1000)
return 0
`;

/**
 * The budget in Redis (REDIS_URL): several worker processes sending with one bot token respect one budget,
 * instead of each spending the platform's limit. A Redis that is away or silent answers null within
 * `timeoutMs`: sends then go on with the per-process buckets (a send is never blocked by the limiter's store).
 */
export function createRedisSendBudget(redisUrl: string, prefix: string, logger: Logger, timeoutMs = 100): SendBudget {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
  redis.on('error', (error: unknown) => logger.debug({ err: error }, 'send budget: redis error'));
  redis.connect().catch(() => undefined);

  // Commands are not queued while disconnected (a long outage would pile them up and spend tokens late):
  // wait for the connection within the same time bound instead.
  function ready(): Promise<boolean> {
    if (redis.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      redis.once('ready', onReady);
    });
  }

  return {
    async tryTake(account, recipient, limits) {
      if (!(await ready())) return null;
      const accountKey = `${prefix}:send:${account}`;
      const recipientKey = `${accountKey}:to:${createHash('sha256').update(recipient).digest('hex').slice(0, 16)}`;
      let timer: NodeJS.Timeout | undefined;
      try {
        const silent = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs);
        });
        const args = [limits.global.capacity, limits.global.refillPerSecond, limits.perRecipient.capacity, limits.perRecipient.refillPerSecond].map(String);
        const result = await Promise.race([redis.eval(TAKE_SCRIPT, 2, accountKey, recipientKey, ...args), silent]);
        return typeof result === 'number' ? result : null;
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
