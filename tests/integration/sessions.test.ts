import { eq } from 'drizzle-orm';
import { hashPassword } from '../../bots/auth/password.js';
import { units, users } from '../../bots/storage/schema/index.js';
import { createAccounts, TEST_PASSWORD } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/** Issue #13: logout, a new password, a changed role or unit, a disabled or deleted account end sessions at once. */
describe.each(testBackends())('admin sessions on $name', (backend) => {
  let t: TestPlatform;
  const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge() });
    await createAccounts(t, [['seed@tld.vn', 'TLD', 'admin']]);
  });
  afterAll(async () => t?.close());

  let counter = 0;
  async function newAccount(role: 'admin' | 'leader' | 'officer' = 'officer'): Promise<{ email: string; token: string; cookie: string }> {
    counter += 1;
    const email = `user${counter}@hn.vn`;
    const [unit] = await t.database.db.select().from(units).where(eq(units.code, 'HN'));
    await t.platform.repositories.users.create({ email, passwordHash: await hashPassword(TEST_PASSWORD), role, unitId: (unit as { id: string }).id, displayName: email });
    const bearer = (await (await fetch(`${t.baseUrl}/api/admin/login`, json({ email, password: TEST_PASSWORD, bearer: true }))).json()) as { token: string };
    const browser = await fetch(`${t.baseUrl}/api/admin/login`, json({ email, password: TEST_PASSWORD }));
    const cookie = (browser.headers.get('set-cookie') ?? '').split(';')[0] as string;
    return { email, token: bearer.token, cookie };
  }
  const me = (auth: { token?: string; cookie?: string }) =>
    fetch(`${t.baseUrl}/api/admin/me`, { headers: auth.token ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie ?? '' } });

  it('logout revokes that session at once, cookie or bearer, and only that one', async () => {
    const account = await newAccount();
    expect((await me({ cookie: account.cookie })).status).toBe(200);
    const logout = await fetch(`${t.baseUrl}/api/admin/logout`, { method: 'POST', headers: { cookie: account.cookie } });
    expect(logout.status).toBe(204);
    const stale = await me({ cookie: account.cookie });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    // The other session (a script's bearer token) is still open, until it logs out itself.
    expect((await me({ token: account.token })).status).toBe(200);
    await fetch(`${t.baseUrl}/api/admin/logout`, { method: 'POST', headers: { authorization: `Bearer ${account.token}` } });
    expect((await me({ token: account.token })).status).toBe(401);
    // Logging out without a session, or with garbage, is still a plain 204.
    expect((await fetch(`${t.baseUrl}/api/admin/logout`, { method: 'POST', headers: { cookie: 'cd_session=%E0%A4%A' } })).status).toBe(204);
  });

  it('a new password, a changed role or unit, or a disabled account ends every session granted before', async () => {
    const changes: ((id: string) => Promise<unknown>)[] = [
      async (id) => t.platform.repositories.users.setPassword(id, await hashPassword('mat-khau-moi-456')),
      (id) => t.database.db.update(users).set({ role: 'leader' }).where(eq(users.id, id)),
      async (id) => {
        const [other] = await t.database.db.select().from(units).where(eq(units.code, 'HCM'));
        return t.database.db.update(users).set({ unitId: (other as { id: string }).id }).where(eq(users.id, id));
      },
      (id) => t.database.db.update(users).set({ disabled: true }).where(eq(users.id, id)),
      (id) => t.database.db.delete(users).where(eq(users.id, id)),
    ];
    for (const change of changes) {
      const account = await newAccount();
      const response = await me({ token: account.token });
      const { id } = (await response.json()) as { id: string };
      await change(id);
      expect((await me({ token: account.token })).status).toBe(401);
      expect((await me({ cookie: account.cookie })).status).toBe(401);
    }
  });

  it('a display-name change or a new login keeps existing sessions', async () => {
    const account = await newAccount();
    const { id } = (await (await me({ token: account.token })).json()) as { id: string };
    await t.database.db.update(users).set({ displayName: 'Tên mới' }).where(eq(users.id, id));
    await fetch(`${t.baseUrl}/api/admin/login`, json({ email: account.email, password: TEST_PASSWORD }));
    expect((await me({ token: account.token })).status).toBe(200);
    expect((await me({ cookie: account.cookie })).status).toBe(200);
  });

  it('refuses cookie writes from another site, and lets same-origin and bearer writes through', async () => {
    const account = await newAccount('admin');
    const write = (headers: Record<string, string>) => fetch(`${t.baseUrl}/api/admin/faq`, json({}, headers));
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Record<string, string>[]) {
      const refused = await write({ cookie: account.cookie, ...headers });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    }
    // Same origin gets past the check (and fails on the empty FAQ entry: 422, not 403).
    expect((await write({ cookie: account.cookie, origin: t.baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(422);
    expect((await write({ authorization: `Bearer ${account.token}`, origin: 'https://evil.example' })).status).toBe(422);
    // Reads are not writes.
    expect((await fetch(`${t.baseUrl}/api/admin/me`, { headers: { cookie: account.cookie, origin: 'https://evil.example' } })).status).toBe(200);
  });
});
