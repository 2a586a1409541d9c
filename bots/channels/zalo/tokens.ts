import { createHash } from 'node:crypto';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ChannelTokenRepository, OauthTokenUpdate, StoredOauthToken } from '../../storage/repositories/channel-token-repository.js';
import { requestJson } from '../shared/http-json.js';
import type { ZaloConfig } from './config.js';
import { ZaloTokenResponseSchema } from './schemas.js';

export type AccessTokenResult =
  | { ok: true; token: string }
  | { ok: false; retryable: boolean; detail: string };

export interface ZaloTokenDeps {
  config: Pick<ZaloConfig, 'appId' | 'appSecret' | 'accountId' | 'refreshToken' | 'oauthBaseUrl'>;
  tokens: ChannelTokenRepository;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Refresh when less than this is left (the access token lives 25 h). */
  refreshMarginMs?: number;
  timeoutMs?: number;
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
        return { update: null, result: { ok: false, retryable: false, detail: `Zalo needs re-authorisation: ${current.lastError ?? 'refresh token refused'}` } as AccessTokenResult };
      }
      return callRefreshEndpoint(current.refreshToken, now);
    });
    return result ?? { ok: false, retryable: true, detail: 'no Zalo token row' };
  }

  async function callRefreshEndpoint(refreshToken: string, now: Date): Promise<{ update: OauthTokenUpdate | null; result: AccessTokenResult }> {
    const outcome = await requestJson(`${deps.config.oauthBaseUrl}/v4/oa/access_token`, {
      headers: { secret_key: deps.config.appSecret },
      form: { refresh_token: refreshToken, app_id: deps.config.appId, grant_type: 'refresh_token' },
      timeoutMs: deps.timeoutMs ?? 10_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    if (outcome.kind === 'network' || outcome.status >= 500) {
      const detail = outcome.kind === 'network' ? outcome.detail : `HTTP ${outcome.status}`;
      deps.logger.warn({ detail }, 'Zalo token refresh failed; will retry');
      return { update: null, result: { ok: false, retryable: true, detail: `token refresh failed: ${detail}` } };
    }
    const parsed = ZaloTokenResponseSchema.safeParse(outcome.json);
    const body = parsed.success ? parsed.data : null;
    if (body?.access_token && body.refresh_token) {
      const expiresInMs = (body.expires_in ?? 90_000) * 1000;
      deps.logger.info({ expiresInMs }, 'Zalo access token refreshed');
      return {
        update: { kind: 'rotated', accessToken: body.access_token, refreshToken: body.refresh_token, accessExpiresAt: new Date(now.getTime() + expiresInMs), now },
        result: { ok: true, token: body.access_token },
      };
    }
    const error = `${body?.error ?? 'no token'} ${body?.error_name ?? ''} ${body?.error_description ?? body?.message ?? ''}`.trim();
    deps.logger.error({ error }, 'Zalo refused the refresh token: an administrator must authorise the app again');
    return { update: { kind: 'refused', error, now }, result: { ok: false, retryable: false, detail: `Zalo refused the refresh token (${error})` } };
  }

  function shared(rejected: string | null): Promise<AccessTokenResult> {
    if (!inflight) inflight = refreshLocked(rejected).finally(() => (inflight = null));
    return inflight;
  }

  return {
    /** A valid access token, refreshed first when it expires within the margin. */
    async accessToken(): Promise<AccessTokenResult> {
      await ensureSeeded();
      const row = await deps.tokens.read(CHANNEL, deps.config.accountId);
      if (row && fresh(row, deps.clock.now())) return { ok: true, token: row.accessToken as string };
      return shared(null);
    },
    /** Zalo said `rejected` is invalid or expired (-216/-220): refresh once, unless another worker already did. */
    async replaceRejected(rejected: string): Promise<AccessTokenResult> {
      return shared(rejected);
    },
    /** For /readyz: throws when the token chain is broken or the platform could not be reached yet. */
    async check(): Promise<void> {
      const result = await this.accessToken();
      if (!result.ok) throw new Error(result.detail);
    },
  };
}

export type ZaloTokenProvider = ReturnType<typeof createZaloTokenProvider>;
