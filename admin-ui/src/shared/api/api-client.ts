import type { z } from 'zod';
import { ErrorResponseSchema } from '../../../../core/contracts/admin-api';
import { ApiError, CLIENT_ERROR_CODES } from './api-error';

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  /** Query-string parameters; `undefined`/`null` ones are left out, arrays repeat the key. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** TanStack Query passes one to every queryFn: a navigation away cancels the request. */
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Prefer: respond-async` (the dashboard's summary, D-mood-18). */
  headers?: Record<string, string>;
}

/**
 * The one HTTP client of the admin app. Every response body is parsed with the zod schema of its contract
 * (core/contracts), so a server that drifts from the contract fails loudly at the edge instead of rendering
 * `undefined` somewhere deep in a page. Pass `null` as the schema for endpoints that answer 204.
 * The session is an httpOnly cookie sent same-origin; the app never sees the token.
 */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'body'>) => request('GET', path, schema, options),
  post: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) => request('POST', path, schema, options),
  put: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) => request('PUT', path, schema, options),
  patch: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) => request('PATCH', path, schema, options),
  delete: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) => request('DELETE', path, schema, options),
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : void;

export function buildUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * `fetch` with the client's own errors: a server that cannot be reached is an ApiError (`network`), an aborted
 * request stays the AbortError TanStack Query expects. Every request of the app goes through it.
 */
export async function fetchOrNetworkError(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { ...init, ...(signal ? { signal } : {}) });
  } catch (error) {
    // An aborted request is not a failure to report: let TanStack Query see the AbortError it expects.
    if (signal?.aborted) throw error;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, `cannot reach the server: ${(error as Error).message}`);
  }
}

async function request<S extends z.ZodType | null>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<Parsed<S>> {
  const response = await fetchOrNetworkError(
    buildUrl(path, options.query),
    {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    },
    options.signal,
  );

  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response.status, body);
  if (schema === null) return undefined as Parsed<S>;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `${method} ${path}: the response does not match its contract`, fields);
  }
  return parsed.data as Parsed<S>;
}

/** The error a failed answer stands for: the server's code and fields when its body is an error response. */
export function errorFrom(status: number, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiError(status, CLIENT_ERROR_CODES.http, `HTTP ${status}`, [], body);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(status, code, message, fields ?? [], body);
}
