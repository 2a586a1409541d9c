import { createHash } from 'node:crypto';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ChannelTokenRepository, OauthTokenUpdate, StoredOauthToken } from '../../storage/repositories/channel-token-repository.js';
import type { ChannelHealth } from '../shared/channel-health.js';
import { requestJson } from '../shared/http-json.js';
import type { ZaloConfig } from './config.js';
import { ZaloTokenResponseSchema } from './schemas.js';
import { classifyZaloTokenFailure, type ZaloTokenFailure } from './token-errors.js';

export type AccessTokenResult =
  | { ok: true; token: string }
  /** `failure`: why (rate limited, transient, re-authorisation needed); `retryAfterMs`: when asking again may help. */
  | { ok: false; retryable: boolean; detail: string; failure: ZaloTokenFailure['kind']; retryAfterMs?: number };

export interface ZaloTokenDeps {
  config: Pick<ZaloConfig, 'appId' | 'appSecret' | 'accountId' | 'refreshToken' | 'oauthBaseUrl'>;
  tokens: ChannelTokenRepository;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Refresh when less than this is left (the access token lives 25 h). */
  refreshMarginMs?: number;
  timeoutMs?: number;
  /** Where token outcomes are reported (/readyz, /metrics, release of held replies). */
  health?: ChannelHealth;
  /** Backoff after a transient refresh failure: doubles from `first` up to `max` (this process asks no sooner). */
  backoff?: { firstMs: number; maxMs: number };
}

const CHANNEL = 'zalo';
// After the platform refused the refresh token, try again at most this often (in case it was transient).
const REAUTH_RETRY_MS = 10 * 60_000;

/**
 * Zalo OA access tokens (OAuth v4). The refresh token is single-use: every refresh returns a new pair
 * that must be stored before the new access token is used, or the chain is lost and an administrator
 * has to authorise again. So refreshes run under the token row's lock (one worker at a time), and a
 * worker that waited re-reads the row and uses the token the other one just stored.
 */
