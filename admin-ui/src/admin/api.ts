import type { ErrorResponse, LoginResponse, MeResponse, UnitNode } from '../../../core/contracts/admin-api';

/** Thin client of the admin API. The session is an httpOnly cookie; the browser sends it same-origin. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'content-type': 'application/json' }, ...init });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as ErrorResponse | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`, error?.fields ?? []);
  }
  return body as T;
}

export const adminApi = {
  login: (email: string, password: string) => request<LoginResponse>('/api/admin/login', { method: 'POST', body: JSON.stringify({ email, password }) }),
  logout: () => request<void>('/api/admin/logout', { method: 'POST' }),
  me: () => request<MeResponse>('/api/admin/me'),
  units: () => request<{ units: UnitNode[] }>('/api/admin/units'),
};
