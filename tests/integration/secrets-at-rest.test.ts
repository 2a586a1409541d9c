import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { AppError } from '../../core/errors/app-error.js';
import { parseSecretKeyText } from '../../bots/secrets/secret-box.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { TEST_SECRETS_KEY } from '../support/test-secrets.js';

const LEGACY_JWT = 'legacy-plain-jwt-secret-stored-by-an-older-version-0123456789';
const LEGACY_ACCESS = 'zalo-access-token-PLAIN-abcdefghijklmnop';
const LEGACY_REFRESH = 'zalo-refresh-token-PLAIN-qrstuvwxyz012345';

/** Issue #13 finding 11: the session signing key and the Zalo OAuth tokens are never stored in plain text. */
describe.each(testBackends())('secrets at rest on $name', (backend) => {
  let database: TestDatabase;
  let t: TestPlatform | null = null;
  const start = (env: Record<string, string> = {}) => startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), database, startWorkers: false, env });

  async function stored(): Promise<{ jwt: string; access: string; refresh: string }> {
    const [settings] = await executeRows<{ value: string }>(database.db, sql`select value #>> '{}' as value from app_settings where key = 'jwt_secret'`);
    const [token] = await executeRows<{ access_token: string; refresh_token: string }>(database.db, sql`select access_token, refresh_token from channel_oauth_tokens where account_id = 'oa-legacy'`);
    return { jwt: settings!.value, access: token!.access_token, refresh: token!.refresh_token };
  }
  async function dumpAsText(): Promise<string> {
    const rows = await executeRows(database.db, sql`select (select json_agg(s) from app_settings s)::text as settings, (select json_agg(o) from channel_oauth_tokens o)::text as tokens`);
    return JSON.stringify(rows);
  }

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    // What an older version left behind: plain values.
    await database.db.execute(sql`insert into app_settings (key, value) values ('jwt_secret', to_jsonb(${LEGACY_JWT}::text))`);
    await database.db.execute(
      sql`insert into channel_oauth_tokens (channel, account_id, access_token, access_expires_at, refresh_token, seed_hash) values ('zalo', 'oa-legacy', ${LEGACY_ACCESS}, now() + interval '20 hours', ${LEGACY_REFRESH}, 'seed')`,
    );
  });
  afterEach(async () => {
    await t?.close();
    t = null;
  });
  afterAll(async () => database.close());

  let bearer = '';
  it('seals plain values left by an older version at start; the stored bytes are not the secrets, which still work', async () => {
    t = await start();
    const after = await stored();
    const keyId = parseSecretKeyText(TEST_SECRETS_KEY).id;
    for (const value of Object.values(after)) expect(value.startsWith(`enc:v1:${keyId}:`)).toBe(true);
    const dump = await dumpAsText();
    for (const secret of [LEGACY_JWT, LEGACY_ACCESS, LEGACY_REFRESH]) expect(dump).not.toContain(secret);
    // The repositories open them: the Zalo provider gets its tokens, sessions are signed with the same key as before.
    expect(await t.platform.repositories.channelTokens.read('zalo', 'oa-legacy')).toMatchObject({ accessToken: LEGACY_ACCESS, refreshToken: LEGACY_REFRESH });
    bearer = (await createAccounts(t, [['secret@tld.vn', 'TLD', 'admin']]))['secret@tld.vn'] as string;
    expect((await fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(200);
  });

  it('a token rotation writes sealed values', async () => {
    t = await start();
    await t.platform.repositories.channelTokens.withLockedToken('zalo', 'oa-legacy', async () => ({
      update: { kind: 'rotated', accessToken: 'at-NEW-1234567890', refreshToken: 'rt-NEW-1234567890', accessExpiresAt: new Date(Date.now() + 3_600_000), now: new Date() },
      result: null,
    }));
    const dump = await dumpAsText();
    expect(dump).not.toContain('at-NEW-1234567890');
    expect(dump).not.toContain('rt-NEW-1234567890');
    expect(await t.platform.repositories.channelTokens.read('zalo', 'oa-legacy')).toMatchObject({ accessToken: 'at-NEW-1234567890', refreshToken: 'rt-NEW-1234567890' });
  });

  it('a process with another key refuses to start with a clear typed error, and changes nothing', async () => {
    const before = await stored();
    let error: unknown;
    try {
      t = await start({ SECRETS_KEY: randomBytes(32).toString('base64') });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SECRETS_KEY_MISMATCH');
    expect((error as AppError).message).toContain(parseSecretKeyText(TEST_SECRETS_KEY).id);
    expect(await stored()).toEqual(before);
  });

  it('a new SECRETS_KEY with the old one in SECRETS_KEY_PREVIOUS reseals everything; sessions survive the rotation', async () => {
    const next = randomBytes(32).toString('base64');
    t = await start({ SECRETS_KEY: next, SECRETS_KEY_PREVIOUS: TEST_SECRETS_KEY });
    const nextId = parseSecretKeyText(next).id;
    for (const value of Object.values(await stored())) expect(value.startsWith(`enc:v1:${nextId}:`)).toBe(true);
    expect((await fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(200);
    await t.close();
    // The old key alone no longer opens anything.
    t = null;
    await expect(start()).rejects.toMatchObject({ code: 'SECRETS_KEY_MISMATCH' });
  });
});