export function createZaloTokenProvider(deps: ZaloTokenDeps) {
  const margin = deps.refreshMarginMs ?? 6 * 3_600_000;
  const seedHash = createHash('sha256').update(deps.config.refreshToken).digest('hex');
  let seeded = false;
  // Calls in the same process share one refresh instead of queueing on the row lock.
  let inflight: Promise<AccessTokenResult> | null = null;
  // After a transient failure or a rate limit this process waits before asking Zalo again.
  const backoff = deps.backoff ?? { firstMs: 2000, maxMs: 10 * 60_000 };
  let pause: { until: number; nextDelayMs: number; failure: Extract<AccessTokenResult, { ok: false }> } | null = null;

  async function ensureSeeded(): Promise<void> {
    if (seeded) return;
    await deps.tokens.seed({ channel: CHANNEL, accountId: deps.config.accountId, refreshToken: deps.config.refreshToken, seedHash, now: deps.clock.now() });
    seeded = true;
  }

  const fresh = (row: StoredOauthToken, now: Date) =>
    row.accessToken !== null && row.accessExpiresAt !== null && row.accessExpiresAt.getTime() - now.getTime() > margin;

  async function refreshLocked(rejected: string | null): Promise<AccessTokenResult> {
    await ensureSeeded();
    const result = await deps.tokens.withLockedToken(CHANNEL, deps.config.accountId, async (current) => {
      const now = deps.clock.now();
      // Someone refreshed while we waited for the lock: use theirs.
      if (current.accessToken && (rejected === null ? fresh(current, now) : current.accessToken !== rejected)) {
        return { update: null, result: { ok: true, token: current.accessToken } as AccessTokenResult };
      }
      if (current.needsReauthorization && now.getTime() - current.updatedAt.getTime() < REAUTH_RETRY_MS) {
        return { update: null, result: reauthorizationNeeded(current.lastError) };
      }
      return callRefreshEndpoint(current.refreshToken, now, rejected !== null);
    });
    return result ?? { ok: false, retryable: true, failure: 'transient', detail: 'no Zalo token row' };
  }

  async function callRefreshEndpoint(refreshToken: string, now: Date, accessRejected: boolean): Promise<{ update: OauthTokenUpdate | null; result: AccessTokenResult }> {
    const outcome = await requestJson(`${deps.config.oauthBaseUrl}/v4/oa/access_token`, {
      headers: { secret_key: deps.config.appSecret },
      form: { refresh_token: refreshToken, app_id: deps.config.appId, grant_type: 'refresh_token' },
      timeoutMs: deps.timeoutMs ?? 10_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    const parsed = outcome.kind === 'response' && outcome.status < 300 ? ZaloTokenResponseSchema.safeParse(outcome.json) : null;
    const body = parsed?.success ? parsed.data : null;
    if (body?.access_token && body.refresh_token) {
      const expiresInMs = (body.expires_in ?? 90_000) * 1000;
      deps.logger.info({ expiresInMs }, 'Zalo access token refreshed');
      return {
        update: { kind: 'rotated', accessToken: body.access_token, refreshToken: body.refresh_token, accessExpiresAt: new Date(now.getTime() + expiresInMs), now },
        result: { ok: true, token: body.access_token },
      };
    }
    const failure = classifyZaloTokenFailure(outcome);
    if (failure.kind === 'reauthorize') {
      deps.logger.error({ error: failure.detail }, 'Zalo refused the refresh token: an administrator must authorise the app again');
      // An access token Zalo already rejected must not be used again; one that still works is, until it expires.
      return { update: { kind: 'refused', error: failure.detail, now, clearAccessToken: accessRejected }, result: reauthorizationNeeded(failure.detail) };
    }
    deps.logger.warn({ kind: failure.kind, detail: failure.detail }, 'Zalo token refresh failed; will retry with backoff');
    return {
      // An access token Zalo rejected is dropped even so: nobody (the background check included) may take it for working.
      update: { kind: 'failed', error: failure.detail, now, clearAccessToken: accessRejected },
      result: { ok: false, retryable: true, failure: failure.kind, detail: `token refresh failed: ${failure.detail}`, ...(failure.kind === 'rate_limited' ? { retryAfterMs: failure.retryAfterMs } : {}) },
    };
  }

  function reauthorizationNeeded(error: string | null): AccessTokenResult {
    return { ok: false, retryable: false, failure: 'reauthorize', detail: `Zalo needs re-authorisation: ${error ?? 'refresh token refused'}` };
  }

  /** Every outcome feeds the channel's health and this process's backoff. */
  function observe(result: AccessTokenResult): AccessTokenResult {
    const now = deps.clock.now().getTime();
    if (result.ok) {
      pause = null;
      deps.health?.ok('token');
      return result;
    }
    if (result.failure === 'reauthorize') {
      pause = null;
      deps.health?.down('token', result.detail);
      return result;
    }
    const delay = result.retryAfterMs ?? pause?.nextDelayMs ?? backoff.firstMs;
    pause = { until: now + delay, nextDelayMs: Math.min(Math.max(delay, backoff.firstMs) * 2, backoff.maxMs), failure: result };
    deps.health?.degraded('token', result.detail);
    return { ...result, retryAfterMs: delay };
  }

  /** While backing off, callers get the last failure at once instead of another call to Zalo. */
  function paused(): AccessTokenResult | null {
    const now = deps.clock.now().getTime();
    if (!pause || now >= pause.until) return null;
    return { ...pause.failure, retryAfterMs: pause.until - now };
  }

  function shared(rejected: string | null): Promise<AccessTokenResult> {
    const waiting = paused();
    if (waiting) return Promise.resolve(waiting);
    if (!inflight) inflight = refreshLocked(rejected).then(observe).finally(() => (inflight = null));
    return inflight;
  }

  return {
    /** A valid access token, refreshed first when it expires within the margin. */
    async accessToken(): Promise<AccessTokenResult> {
      await ensureSeeded();
      const row = await deps.tokens.read(CHANNEL, deps.config.accountId);
      if (row && fresh(row, deps.clock.now())) {
        // A refresh failing early (6 h margin) is no outage yet: the access token still works.
        if (!row.needsReauthorization) deps.health?.ok('token');
        return { ok: true, token: row.accessToken as string };
      }
      return shared(null);
    },
    /** Zalo said `rejected` is invalid or expired (-216/-220): refresh once, unless another worker already did. */
    async replaceRejected(rejected: string): Promise<AccessTokenResult> {
      return shared(rejected);
    },
    /** The background check: gets (and refreshes) the token; throws when the channel cannot send. */
    async check(): Promise<void> {
      const result = await this.accessToken();
      if (!result.ok) throw new Error(result.detail);
    },
    /**
     * For /readyz, from the shared token row (another process may be the one sending) and this process's view:
     * throws with the reason when re-authorisation is needed or the token cannot be had right now.
     */
    async status(): Promise<void> {
      const row = await deps.tokens.read(CHANNEL, deps.config.accountId);
      if (row?.needsReauthorization) {
        const still = row.accessToken && row.accessExpiresAt && row.accessExpiresAt > deps.clock.now() ? `; sending with the current access token until ${row.accessExpiresAt.toISOString()}` : '';
        throw new Error(`re-authorisation needed: ${row.lastError ?? 'refresh token refused'}${still}`);
      }
      const snapshot = deps.health?.snapshot();
      if (snapshot && snapshot.state !== 'ok') throw new Error(`${snapshot.state}${snapshot.reason ? `: ${snapshot.reason}` : ''}`);
      if (!row?.accessToken) throw new Error(row?.lastError ? `no access token: ${row.lastError}` : 'no access token yet');
    },
  };
}

export type ZaloTokenProvider = ReturnType<typeof createZaloTokenProvider>;
