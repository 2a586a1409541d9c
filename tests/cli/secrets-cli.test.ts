import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { bootBase } from '../../bots/bootstrap.js';
import { runCli } from '../../bots/cli/main.js';
import { parseSecretKeyText } from '../../bots/secrets/secret-box.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { captureCli } from '../support/cli-capture.js';

const capture = (env: Record<string, string>) => captureCli({ LOG_LEVEL: 'silent', ...env });

async function cli(env: Record<string, string>, ...args: string[]) {
  const c = capture(env);
  const code = await runCli(args, c.io);
  return { code, out: c.out, err: c.err, json: () => JSON.parse(c.out[c.out.length - 1] as string) as Record<string, unknown> };
}

/** `congdoan secrets`: status, rotation and key generation (issue #13 finding 11). */
describe.each(testBackends())('congdoan secrets on $name', (backend) => {
  let dir: string;
  let database: TestDatabase | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-secrets-'));
    database = backend.name === 'postgres' ? await createTestDatabase(backend) : null;
    env = { DATA_DIR: join(dir, 'data'), ...(database ? { DATABASE_URL: database.url as string } : {}) };
    // Plain values, as an older version stored them.
    const base = await bootBase({ LOG_LEVEL: 'silent', DEMO_SEED: 'false', ...env });
    await base.database.db.execute(sql`insert into app_settings (key, value) values ('jwt_secret', to_jsonb('plain-jwt-secret-0123456789-0123456789'::text))`);
    await base.database.db.execute(sql`insert into app_settings (key, value) values ('mood_pseudonym_key', to_jsonb(${randomBytes(32).toString('base64')}::text))`);
    await base.database.db.execute(sql`insert into channel_oauth_tokens (channel, account_id, access_token, refresh_token, seed_hash) values ('zalo', 'oa', 'plain-at', 'plain-rt', 'h')`);
    await base.database.close();
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates keys SECRETS_KEY accepts', async () => {
    const result = await cli(env, 'secrets', 'generate-key');
    expect(result.code).toBe(0);
    expect(parseSecretKeyText(result.out[0] as string).key).toHaveLength(32);
  });

  it('reports plain values, seals them, reseals on a key change, and refuses a key that opens nothing', async () => {
    const before = await cli(env, 'secrets', 'status', '--format', 'json');
    expect(before.code).toBe(0);
    expect(before.json()).toMatchObject({ key: { source: 'file' } });
    expect((before.json().secrets as { state: string }[]).map((s) => s.state)).toEqual(['plain', 'plain', 'plain', 'plain']);

    const sealed = await cli(env, 'secrets', 'rotate', '--format', 'json');
    expect(sealed.json()).toMatchObject({ sealed: 4, resealed: 0, current: 0, unreadable: [] });
    const after = await cli(env, 'secrets', 'status', '--format', 'json');
    expect((after.json().secrets as { state: string }[]).map((s) => s.state)).toEqual(['current', 'current', 'current', 'current']);

    // Moving to an environment key: the generated key file still opens the old values.
    const next = randomBytes(32).toString('base64');
    const rotated = await cli({ ...env, SECRETS_KEY: next }, 'secrets', 'rotate', '--format', 'json');
    expect(rotated.json()).toMatchObject({ keyId: parseSecretKeyText(next).id, sealed: 0, resealed: 4 });
    const text = await cli({ ...env, SECRETS_KEY: next }, 'secrets', 'status');
    expect(text.out[0]).toContain(`key ${parseSecretKeyText(next).id} (SECRETS_KEY)`);
    expect(text.out.slice(1).every((line) => line.startsWith('current'))).toBe(true);

    const wrong = await cli({ ...env, SECRETS_KEY: randomBytes(32).toString('base64') }, 'secrets', 'rotate');
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toContain('SECRETS_KEY_MISMATCH');
    expect(wrong.err.join('\n')).toContain('app_settings:jwt_secret');
  });
});
