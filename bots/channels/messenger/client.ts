import type { PartOutcome } from '../shared/deliver-parts.js';
import { requestJson } from '../shared/http-json.js';
import type { MessengerConfig } from './config.js';
import { mapGraphError } from './errors.js';
import { GraphErrorSchema, SendApiResponseSchema } from './schemas.js';

export interface MessengerClientDeps {
  config: Pick<MessengerConfig, 'apiBaseUrl' | 'apiVersion' | 'pageId' | 'pageAccessToken'>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A thin Graph API client: the Send API and a Page lookup for the readiness check. The version path is added here. */
export function createMessengerClient(deps: MessengerClientDeps) {
  const { config } = deps;
  const url = (path: string) => `${config.apiBaseUrl}/${config.apiVersion}/${path}?access_token=${encodeURIComponent(config.pageAccessToken)}`;
  const options = { timeoutMs: deps.timeoutMs ?? 15_000, ...(deps.fetch ? { fetch: deps.fetch } : {}) };

  return {
    async send(body: Record<string, unknown>): Promise<PartOutcome> {
      const outcome = await requestJson(url(`${config.pageId}/messages`), { ...options, body });
      if (outcome.kind === 'network') return { ok: false, retryable: true, code: 'NETWORK', detail: outcome.detail, outcomeUnknown: true };
      if (outcome.status === 200) {
        const sent = SendApiResponseSchema.safeParse(outcome.json);
        if (sent.success) return { ok: true, platformMessageId: sent.data.message_id };
      }
      const error = GraphErrorSchema.safeParse(outcome.json);
      const graph = error.success ? error.data.error : null;
      const mapped = mapGraphError(outcome.status, graph?.code ?? null, graph?.error_subcode ?? null);
      const detail = graph
        ? `Graph error ${graph.code}${graph.error_subcode ? `/${graph.error_subcode}` : ''}: ${graph.message ?? ''} (fbtrace ${graph.fbtrace_id ?? '-'})`
        : `HTTP ${outcome.status}`;
      const retryAfterMs = outcome.retryAfterMs ?? mapped.retryAfterMs;
      return mapped.retryable
        ? { ok: false, retryable: true, code: mapped.code, detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }
        : { ok: false, retryable: false, code: mapped.code, detail };
    },

    /** Throws unless the Page token works (used by the background readiness probe). */
    async checkPage(): Promise<void> {
      const outcome = await requestJson(url(config.pageId), { ...options, method: 'GET' });
      if (outcome.kind === 'network') throw new Error(`Graph API unreachable: ${outcome.detail}`);
      if (outcome.status !== 200) {
        const error = GraphErrorSchema.safeParse(outcome.json);
        throw new Error(error.success ? `Graph error ${error.data.error.code}: ${error.data.error.message ?? ''}` : `HTTP ${outcome.status}`);
      }
    },
  };
}

export type MessengerClient = ReturnType<typeof createMessengerClient>;
