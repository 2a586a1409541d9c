import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { and, eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { createTestDatabase, testBackends, type TestBackend, type TestDatabase } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { openDatabaseViaProxy, type TcpProxy } from '../support/database-via-proxy.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const TG = { token: '123456:outage-test-token', secret: 'outage-secret-token' };

/**
 * Issue #13 finding 6: with the database gone, webhooks, web chat and the admin API answer 503 with Retry-After
 * (never 500) within the connection timeout, /readyz says the database is down, and once it is back the
 * platform's redelivery is stored exactly once. The shared PostgreSQL is never stopped: the platform reaches
 * it through a TCP proxy the test cuts (connections dropped, new ones refused); on the embedded backend the
 * in-process database is closed under the platform.
 */
describe.each(testBackends())('a database outage on $name', (backend: TestBackend) => {
  let t: TestPlatform;
  let base: TestDatabase;
  // The fail-fast circuit's clock: moved past its open window once the database is back, instead of waiting.
  let circuitClock = 0;
  let proxy: TcpProxy | null = null;
  let platformDatabase: TestDatabase;
  let bearer = '';
  const sessionId = randomUUID();

  beforeAll(async () => {
    base = await createTestDatabase(backend);
    if (base.url) {
      ({ proxy, database: platformDatabase } = await openDatabaseViaProxy(base, { now: () => circuitClock }));
    } else {
      platformDatabase = base;
    }
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({}),
      knowledge: createEchoKnowledge(),
      database: platformDatabase,
      startWorkers: false,
      env: { TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' },
    });
    bearer = (await createAccounts(t, [['outage@tld.vn', 'TLD', 'admin']]))['outage@tld.vn'] as string;
  });
  afterAll(async () => {
    await t?.close();
    if (proxy) {
      await platformDatabase.close();
      await proxy.close();
    }
    await base.close().catch(() => undefined);
  });

  const webchat = (clientMessageId: string) =>
    fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId, text: 'lương tháng này chậm' }), signal: AbortSignal.timeout(8000) });
  const telegram = (updateId: number) =>
    fetch(`${t.baseUrl}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG.secret },
      body: JSON.stringify({ update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: 777, type: 'private' }, from: { id: 777, is_bot: false, first_name: 'An' }, text: 'hỏi về bảo hiểm' } }),
      signal: AbortSignal.timeout(8000),
    });
  const admin = () => fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: `Bearer ${bearer}` }, signal: AbortSignal.timeout(8000) });
  const adminFaq = () => fetch(`${t.baseUrl}/api/admin/faq`, { headers: { authorization: `Bearer ${bearer}` }, signal: AbortSignal.timeout(8000) });
  const login = () => fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'outage@tld.vn', password: 'x-wrong-password' }), signal: AbortSignal.timeout(8000) });

  async function expectUnavailable(response: Response, what: string): Promise<void> {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    expect({ what, status: response.status, code: body.error?.code }).toEqual({ what, status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  async function storedInbound(): Promise<number> {
    return (await base.db.select().from(messages).where(and(eq(messages.direction, 'in')))).length;
  }

  it('answers 503 + Retry-After on webhooks, web chat and the admin API while the database is down; /readyz says so', async () => {
    const kept = randomUUID();
    expect((await webchat(randomUUID())).status).toBe(202);
    expect((await telegram(1)).status).toBe(200);
    expect((await admin()).status).toBe(200);
    const before = await storedInbound();

    if (proxy) proxy.cut();
    else await platformDatabase.close();

    await expectUnavailable(await webchat(kept), 'web chat');
    await expectUnavailable(await telegram(2), 'telegram webhook');
    await expectUnavailable(await admin(), 'admin API (session check)');
    await expectUnavailable(await adminFaq(), 'admin API (FAQ list)');
    await expectUnavailable(await login(), 'login');
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { name: string; ok: boolean }[] }).checks.find((c) => c.name === 'database')).toMatchObject({ ok: false });
    // Nothing liveness-related depends on the database: the process is not restarted for an outage.
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);

    if (!proxy) return; // An embedded database closed under the process does not come back; the rest is PostgreSQL's.
    proxy.restore();
    circuitClock += 60_000; // past the circuit's open window (database-circuit.test.ts covers the window itself)
    // The platform redelivers: each message is stored once.
    expect((await webchat(kept)).status).toBe(202);
    expect((await webchat(kept)).status).toBe(202);
    expect((await telegram(2)).status).toBe(200);
    expect((await telegram(2)).status).toBe(200);
    expect(await storedInbound()).toBe(before + 2);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
  });

  it('connections the server terminates (a restart, a failover) give 503 or a success, never a 500', async () => {
    if (!proxy || !base.url) return; // PostgreSQL only: PGlite has no server connections to end.
    const database = new URL(base.url).pathname.slice(1);
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const adminClient = new pg.Client({ connectionString: base.url });
      await adminClient.connect();
      // Only this suite's own database: other suites share the server.
      await adminClient.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
      await adminClient.end();
      for (const response of await Promise.all([webchat(randomUUID()), telegram(100 + round), admin()])) statuses.push(response.status);
    }
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    // And the pool recovers by itself.
    expect((await webchat(randomUUID())).status).toBe(202);
  });
});
