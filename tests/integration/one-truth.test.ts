import { randomUUID } from 'node:crypto';
import { createTestDatabase, backendsWithRedis, type TestBackend, type TestDatabase } from '../support/backends.js';
import { deliverWebchat, startCluster, webchatHistory, webchatMessage, type Cluster } from '../support/cluster.js';
import { clusterEnv, logLines, login, readyKnowledge, seedCluster } from '../support/cluster-fixtures.js';
import { waitUntil } from '../support/test-platform.js';

const ENTRY = 'union-dues-and-fees';
const QUESTION = 'Đoàn phí công đoàn đóng bao nhiêu và kinh phí công đoàn 2% là gì?';

/**
 * One truth across processes (issue #12 item 5): two servers and two workers on one PostgreSQL + Redis. An FAQ
 * edit made through one server reaches the other server and both workers — their /readyz version moves, the
 * workers log the reload — and members asking through the other server get the edited answer. The periodic
 * check is set to ten minutes, so what spreads the edit here is the Redis doorbell alone.
 */
describe.each(backendsWithRedis())('an FAQ edit reaches every process on $name', (backend: TestBackend) => {
  let database: TestDatabase;
  let cluster: Cluster;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await cluster?.close();
    await database.close();
  });

  it('answers members with the edited entry whichever server and worker they reach', async () => {
    const env = clusterEnv(database, backend.redisUrl as string, { KNOWLEDGE_POLL_MS: '600000', FAQ_STARTER_PACK: 'true' });
    const account = await seedCluster(database, env);
    cluster = startCluster(env);
    const [editing, other] = [await cluster.server(), await cluster.server()];
    const workers = [await cluster.worker(), await cluster.worker()];
    const before = await readyKnowledge(other.url);
    expect(before).toMatchObject({ faq: expect.any(Number) as number });

    const token = await login(editing.url, account);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const entry = (await (await fetch(`${editing.url}/api/admin/faq/${ENTRY}`, { headers })).json()) as { version: number; answer: string };
    const marker = `Mã kiểm tra ${randomUUID().slice(0, 8)}.`;
    const patched = await fetch(`${editing.url}/api/admin/faq/${ENTRY}`, { method: 'PATCH', headers, body: JSON.stringify({ version: entry.version, answer: `${entry.answer}\n${marker}` }) });
    expect(patched.status).toBe(200);
    const version = (await readyKnowledge(editing.url))?.faq ?? 0;
    expect(version).toBeGreaterThan(before?.faq ?? 0);

    // Every process has loaded it: the other server says so in /readyz and /metrics, each worker in its log.
    await waitUntil(async () => (await readyKnowledge(other.url))?.faq === version, 20_000, 'the other server to load the edit').catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; its output:\n${other.process.output().slice(-4000)}`);
    });
    const metrics = await (await fetch(`${other.url}/metrics`)).text();
    expect(metrics).toContain(`cd_knowledge_version{kind="faq"} ${version}`);
    for (const worker of workers) {
      await waitUntil(async () => logLines(worker.output(), 'knowledge reloaded').some((line) => line.kind === 'faq' && line.version === version), 20_000, 'a worker to load the edit');
    }

    // Members asking through the other server (answered by either worker) get the edited answer. A 503 on a loaded
    // machine is redelivered, as a platform would (the first CI failure of stop 28).
    const members = Array.from({ length: 6 }, () => webchatMessage(QUESTION));
    for (const message of members) expect(await deliverWebchat(other.url, message)).toBe(202);
    const replies = await waitUntil(
      async () => {
        const all = await Promise.all(members.map(async (m) => (await webchatHistory(editing.url, m.sessionId)).filter((h) => h.direction === 'out')));
        return all.every((r) => r.length > 0) ? all.map((r) => r[0]!.text) : null;
      },
      60_000,
      'the members’ answers',
    );
    for (const reply of replies) expect(reply).toContain(marker);
  }, 400_000);
});
