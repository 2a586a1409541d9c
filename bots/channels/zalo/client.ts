import { randomUUID } from 'node:crypto';
import type { PartOutcome } from '../shared/deliver-parts.js';
import type { ChannelHealth } from '../shared/channel-health.js';
import { requestJson } from '../shared/http-json.js';
import type { ZaloConfig } from './config.js';
import { mapZaloError, ZALO_TOKEN_ERRORS } from './errors.js';
import type { ZaloMessageBody } from './render.js';
import { ZaloApiResponseSchema } from './schemas.js';
import type { AccessTokenResult, ZaloTokenProvider } from './tokens.js';

export type ZaloRecipient = { message_id: string } | { user_id: string };
export type ZaloEndpoint = 'cs' | 'transaction';

export interface ZaloClientDeps {
  config: Pick<ZaloConfig, 'apiBaseUrl'>;
  tokens: ZaloTokenProvider;
  /** Sends that work or fail for everyone are reported here (a working send ends an outage). */
  health?: ChannelHealth;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * A thin client of the OA Open API v3 send endpoints. Zalo answers HTTP 200 with `{ error: <negative> }`
 * for refusals; a refused token (-216/-220) is refreshed once and the call repeated.
 */
export function createZaloClient(deps: ZaloClientDeps) {
  async function post(endpoint: ZaloEndpoint, token: string, body: unknown) {
    return requestJson(`${deps.config.apiBaseUrl}/v3.0/oa/message/${endpoint}`, {
      headers: { access_token: token },
      body,
      timeoutMs: deps.timeoutMs ?? 15_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
  }

  async function attempt(endpoint: ZaloEndpoint, recipient: ZaloRecipient, message: ZaloMessageBody): Promise<PartOutcome & { fromToken?: boolean }> {
    let token = await deps.tokens.accessToken();
    for (let round = 0; ; round++) {
      if (!token.ok) return { ...tokenUnavailable(token), fromToken: true };
      const outcome = await post(endpoint, token.token, { recipient, message });
      if (outcome.kind === 'network') return { ok: false, retryable: true, code: 'NETWORK', detail: outcome.detail, outcomeUnknown: true, outage: true };
      if (outcome.status === 429) {
        return { ok: false, retryable: true, code: 'RATE_LIMITED', detail: 'HTTP 429', retryAfterMs: outcome.retryAfterMs ?? 60_000 };
      }
      if (outcome.status >= 500) return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: `HTTP ${outcome.status}`, outage: true };
      const parsed = ZaloApiResponseSchema.safeParse(outcome.json);
      if (!parsed.success) return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: `unexpected answer (HTTP ${outcome.status})`, outage: true };
      const answer = parsed.data;
      if (answer.error === 0) {
        // Delivered either way; without an id we cannot match its receipts, but must not send it again.
        return { ok: true, platformMessageId: answer.data?.message_id ?? `zalo-noid-${randomUUID()}` };
      }
      if (ZALO_TOKEN_ERRORS.has(answer.error) && round === 0) {
        token = await deps.tokens.replaceRejected(token.token);
        continue;
      }
      const mapped = mapZaloError(answer.error);
      const detail = `Zalo error ${answer.error}: ${answer.message ?? ''}`.trim();
      // A token refused right after a successful refresh: the OA's access is broken for every reply.
      const outage = mapped.outage === true || ZALO_TOKEN_ERRORS.has(answer.error) ? { outage: true } : {};
      return mapped.retryable
        ? { ok: false, retryable: true, code: mapped.code, detail, ...outage, ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}) }
        : { ok: false, retryable: false, code: mapped.code, detail, ...outage };
    }
  }

  return {
    async send(endpoint: ZaloEndpoint, recipient: ZaloRecipient, message: ZaloMessageBody): Promise<PartOutcome> {
      const outcome = await attempt(endpoint, recipient, message);
      // Token trouble is reported by the token provider; here only what the send endpoint said.
      if (outcome.ok) deps.health?.ok('send');
      else if (outcome.outage && !outcome.fromToken) {
        if (outcome.retryable) deps.health?.degraded('send', outcome.detail);
        else deps.health?.down('send', outcome.detail);
      }
      return outcome;
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;

/**
 * No token, so no reply can go out: a rate limit is waited out (not an attempt), a passing failure is
 * retried with backoff and then held, a refused refresh token holds the reply until someone authorises
 * the app again. Either way the reply is not lost.
 */
function tokenUnavailable(token: Extract<AccessTokenResult, { ok: false }>): PartOutcome {
  const wait = token.retryAfterMs !== undefined ? { retryAfterMs: token.retryAfterMs } : {};
  if (token.failure === 'rate_limited') return { ok: false, retryable: true, code: 'RATE_LIMITED', detail: token.detail, outage: true, ...wait };
  if (token.failure === 'transient') return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: token.detail, outage: true, ...wait };
  return { ok: false, retryable: false, code: 'AUTH_FAILED', detail: token.detail, outage: true };
}
