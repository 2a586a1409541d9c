import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { messages } from '../../bots/storage/schema/index.js';
import { TEST_UNITS } from '../support/admin-fixtures.js';
import { backendsWithRedis, createTestDatabase, type TestDatabase } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { expectStable } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { openDatabaseViaProxy, type TcpProxy } from '../support/database-via-proxy.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const BURST = 12;

/**
 * Issue #13: with PostgreSQL unreachable, requests must not each wait for their own connect time-out (clients
 * timed out in the fault bench). The platform reaches the shared PostgreSQL through a TCP proxy the test cuts; the
 * circuit's clock is the test's, so the open window passes when the test says so, not after a sleep. Once one
 * connection failure has opened the circuit, a burst of concurrent web chat messages all get 503 + Retry-After
 * without a single connection attempt (the circuit's counters say so); after the proxy is restored and the window
 * has passed, the platform's redeliveries are stored and answered exactly once. PostgreSQL only: the embedded
 * database has no connection to lose (its circuit never opens; database-outage.test.ts covers its closing).
 */
describe.each(backendsWithRedis())('the database circuit on $name', (backend) => {
  let t: TestPlatform;
  let base: TestDatabase;
  let platformDatabase: TestDatabase;
  let proxy: TcpProxy;
  let now = 0;

  beforeAll(async () => {
    base = await createTestDatabase({ name: 'postgres', redisUrl: backend.redisUrl });
    ({ proxy, database: platformDatabase } = await openDatabaseViaProxy(base, { now: () => now, openMs: 2000 }));
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({ 'lương tháng này chậm': { route: 'question', topic: 'wage_arrears' } }),
      knowledge: createEchoKnowledge(),
      database: platformDatabase,
    });
    await t.platform.repositories.units.upsertUnits(TEST_UNITS);
  }, 120_000);
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await platformDatabase?.close();
    await proxy?.close();
    await base?.close().catch(() => undefined);
  });

  const webchat = (sessionId: string, clientMessageId: string) =>
    fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId, text: 'lương tháng này chậm' }),
      signal: AbortSignal.timeout(15_000),
    });
  const circuit = () => platformDatabase.circuit.snapshot();

  it('refuses at once while open, lets one probe through after the window, and the redeliveries are answered once', async () => {
    const sessions = Array.from({ length: 4 }, () => randomUUID());
    expect((await webchat(sessions[0] as string, randomUUID())).status).toBe(202);

    proxy.cut();
    // The first requests find the cut (a pooled connection dropped, then a refused connection): the circuit opens.
    const sent: { sessionId: string; id: string }[] = [];
    for (let attempt = 0; attempt < 10 && circuit().state !== 'open'; attempt++) {
      const message = { sessionId: sessions[attempt % sessions.length] as string, id: randomUUID() };
      sent.push(message);
      expect((await webchat(message.sessionId, message.id)).status).toBe(503);
    }
    expect(circuit().state).toBe('open');
    // Connections the workers and sweeps asked for just before it opened may still fail afterwards, within the
    // connect time-out (1 s here); a new attempt cannot start while the test's clock keeps the circuit open. Let
    // those settle so the counts below are the burst's alone (once in CI a late one was counted against it).
    let settledFailures = circuit().connectFailures;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (circuit().connectFailures === settledFailures) break;
      settledFailures = circuit().connectFailures;
    }
    expect(circuit().state).toBe('open');
    const before = circuit();

    const burst = Array.from({ length: BURST }, (_, index) => ({ sessionId: sessions[index % sessions.length] as string, id: randomUUID() }));
    sent.push(...burst);
    const responses = await Promise.all(burst.map((message) => webchat(message.sessionId, message.id)));
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toEqual({ error: { code: 'DEPENDENCY_UNAVAILABLE', message: expect.any(String) } });
    }
    // Not one of them tried to connect (nor waited for a connect time-out): the circuit refused each at once.
    const after = circuit();
    expect(after.connectFailures).toBe(before.connectFailures);
    expect(after.rejected - before.rejected).toBeGreaterThanOrEqual(BURST);
    expect(after.state).toBe('open');

    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { database: { circuit: { state: string } } }).database.circuit.state).toBe('open');
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toContain('cd_database_circuit_state{state="open"} 1');
    expect(metrics).toMatch(/cd_database_circuit_rejected_total \d+/);

    // Still cut when the window passes: the one probe fails and the circuit opens again.
    now += 2000;
    expect((await webchat(sent[0]?.sessionId as string, sent[0]?.id as string)).status).toBe(503);
    expect(circuit()).toMatchObject({ state: 'open', opened: before.opened + 1 });

    proxy.restore();
    now += 2000;
    // The platform redelivers every message until it is acknowledged.
    for (const message of sent) {
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 202; attempt++) {
        status = (await webchat(message.sessionId, message.id)).status;
        if (status !== 202) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(202);
    }
    expect(circuit().state).toBe('closed');
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);

    const ids = sent.map((message) => message.id);
    const replies = alias(messages, 'replies');
    const answers = async () =>
      (
        await base.db
          .select({ id: messages.platformMessageId, reply: replies.id })
          .from(messages)
          .leftJoin(replies, and(eq(replies.replyToMessageId, messages.id), eq(replies.direction, 'out')))
          .where(and(eq(messages.direction, 'in'), inArray(messages.platformMessageId, ids)))
      ).map((row) => `${row.id}:${row.reply ? 'answered' : 'waiting'}`).sort();
    await waitUntil(async () => (await answers()).filter((row) => row.endsWith(':answered')).length === ids.length, 30_000, 'every redelivered message answered');
    // Each message stored once and answered once: one row per id, each with its one reply.
    expect(await expectStable(answers, 'stored and answered once')).toEqual(ids.map((id) => `${id}:answered`).sort());
  }, 90_000);
});
