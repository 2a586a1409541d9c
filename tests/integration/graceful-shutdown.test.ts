import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { parseEnv } from '../../core/config/env-schema.js';
import { silentLogger } from '../../core/ports/logger.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { openDatabase, type Database } from '../../bots/storage/database.js';
import { messages } from '../../bots/storage/schema/index.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { createTestDatabase, testBackends, type TestBackend, type TestDatabase } from '../support/backends.js';
import { postWebchat, startCluster, webchatHistory, webchatMessage, type Cluster } from '../support/cluster.js';
import { expectStable } from '../support/settle.js';
import { waitUntil } from '../support/test-platform.js';

// A legal question without an FAQ entry (starter pack off): the turn calls the LLM, which the test holds.
const QUESTION = 'người lao động làm thêm giờ vào ngày nghỉ lễ được trả lương thế nào';

/**
 * SIGTERM (an orchestrator stopping or rolling a container) while work is in flight: a worker in the middle of
 * a turn (its LLM call held open) and a server in the middle of a burst of web chat posts. Both must exit by
 * themselves (code 0) after finishing what they had: the held turn is committed before the exit, every post
 * that got its 202 is stored, and after a restart — the member's client re-sending what got no answer —
 * every message is answered exactly once.
 */
describe.each(testBackends())('graceful shutdown on $name', (backend: TestBackend) => {
  let llm: FakeOpenAiServer;
  let dir: string;
  let cluster: Cluster | null = null;
  let test: TestDatabase | null = null;

  beforeAll(async () => {
    // Every call fails at once (the answer is then extractive), except those the test holds with `enqueue`.
    llm = await startFakeOpenAiServer({ defaultResponder: () => ({ kind: 'error', status: 400 }) });
    dir = mkdtempSync(join(tmpdir(), 'cd-shutdown-'));
  });
  afterAll(async () => {
    await cluster?.close();
    await test?.close();
    await llm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the turn and the requests in flight, and loses or repeats nothing', async () => {
    test = backend.name === 'postgres' ? await createTestDatabase(backend) : null;
    const split = test !== null && backend.redisUrl !== null;
    const env: Record<string, string> = {
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_API_KEY: 'test-key',
      LLM_TIMEOUT_MS: '60000',
      SWEEP_INTERVAL_MS: '300',
      INBOUND_LEASE_MS: '3000',
      FAQ_STARTER_PACK: 'false',
      QUEUE_PREFIX: `stop${randomUUID().slice(0, 6)}`,
      ...(test ? { DATABASE_URL: test.url as string, REDIS_URL: backend.redisUrl ?? '' } : { DATA_DIR: join(dir, 'data') }),
    };
    if (test) await seedKnowledgeIfEmpty({ env: parseEnv(env), database: test, logger: silentLogger });
    cluster = startCluster(split ? { ...env, WORKERS_IN_PROCESS: 'false' } : env);
    const server = await cluster.server();
    const worker = split ? await cluster.worker() : server.process;

    // 1. A turn in progress: its LLM answer is held for 3 s, and SIGTERM arrives meanwhile.
    let held = false;
    llm.enqueue(() => {
      held = true;
      return { kind: 'message', content: 'Câu trả lời chậm.', delayMs: 3000 };
    });
    const inFlight = webchatMessage(QUESTION);
    expect(await postWebchat(server.url, inFlight)).toBe(202);
    await waitUntil(async () => held, 60_000, 'the turn to reach the LLM');

    // A member's browser holds a live event stream open: it must not keep the server from stopping.
    const stream = await fetch(`${server.url}/api/webchat/events?sessionId=${inFlight.sessionId}`);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');

    // 2. A burst of posts, and SIGTERM to the server (embedded: also the worker) while they arrive.
    const burst = Array.from({ length: 24 }, () => webchatMessage(QUESTION));
    const statuses = burst.map((message) => postWebchat(server.url, message));
    await statuses[0];
    const stoppedWorker = split ? worker.kill('SIGTERM') : Promise.resolve();
    const stoppedServer = server.process.kill('SIGTERM');
    const answered = await Promise.all(statuses);
    await Promise.all([stoppedWorker, stoppedServer]);
    await stream.body?.cancel().catch(() => undefined);
    expect(server.process.child.exitCode).toBe(0);
    expect(worker.child.exitCode).toBe(0);
    expect(answered.every((status) => status === 202 || status === null)).toBe(true);
    expect(answered.filter((status) => status === 202).length).toBeGreaterThan(0);

    // What the stopped processes left: the held turn committed (one reply), every acknowledged post stored.
    const database: Database = test ?? (await openDatabase({ dataDir: join(dir, 'data') }));
    try {
      const stored = await database.db.select().from(messages).where(eq(messages.direction, 'in'));
      const inflightRow = stored.find((row) => row.text === QUESTION && row.platformMessageId === inFlight.clientMessageId);
      expect(inflightRow?.status).toBe('processed');
      const replies = await database.db
        .select()
        .from(messages)
        .where(and(eq(messages.direction, 'out'), eq(messages.conversationId, inflightRow?.conversationId ?? randomUUID())));
      expect(replies).toHaveLength(1);
      const acknowledged = burst.filter((_, i) => answered[i] === 202).map((message) => message.clientMessageId);
      const storedIds = new Set(stored.map((row) => row.platformMessageId));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      if (!test) await database.close();
    } catch (error) {
      if (!test) await database.close();
      throw error;
    }

    // 3. Restart; the client re-sends what got no answer (same ids); everyone is answered exactly once.
    const again = await cluster.server();
    if (split) await cluster.worker();
    for (const [i, message] of burst.entries()) if (answered[i] !== 202) expect(await postWebchat(again.url, message)).toBe(202);
    const everyone = [inFlight, ...burst];
    const transcripts = async () => Promise.all(everyone.map(async (message) => (await webchatHistory(again.url, message.sessionId)).map((m) => m.direction)));
    await waitUntil(async () => (await transcripts()).every((t) => t.filter((d) => d === 'out').length >= 1), 120_000, 'every member answered');
    const settled = await expectStable(transcripts, 'the members’ transcripts', 1500);
    expect(settled.every((t) => t.length === 2 && t[0] === 'in' && t[1] === 'out')).toBe(true);
    if (test) {
      const pending = await test.db.select().from(messages).where(inArray(messages.status, ['received', 'queued']));
      expect(pending).toEqual([]);
    }
  }, 400_000);
});
