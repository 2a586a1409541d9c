import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { backendsWithRedis, createTestDatabase, type TestDatabase } from '../support/backends.js';
import { openDatabaseViaProxy, type TcpProxy } from '../support/database-via-proxy.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const STATEMENT_TIMEOUT_MS = 500;
const TEXT = 'lương tháng này chậm';

/**
 * Issue #13, "Dependencies down" (D-hardening-7): PostgreSQL partitioned away — connections stay open, nothing comes
 * back. The proxy swallows the traffic instead of closing it. Without a statement time-out every query waited
 * forever (the circuit only saw connect failures); with DATABASE_STATEMENT_TIMEOUT_MS a query with no answer fails,
 * counts as a connection-level failure, opens the circuit, and the edge answers 503 + Retry-After. A slow statement
 * on a server that answers is cancelled by the server and does not open it. PostgreSQL only: the embedded database
 * has no network.
 */
describe.each(backendsWithRedis())('a partitioned database on $name', (backend) => {
  let base: TestDatabase;
  let via: TestDatabase;
  let proxy: TcpProxy;
  let now = 0;
  let t: TestPlatform | null = null;

  beforeEach(async () => {
    now = 0;
    base = await createTestDatabase({ name: 'postgres', redisUrl: backend.redisUrl });
    ({ proxy, database: via } = await openDatabaseViaProxy(base, { now: () => now, openMs: 2000, statementTimeoutMs: STATEMENT_TIMEOUT_MS }));
  }, 120_000);
  afterEach(async () => {
    proxy?.restore();
    await t?.close();
    t = null;
    await via?.close();
    await proxy?.close();
    await base?.close().catch(() => undefined);
  });

  it('fails a query with no answer within the time-out, opens the circuit, and refuses the next at once', async () => {
    await via.db.execute(sql`select 1`); // an idle connection in the pool, as in a running server
    proxy.stall();
    const started = performance.now();
    await expect(via.db.execute(sql`select 1`)).rejects.toThrow();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS);
    expect(waited).toBeLessThan(STATEMENT_TIMEOUT_MS + 3000);
    expect(via.circuit.snapshot()).toMatchObject({ state: 'open', opened: 1 });
    const refused = performance.now();
    const error = await via.db.execute(sql`select 1`).then(() => null, (thrown: unknown) => thrown as { cause?: { code?: string } });
    expect(error?.cause?.code).toBe('DB_CIRCUIT_OPEN');
    expect(performance.now() - refused).toBeLessThan(200);
    // Back: after the window, the probe gets a fresh connection (the hung one was dropped) and closes the circuit.
    proxy.restore();
    now += 2001;
    await via.db.execute(sql`select 1`);
    expect(via.circuit.snapshot().state).toBe('closed');
  });

  it('lets the server cancel a slow statement without opening the circuit (the server answers)', async () => {
    await expect(via.db.execute(sql`select pg_sleep(2)`)).rejects.toThrow();
    expect(via.circuit.snapshot()).toMatchObject({ state: 'closed', opened: 0 });
    await via.db.execute(sql`select 1`);
  });

  it('runs the dashboards\' long reads on their own pool and time-out, behind the same circuit', async () => {
    // A national year computed for the first time may take tens of seconds: not cut at the request path's limit.
    await expect(via.db.execute(sql`select pg_sleep(1)`)).rejects.toThrow();
    await expect(via.analyticsDb.execute(sql`select pg_sleep(1)`)).resolves.toBeDefined();
    await expect(via.analyticsDb.execute(sql`select pg_sleep(2)`)).rejects.toThrow();
    expect(via.analyticsDb).not.toBe(via.db);
    await via.db.execute(sql`select 1`);
    proxy.stall();
    await expect(via.db.execute(sql`select 1`)).rejects.toThrow();
    const error = await via.analyticsDb.execute(sql`select 1`).then(() => null, (thrown: unknown) => thrown as { cause?: { code?: string } });
    expect(error?.cause?.code).toBe('DB_CIRCUIT_OPEN');
  });

  it('answers a web chat message 503 + Retry-After while partitioned; the redelivery is answered once', async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({ [TEXT]: { route: 'question', topic: 'wage_arrears' } }), knowledge: createEchoKnowledge(), database: via });
    const post = (clientMessageId: string, sessionId: string) =>
      fetch(`${t!.baseUrl}/api/webchat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId, clientMessageId, text: TEXT }),
        signal: AbortSignal.timeout(15_000),
      });
    const sessionId = randomUUID();
    expect((await post(randomUUID(), sessionId)).status).toBe(202);
    proxy.stall();
    const clientMessageId = randomUUID();
    const refused = await post(clientMessageId, sessionId);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(via.circuit.snapshot().opened).toBeGreaterThanOrEqual(1);
    proxy.restore();
    // The platform delivers again (same id) until it is acknowledged. Time passes between deliveries: a statement sent
    // during the partition whose time-out fires only now opens the circuit again for a while.
    await waitUntil(async () => {
      now += 2001;
      return (await post(clientMessageId, sessionId)).status === 202;
    }, 20_000, 'the redelivery to be acknowledged');
    const inbound = await base.db.select().from(messages).where(eq(messages.direction, 'in'));
    expect(inbound).toHaveLength(2);
    // The circuit's clock is the test's: it moves here too, or a late no-answer failure (a statement of the partition
    // timing out only now, seen under load) would keep the circuit open for good and hold the replies.
    await waitUntil(async () => {
      now += 2001;
      const out = await base.db.select().from(messages).where(eq(messages.direction, 'out'));
      return out.length >= 2 && out.every((m) => m.status === 'sent');
    }, 30_000, 'both messages answered');
    const out = await base.db.select().from(messages).where(eq(messages.direction, 'out'));
    // One reply per message: the refused delivery and its redelivery are one message.
    expect(out).toHaveLength(2);
    expect(new Set(out.map((m) => m.replyToMessageId)).size).toBe(2);
  });
});
