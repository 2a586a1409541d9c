import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../bots/auth/password.js';
import { auditLog, messages } from '../../bots/storage/schema/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({ 'xin chào': { route: 'smalltalk' } });

describe.each(testBackends())('HTTP API on $name', (backend) => {
  let t: TestPlatform;
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    const { units, users } = t.platform.repositories;
    await units.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'TLD', code: 'HCM', name: 'LĐLĐ TP.HCM', level: 'province_or_sector' },
    ]);
    const hcm = await units.findByCode('HCM');
    const tld = await units.findByCode('TLD');
    await users.create({ email: 'lead@example.vn', passwordHash: await hashPassword('dung-mat-khau'), role: 'leader', unitId: hcm!.id, displayName: 'Lãnh đạo' });
    await users.create({ email: 'admin@example.vn', passwordHash: await hashPassword('dung-mat-khau'), role: 'admin', unitId: tld!.id, displayName: 'Admin' });
  });
  afterAll(async () => t?.close());

  it('serves health, readiness and metrics', async () => {
    expect(await (await fetch(`${t.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: expect.arrayContaining([expect.objectContaining({ name: 'database', ok: true })]) });
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toContain('cd_inbound_messages_total');
  });

  it('logs in with a cookie and a token, and answers /me', async () => {
    const response = await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'LEAD@example.vn', password: 'dung-mat-khau' }));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/cd_session=.+HttpOnly/i);
    const browser = (await response.json()) as { token?: string; user: { role: string; unit: { code: string } } };
    expect(browser.user).toMatchObject({ role: 'leader', unit: { code: 'HCM' } });
    // A browser login keeps the token in the httpOnly cookie only; scripts ask for it with `bearer: true`.
    expect(browser.token).toBeUndefined();
    const viaCookie = await fetch(`${t.baseUrl}/api/admin/me`, { headers: { cookie: cookie.split(';')[0] as string } });
    expect(viaCookie.status).toBe(200);
    const body = (await (await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'LEAD@example.vn', password: 'dung-mat-khau', bearer: true }))).json()) as { token: string };
    const viaToken = await fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await viaToken.json()).toMatchObject({ email: 'lead@example.vn' });
  });

  it('rejects bad credentials, bad input and bad tokens with clear errors', async () => {
    const wrong = await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'lead@example.vn', password: 'sai' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    const invalid = await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'not-an-email' }));
    expect(invalid.status).toBe(422);
    const fields = ((await invalid.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    const malformed = await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'MALFORMED_BODY' } });
    expect((await fetch(`${t.baseUrl}/api/admin/me`)).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: 'Bearer forged.token.here' } })).status).toBe(401);
    const failures = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    expect(failures.length).toBeGreaterThan(0);
  });

  it('scopes the unit list to the user\'s subtree', async () => {
    const login = await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'lead@example.vn', password: 'dung-mat-khau', bearer: true }));
    const { token } = (await login.json()) as { token: string };
    const units = (await (await fetch(`${t.baseUrl}/api/admin/units`, { headers: { authorization: `Bearer ${token}` } })).json()) as { units: { code: string }[] };
    expect(units.units.map((u) => u.code)).toEqual(['HCM']);
    const adminLogin = await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'admin@example.vn', password: 'dung-mat-khau', bearer: true }));
    const adminToken = ((await adminLogin.json()) as { token: string }).token;
    const all = (await (await fetch(`${t.baseUrl}/api/admin/units`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { units: { code: string }[] };
    expect(all.units.map((u) => u.code).sort()).toEqual(['HCM', 'HN', 'TLD']);
  });

  it('validates web chat messages at the edge and stores nothing bad', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await post('{oops');
    expect(notJson.status).toBe(400);
    const missing = await post(JSON.stringify({ sessionId: 'x', clientMessageId: randomUUID() }));
    expect(missing.status).toBe(422);
    const named = ((await missing.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(named).toEqual(expect.arrayContaining(['body.sessionId', 'body.text']));
    const tooLong = await post(JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: 'a'.repeat(2001) }));
    expect(tooLong.status).toBe(422);
    const huge = await post(JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: 'a'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await t.database.db.select().from(messages)).toHaveLength(0);
    const history = await fetch(`${t.baseUrl}/api/webchat/history?sessionId=nope`);
    expect(history.status).toBe(422);
    expect((await fetch(`${t.baseUrl}/api/nothing-here`)).status).toBe(404);
  });

  it('rate-limits repeated failed logins', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (await fetch(`${t.baseUrl}/api/admin/login`, json({ email: 'admin@example.vn', password: `wrong-${i}` }))).status;
    }
    expect(last).toBe(429);
  });
});
