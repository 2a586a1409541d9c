import { openDatabase, type Database } from '../../bots/storage/database.js';
import { createChannelTokenRepository } from '../../bots/storage/repositories/channel-token-repository.js';
import { createZaloTokenProvider } from '../../bots/channels/zalo/tokens.js';
import { silentLogger } from '../../core/ports/logger.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testSecretBox } from '../support/test-secrets.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';

const CONFIG = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret', appSecret: 'app-secret', refreshToken: 'rt-initial' };

describe.each(testBackends())('Zalo OAuth token rotation on $name', (backend) => {
  let database: TestDatabase;
  let zalo: FakeZaloServer;
  const extra: Database[] = [];
  let now = new Date('2026-03-02T08:00:00Z');
  const clock = { now: () => now };
  // One database per backend (PGlite starts slowly); each test uses its own OA, so its own token row.
  let oaId = '';
  let oaCount = 0;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    zalo = await FakeZaloServer.start(CONFIG);
    now = new Date('2026-03-02T08:00:00Z');
    oaId = `${CONFIG.oaId}${oaCount++}`;
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((d) => d.close()));
    await zalo.close();
  });

  /** A provider as one worker process would build it; on Postgres each gets its own connection pool. */
  async function worker(refreshToken = CONFIG.refreshToken) {
    let db = database.db;
    if (database.url) {
      const own = await openDatabase({ databaseUrl: database.url, poolSize: 2, migrate: false });
      extra.push(own);
      db = own.db;
    }
    return createZaloTokenProvider({
      config: { ...CONFIG, accountId: oaId, refreshToken, oauthBaseUrl: zalo.url },
      tokens: createChannelTokenRepository(db, testSecretBox()),
      clock,
      logger: silentLogger,
    });
  }

  it('lets exactly one of many concurrent workers spend the single-use refresh token', async () => {
    const workers = await Promise.all(Array.from({ length: 5 }, () => worker()));
    const results = await Promise.all(workers.flatMap((w) => [w.accessToken(), w.accessToken()]));
    expect(zalo.refreshCalls).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.token : r.detail)))).toEqual(new Set([zalo.currentAccessToken]));
    const row = await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId);
    expect(row).toMatchObject({ refreshToken: zalo.currentRefreshToken, refreshCount: 1, needsReauthorization: false });
    expect(zalo.refreshCalls[0]?.headers.secret_key).toBe(CONFIG.appSecret);
    expect(zalo.refreshCalls[0]?.body).toMatchObject({ grant_type: 'refresh_token', app_id: CONFIG.appId, refresh_token: 'rt-initial' });
  });

  it('refreshes once when several workers report the same rejected token (-216)', async () => {
    const workers = await Promise.all(Array.from({ length: 4 }, () => worker()));
    const first = await workers[0]!.accessToken();
    if (!first.ok) throw new Error(first.detail);
    zalo.expireAccessToken();
    const replaced = await Promise.all(workers.map((w) => w.replaceRejected(first.token)));
    expect(zalo.refreshCalls).toHaveLength(2);
    expect(replaced.every((r) => r.ok && r.token === zalo.currentAccessToken)).toBe(true);
    // A worker that reports the old token again gets the new one without another refresh.
    expect(await workers[1]!.replaceRejected(first.token)).toEqual({ ok: true, token: zalo.currentAccessToken });
    expect(zalo.refreshCalls).toHaveLength(2);
  });

  it('refreshes proactively when less than the margin is left, and not before', async () => {
    const provider = await worker();
    await provider.accessToken();
    now = new Date(now.getTime() + 18 * 3_600_000);
    await provider.accessToken();
    expect(zalo.refreshCalls).toHaveLength(1);
    now = new Date(now.getTime() + 2 * 3_600_000); // 20 h after the refresh: 5 h left of 25 h
    const result = await provider.accessToken();
    expect(zalo.refreshCalls).toHaveLength(2);
    expect(result).toEqual({ ok: true, token: zalo.currentAccessToken });
  });

  it('flags re-authorisation when Zalo refuses the refresh token, and a new configured token restarts the chain', async () => {
    const stale = await worker('rt-already-used');
    const refused = await stale.accessToken();
    expect(refused).toMatchObject({ ok: false, retryable: false });
    const row = await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId);
    expect(row).toMatchObject({ needsReauthorization: true, accessToken: null });
    // Within 10 minutes nobody hammers Zalo with the refused token.
    expect(await stale.accessToken()).toMatchObject({ ok: false });
    expect(zalo.refreshCalls).toHaveLength(1);
    const fresh = await worker(CONFIG.refreshToken);
    expect(await fresh.accessToken()).toEqual({ ok: true, token: zalo.currentAccessToken });
  });

  it('keeps the chain when Zalo is unreachable (retryable, nothing stored)', async () => {
    const provider = await worker();
    await zalo.close();
    const result = await provider.accessToken();
    expect(result).toMatchObject({ ok: false, retryable: true });
    const row = await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId);
    expect(row).toMatchObject({ refreshToken: 'rt-initial', needsReauthorization: false, accessToken: null });
    zalo = await FakeZaloServer.start(CONFIG);
  });

  it('treats a rate limit (-32) as a pause, not re-authorisation: no call until the wait is over, then the chain goes on', async () => {
    const provider = await worker();
    zalo.breakTokenEndpoint({ status: 200, json: { error: -32, message: 'Your application reached limit call api' } });
    expect(await provider.accessToken()).toMatchObject({ ok: false, retryable: true, failure: 'rate_limited', retryAfterMs: 60_000 });
    now = new Date(now.getTime() + 30_000);
    expect(await provider.accessToken()).toMatchObject({ ok: false, failure: 'rate_limited', retryAfterMs: 30_000 });
    expect(zalo.refreshCalls).toHaveLength(1);
    expect(await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId)).toMatchObject({ needsReauthorization: false, refreshToken: 'rt-initial', lastError: expect.stringContaining('-32') });
    zalo.restoreTokenEndpoint();
    now = new Date(now.getTime() + 31_000);
    expect(await provider.accessToken()).toEqual({ ok: true, token: zalo.currentAccessToken });
    expect(await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId)).toMatchObject({ lastError: null, refreshCount: 1 });
  });

  it('backs off on outages and unknown error codes with growing waits, never flagging re-authorisation', async () => {
    const provider = await worker();
    zalo.breakTokenEndpoint({ status: 200, json: { error: -100, message: 'Unknown error' } });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await provider.accessToken();
      if (result.ok) throw new Error('expected a failure');
      expect(result).toMatchObject({ retryable: true, failure: 'transient' });
      waits.push(result.retryAfterMs ?? 0);
      now = new Date(now.getTime() + (result.retryAfterMs ?? 0));
    }
    expect(waits).toEqual([2000, 4000, 8000, 16_000]);
    expect(zalo.refreshCalls).toHaveLength(4);
    expect(await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId)).toMatchObject({ needsReauthorization: false });
  });

  it('drops an access token Zalo rejected even when the refresh fails only for a while', async () => {
    const provider = await worker();
    const first = await provider.accessToken();
    if (!first.ok) throw new Error(first.detail);
    zalo.breakTokenEndpoint({ status: 503, json: { message: 'upstream error' } });
    expect(await provider.replaceRejected(first.token)).toMatchObject({ ok: false, failure: 'transient' });
    expect(await createChannelTokenRepository(database.db, testSecretBox()).read('zalo', oaId)).toMatchObject({ accessToken: null, needsReauthorization: false });
    await expect(provider.status()).rejects.toThrow(/no access token: upstream error \(HTTP 503\)/);
  });
});
