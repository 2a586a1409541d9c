import { randomUUID } from 'node:crypto';
import type { PartOutcome } from '../shared/deliver-parts.js';
import { requestJson } from '../shared/http-json.js';
import type { ZaloConfig } from './config.js';
import { mapZaloError, ZALO_TOKEN_ERRORS } from './errors.js';
import type { ZaloMessageBody } from './render.js';
import { ZaloApiResponseSchema } from './schemas.js';
import type { ZaloTokenProvider } from './tokens.js';

export type ZaloRecipient = { message_id: string } | { user_id: string };
export type ZaloEndpoint = 'cs' | 'transaction';

export interface ZaloClientDeps {
  config: Pick<ZaloConfig, 'apiBaseUrl'>;
  tokens: ZaloTokenProvider;
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

  return {
    async send(endpoint: ZaloEndpoint, recipient: ZaloRecipient, message: ZaloMessageBody): Promise<PartOutcome> {
      let token = await deps.tokens.accessToken();
      for (let attempt = 0; ; attempt++) {
        if (!token.ok) return { ok: false, retryable: token.retryable, code: 'AUTH_FAILED', detail: token.detail };
        const outcome = await post(endpoint, token.token, { recipient, message });
        if (outcome.kind === 'network') return { ok: false, retryable: true, code: 'NETWORK', detail: outcome.detail, outcomeUnknown: true };
        if (outcome.status === 429) {
          return { ok: false, retryable: true, code: 'RATE_LIMITED', detail: 'HTTP 429', retryAfterMs: outcome.retryAfterMs ?? 60_000 };
        }
        if (outcome.status >= 500) return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: `HTTP ${outcome.status}` };
        const parsed = ZaloApiResponseSchema.safeParse(outcome.json);
        if (!parsed.success) return { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: `unexpected answer (HTTP ${outcome.status})` };
        const answer = parsed.data;
        if (answer.error === 0) {
          // Delivered either way; without an id we cannot match its receipts, but must not send it again.
          return { ok: true, platformMessageId: answer.data?.message_id ?? `zalo-noid-${randomUUID()}` };
        }
        if (ZALO_TOKEN_ERRORS.has(answer.error) && attempt === 0) {
          token = await deps.tokens.replaceRejected(token.token);
          continue;
        }
        const mapped = mapZaloError(answer.error);
        const detail = `Zalo error ${answer.error}: ${answer.message ?? ''}`.trim();
        return mapped.retryable
          ? { ok: false, retryable: true, code: mapped.code, detail, ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}) }
          : { ok: false, retryable: false, code: mapped.code, detail };
      }
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;
