import type { HttpOutcome } from '../shared/http-json.js';
import { ZaloTokenResponseSchema } from './schemas.js';

/**
 * What a failed call to the OAuth v4 token endpoint means, and so what to do:
 * - `rate_limited`: Zalo asked us to slow down (HTTP 429, error -32 "reached limit call api"): wait, then retry;
 * - `transient`: Zalo or the network failed (5xx, no answer, an unreadable or unknown answer): back off and retry;
 * - `reauthorize`: the refresh token or the app credentials are refused for good: retrying cannot help,
 *   an administrator must authorise the app again (shared/notes/channels.md §1.7).
 * Only a refusal we recognise stops the chain: an unknown error code is retried (a refused refresh token is
 * not spent by asking again, while wrongly flagging re-authorisation stops every reply of the OA).
 */
export type ZaloTokenFailure =
  | { kind: 'rate_limited'; detail: string; retryAfterMs: number }
  | { kind: 'transient'; detail: string }
  | { kind: 'reauthorize'; detail: string };

/** Zalo's per-minute API call limit (-32, §1.8): without a Retry-After, wait a minute. */
export const ZALO_RATE_LIMIT_WAIT_MS = 60_000;

const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([-32]);

/**
 * Errors after which the stored credentials never work again (§1.7, and the OAuth v4 answers seen in public
 * integrations): -14002 app id or secret key wrong, -14003 invalid parameters (the app's OAuth settings),
 * -14014 refresh token invalid, expired or already used, -219 app disabled, -223 OA has not granted the API.
 */
const REAUTHORIZE_CODES: ReadonlySet<number> = new Set([-14002, -14003, -14014, -219, -223]);

// Some answers carry no code we know but say plainly that the refresh token is dead.
const DEAD_REFRESH_TOKEN = /refresh[_ ]?token.*(invalid|expired|used|revoked)|(invalid|expired|revoked).*refresh[_ ]?token/i;

export function classifyZaloTokenFailure(outcome: HttpOutcome): ZaloTokenFailure {
  if (outcome.kind === 'network') return { kind: 'transient', detail: `no answer from Zalo: ${outcome.detail}` };
  const parsed = ZaloTokenResponseSchema.safeParse(outcome.json);
  const body = parsed.success ? parsed.data : null;
  const text = [body?.error_name, body?.error_description ?? body?.message].filter(Boolean).join(' ');
  const code = body?.error;
  const said = [code !== undefined ? `Zalo error ${code}` : '', text].filter(Boolean).join(' ') || 'no token in the answer';
  const detail = `${said} (HTTP ${outcome.status})`;
  if (outcome.status === 429) return { kind: 'rate_limited', detail, retryAfterMs: outcome.retryAfterMs ?? ZALO_RATE_LIMIT_WAIT_MS };
  if (outcome.status >= 500) return { kind: 'transient', detail };
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) return { kind: 'rate_limited', detail, retryAfterMs: outcome.retryAfterMs ?? ZALO_RATE_LIMIT_WAIT_MS };
  if ((code !== undefined && REAUTHORIZE_CODES.has(code)) || DEAD_REFRESH_TOKEN.test(text)) return { kind: 'reauthorize', detail };
  return { kind: 'transient', detail };
}
