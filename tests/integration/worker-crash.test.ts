import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { testBackends, type TestBackend } from '../support/backends.js';
import { prepareRestartableCluster } from '../support/restartable-cluster.js';
import type { SpawnedProcess } from '../support/spawned-process.js';
import { expectStable } from '../support/settle.js';
import { waitUntil } from '../support/test-platform.js';

// A legal question with no FAQ entry (the starter pack is off here), so the worker calls the LLM and hangs there.
const QUESTION = 'người lao động làm thêm giờ vào ngày nghỉ lễ được trả lương thế nào';

/**
 * The worker is killed (SIGKILL) while it is in the middle of a turn — waiting for the LLM — and started
 * again. The message must be handled exactly once: one stored inbound, processed, and one reply.
 */
describe.each(testBackends())('a worker killed mid-job on $name', (backend: TestBackend) => {
  let llm: FakeOpenAiServer;
  let dir: string;
  const children: SpawnedProcess[] = [];

  beforeAll(async () => {
    llm = await startFakeOpenAiServer({ defaultResponder: () => ({ kind: 'hang' }) });
    dir = mkdtempSync(join(tmpdir(), 'cd-crash-'));
  });
  afterAll(async () => {
    for (const child of children) await child.kill('SIGKILL');
    await llm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('handles the message exactly once after the restart', async () => {
    // With Postgres + Redis the server only ingests and a separate worker process handles the turn;
    // embedded, the server process is the worker.
    const cluster = await prepareRestartableCluster(backend, {
      dir,
      children,
      queuePrefix: 'crash',
      env: {
        OPENAI_BASE_URL: llm.baseURL,
        OPENAI_API_KEY: 'test-key',
        LLM_TIMEOUT_MS: '120000',
        INBOUND_LEASE_MS: '2000',
        SWEEP_INTERVAL_MS: '300',
        FAQ_STARTER_PACK: 'false',
      },
    });
    const { port, split, start, ready } = cluster;

    let processes = start();
    await ready();
    const sessionId = randomUUID();
    const posted = await fetch(`http://127.0.0.1:${port}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: QUESTION }) });
    expect(posted.status).toBe(202);
    await waitUntil(async () => llm.requests.length >= 1, 90_000, 'the turn to reach the LLM');
    const worker = processes.at(-1)!;
    await worker.kill('SIGKILL');
    if (split) await processes[0]!.kill('SIGTERM');

    // From now on the model fails fast, so the restarted worker answers extractively (still cited).
    llm.setDefault(() => ({ kind: 'error', status: 500 }));
    processes = start();
    await ready();
    const history = async () => ((await (await fetch(`http://127.0.0.1:${port}/api/webchat/history?sessionId=${sessionId}`)).json()) as { messages: { direction: string; text: string }[] }).messages;
    await waitUntil(async () => (await history()).some((m) => m.direction === 'out'), 90_000, 'the answer after the restart');
    // A second answer would come from a second handling of the turn: watch the history stay as it is (the
    // embedded database lives inside the server process, so the member's view is what can be watched here).
    const replies = await expectStable(history, "the member's history", 1500);
    for (const child of processes) await child.kill('SIGTERM');

    const database = await cluster.openDatabase();
    try {
      const inbound = await database.db.select().from(messages).where(eq(messages.direction, 'in'));
      const outbound = await database.db.select().from(messages).where(eq(messages.direction, 'out'));
      expect(inbound).toHaveLength(1);
      expect(inbound[0]?.status).toBe('processed');
      expect(outbound).toHaveLength(1);
      expect(outbound[0]?.status).toBe('sent');
      expect(outbound[0]?.text).toContain('Điều');
      expect(replies.filter((m) => m.direction === 'out')).toHaveLength(1);
      expect(llm.requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      await database.close();
    }
  }, 300_000);
});
