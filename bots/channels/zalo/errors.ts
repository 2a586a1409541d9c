import type { SendFailureCode } from '../../../core/channels/channel-adapter.js';

export interface ZaloErrorMapping {
  code: SendFailureCode;
  retryable: boolean;
  retryAfterMs?: number;
  /** The OA cannot send to anyone (app disabled, not verified, API not granted): hold replies until it can. */
  outage?: boolean;
}

/** Token refused: refresh once and try again (shared/notes/channels.md §1.7). */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-216, -220]);

// Negative error codes of the OA API (secondary table, shared/notes/channels.md §1.8), grouped by what we do.
const MAPPING: Record<number, ZaloErrorMapping> = {
  [-32]: { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 60_000 },
  [-201]: { code: 'INVALID_PAYLOAD', retryable: false },
  [-211]: { code: 'QUOTA_EXHAUSTED', retryable: false },
  [-213]: { code: 'USER_BLOCKED', retryable: false },
  [-216]: { code: 'AUTH_FAILED', retryable: true },
  [-219]: { code: 'AUTH_FAILED', retryable: false, outage: true },
  [-220]: { code: 'AUTH_FAILED', retryable: true },
  [-221]: { code: 'AUTH_FAILED', retryable: false, outage: true },
  [-223]: { code: 'AUTH_FAILED', retryable: false, outage: true },
  [-224]: { code: 'QUOTA_EXHAUSTED', retryable: false },
  [-227]: { code: 'USER_BLOCKED', retryable: false },
  [-230]: { code: 'WINDOW_CLOSED', retryable: false },
  [-232]: { code: 'WINDOW_CLOSED', retryable: false },
  [-233]: { code: 'INVALID_PAYLOAD', retryable: false },
  [-234]: { code: 'WINDOW_CLOSED', retryable: false },
  [-240]: { code: 'INVALID_PAYLOAD', retryable: false },
  [-244]: { code: 'USER_BLOCKED', retryable: false },
  [-248]: { code: 'INVALID_PAYLOAD', retryable: false },
  [-320]: { code: 'QUOTA_EXHAUSTED', retryable: false },
  [-321]: { code: 'QUOTA_EXHAUSTED', retryable: false },
};

/** Unknown negative codes are treated as temporary: the queue retries a few times, then the message shows as failed. */
export function mapZaloError(error: number): ZaloErrorMapping {
  return MAPPING[error] ?? { code: 'PLATFORM_UNAVAILABLE', retryable: true };
}
