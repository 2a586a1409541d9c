import { asc, eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { createTestDatabase, backendsWithRedis, type TestBackend, type TestDatabase } from '../support/backends.js';
import { postWebchat, startCluster, webchatMessage, type Cluster, type ClusterServer, type WebchatPost } from '../support/cluster.js';
import { clusterEnv, seedCluster } from '../support/cluster-fixtures.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { waitUntil } from '../support/test-platform.js';

// Five FAQ questions a member asks one after another (answered from the starter pack; none hands over to a person).
const QUESTIONS = [
  'Lương tối thiểu vùng năm 2026 là bao nhiêu?',
  'Công ty có phải tăng lương hằng năm cho người lao động không?',
  'Mỗi tuần người lao động được nghỉ ít nhất mấy ngày?',
  'Lương thử việc được trả ít nhất bao nhiêu phần trăm?',
  'Những ai bắt buộc phải tham gia bảo hiểm xã hội?',
];
const CONVERSATIONS = 30;

/**
 * Scale-out (issue #12 item 6): two servers, which the test load-balances round-robin, and three workers on
 * one PostgreSQL + Redis. Thirty members each send five messages in a row; after the second round one worker
 * and one server are killed with SIGKILL. A post the dead server did not acknowledge is re-sent to the other
 * one, as a load balancer's retry or the member's client would. Every message must be stored once, handled
 * once (one set of replies) and in each conversation in the order it was sent.
 */
describe.each(backendsWithRedis())('two servers and three workers on $name', (backend: TestBackend) => {
  let database: TestDatabase;
  let cluster: Cluster;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await cluster?.close();
    await database.close();
  });

  it('keeps exactly-once and per-conversation order under load and the loss of a worker and a server', async () => {
    const env = clusterEnv(database, backend.redisUrl as string, { INBOUND_LEASE_MS: '3000', SWEEP_INTERVAL_MS: '500', FAQ_STARTER_PACK: 'true' });
    await seedCluster(database, env);
    cluster = startCluster(env);
    const servers: ClusterServer[] = [await cluster.server(), await cluster.server()];
    const workers = [await cluster.worker(), await cluster.worker(), await cluster.worker()];
    const alive = new Set(servers);

    let turn = 0;
    let failedOver = 0;
    let acknowledged = 0;
    let onAcknowledged: () => void = () => undefined;
    /** Round-robin over the servers that answer; one that did not is taken out and the post goes to the next. */
    async function send(message: WebchatPost): Promise<void> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const live = [...alive];
        const server = live[turn++ % live.length]!;
        const status = await postWebchat(server.url, message);
        if (status === 202) {
          acknowledged++;
          onAcknowledged();
          return;
        }
        if (status === 503) {
          // A loaded machine's connection wait: the server is alive, so it is redelivered, as a platform would.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        if (status !== null) throw new Error(`unexpected status ${status}`);
        alive.delete(server);
        failedOver++;
      }
      throw new Error('no server acknowledged the message');
    }

    const sessions = Array.from({ length: CONVERSATIONS }, () => webchatMessage('').sessionId);
    const sent: WebchatPost[][] = sessions.map(() => []);
    let killed: Promise<unknown> = Promise.resolve();
    for (const [round, question] of QUESTIONS.entries()) {
      if (round === 2) {
        // Mid-load: replies of the first rounds are being worked on, and a third of this round is acknowledged.
        await waitUntil(async () => (await database.db.select().from(messages).where(eq(messages.direction, 'out'))).length >= CONVERSATIONS / 2, 60_000, 'replies under way');
        const threshold = acknowledged + CONVERSATIONS / 3;
        onAcknowledged = () => {
          if (acknowledged !== threshold) return;
          killed = Promise.all([workers[0]!.kill('SIGKILL'), servers[1]!.process.kill('SIGKILL')]);
        };
      }
      await Promise.all(
        sessions.map(async (sessionId, i) => {
          const message = webchatMessage(question, sessionId);
          sent[i]!.push(message);
          await send(message);
        }),
      );
    }
    await killed;
    expect(workers[0]!.child.signalCode).toBe('SIGKILL');
    expect(servers[1]!.process.child.signalCode).toBe('SIGKILL');
    // The dead server was noticed by a post it could not answer, and that post went to the other one.
    expect(failedOver).toBeGreaterThan(0);

    const total = CONVERSATIONS * QUESTIONS.length;
    await waitUntil(
      async () => (await database.db.select().from(messages).where(eq(messages.status, 'processed'))).length === total,
      180_000,
      'every message handled',
    );
    await waitForIdle(database.db, 120_000);
    const rows = await expectStable(async () => database.db.select().from(messages).orderBy(asc(messages.seq)), 'the stored messages', 1500);

    const inbound = rows.filter((row) => row.direction === 'in');
    expect(inbound).toHaveLength(total);
    expect(new Set(inbound.map((row) => row.platformMessageId)).size).toBe(total);
    expect(inbound.filter((row) => row.status !== 'processed')).toEqual([]);
    const outbound = rows.filter((row) => row.direction === 'out');
    expect(outbound.filter((row) => row.status !== 'sent').map((row) => row.status)).toEqual([]);

    for (const [i, conversation] of sent.entries()) {
      const ids = conversation.map((message) => message.clientMessageId);
      const mine = inbound.filter((row) => ids.includes(row.platformMessageId ?? ''));
      // Stored in the order sent (each post waited for its acknowledgement before the next round).
      expect({ conversation: i, stored: mine.map((row) => row.platformMessageId) }).toEqual({ conversation: i, stored: ids });
      // Answered once each, in that order: every reply of message k comes before any reply of message k + 1.
      const replySeqs = mine.map((row) => outbound.filter((out) => out.replyToMessageId === row.id).map((out) => out.seq));
      for (const [k, seqs] of replySeqs.entries()) {
        expect({ conversation: i, message: k, replies: seqs.length > 0 }).toEqual({ conversation: i, message: k, replies: true });
        const texts = outbound.filter((out) => out.replyToMessageId === mine[k]!.id).map((out) => out.text);
        expect(new Set(texts).size).toBe(texts.length);
        if (k > 0) expect(Math.min(...seqs)).toBeGreaterThan(Math.max(...replySeqs[k - 1]!));
      }
    }
  }, 600_000);
});
