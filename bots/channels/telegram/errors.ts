import type { SendFailureCode } from '../../../core/channels/channel-adapter.js';

export interface TelegramErrorMapping {
  code: SendFailureCode;
  retryable: boolean;
  retryAfterMs?: number;
}

/**
 * Bot API refusals (`{ ok:false, error_code, description, parameters }`): 429 carries `retry_after`
 * seconds; 403 means the member blocked the bot or deleted their account; 400 "chat not found" is a bad
 * recipient and other 400s a bad message; 401/404 a wrong token; 5xx a Telegram outage.
 */
export function mapTelegramError(errorCode: number, description: string, retryAfterSeconds: number | undefined): TelegramErrorMapping {
  if (errorCode === 429) return { code: 'RATE_LIMITED', retryable: true, retryAfterMs: (retryAfterSeconds ?? 1) * 1000 };
  if (errorCode === 403) return { code: 'USER_BLOCKED', retryable: false };
  if (errorCode === 400 && /chat not found|user not found|peer_id_invalid/i.test(description)) return { code: 'INVALID_RECIPIENT', retryable: false };
  if (errorCode === 400) return { code: 'INVALID_PAYLOAD', retryable: false };
  if (errorCode === 401 || errorCode === 404) return { code: 'AUTH_FAILED', retryable: false };
  return { code: 'PLATFORM_UNAVAILABLE', retryable: errorCode >= 500 || errorCode === 409 || errorCode === 420 };
}
