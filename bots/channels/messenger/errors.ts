import type { SendFailureCode } from '../../../core/channels/channel-adapter.js';

export interface GraphErrorMapping {
  code: SendFailureCode;
  retryable: boolean;
  retryAfterMs?: number;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80006]);
const TEMPORARY_CODES = new Set([1, 2, 1200]);

/**
 * Send API errors (developers.facebook.com/docs/messenger-platform/error-codes): expired or invalid token
 * (190), outside the messaging window (10 / 2018278), the person cannot be reached (551, 2018108), no such
 * user (100 / 2018001), rate limits (4, 613...) and temporary failures (1200, 2) are retried.
 */
export function mapGraphError(status: number, code: number | null, subcode: number | null): GraphErrorMapping {
  if (code !== null) {
    if (RATE_LIMIT_CODES.has(code)) return { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 60_000 };
    if (TEMPORARY_CODES.has(code)) return { code: 'PLATFORM_UNAVAILABLE', retryable: true };
    // Subcodes are more specific than codes (2018108 comes with several codes): check them first.
    if (subcode === 2018278 || subcode === 2018065) return { code: 'WINDOW_CLOSED', retryable: false };
    if (code === 551 || subcode === 2018108 || subcode === 1545041) return { code: 'USER_BLOCKED', retryable: false };
    if (subcode === 2018001) return { code: 'INVALID_RECIPIENT', retryable: false };
    if (code === 190 || code === 102 || code === 200 || code === 230) return { code: 'AUTH_FAILED', retryable: false };
    if (code === 10) return { code: 'AUTH_FAILED', retryable: false };
  }
  if (status === 429) return { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 60_000 };
  if (status >= 500) return { code: 'PLATFORM_UNAVAILABLE', retryable: true };
  return { code: 'INVALID_PAYLOAD', retryable: false };
}
