/** The outcome of one HTTP call to a platform API: an answer (any status) or no answer at all. */
export type HttpOutcome =
  | { kind: 'response'; status: number; json: unknown; retryAfterMs: number | null }
  | { kind: 'network'; detail: string };

export interface HttpJsonOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON body, or a form (`application/x-www-form-urlencoded`) for OAuth endpoints. */
  body?: unknown;
  form?: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Calls a platform API and never throws: timeouts, refused connections and non-JSON answers become
 * outcomes the adapter maps to a SendResult (platforms' refusals are results, not exceptions).
 */
export async function requestJson(url: string, options: HttpJsonOptions): Promise<HttpOutcome> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    const response = await doFetch(url, { method: options.method ?? 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { unparsable: text.slice(0, 200) };
    }
    return { kind: 'response', status: response.status, json, retryAfterMs: retryAfterHeaderMs(response.headers.get('retry-after')) };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'network', detail: reason };
  }
}

function retryAfterHeaderMs(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}
