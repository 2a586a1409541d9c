import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { describeWithRedis } from '../support/backends.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTestPlatform, waitUntil } from '../support/test-platform.js';

const classifier = createScriptedClassifier(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`hỏi ${i}`, { route: 'question' as const, topic: 'wages' as const }])));
const describeOnRedis = describeWithRedis();

/**
 * Issue #13: with Redis gone (refused) or silent (a partition), the acknowledgement still answers: the message
 * is stored first, the enqueue gives up after ENQUEUE_TIMEOUT_MS, and the recovery sweep enqueues it when Redis
 * is back. The shared Redis is never touched: the platform reaches it through a proxy the test cuts.
 */
describeOnRedis('a Redis outage does not hang acknowledgements ($name)', (backend) => {
  it('acknowledges every message while Redis is refused or silent, then answers each once', async () => {
    const target = new URL(backend.redisUrl as string);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const t = await startTestPlatform({ ...backend, redisUrl: proxy.url }, { classifier, knowledge: createEchoKnowledge(), env: { ENQUEUE_TIMEOUT_MS: '200' } });
    const sessionId = randomUUID();
    const db = t.database.db;
    const answered = async () => (await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')))).length;
    // A client that gives up after 5 s: the issue saw every POST hang past 10 s.
    const send = (i: number) =>
      fetch(`${t.baseUrl}/api/webchat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: `hỏi ${i}` }),
        signal: AbortSignal.timeout(5000),
      });
    try {
      expect((await send(0)).status).toBe(202);
      await waitUntil(async () => (await answered()) === 1, 20_000, 'the first answer');

      proxy.cut();
      const refused = await Promise.all(Array.from({ length: 15 }, (_, i) => send(1 + i)));
      expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 15 }, () => 202));

      proxy.restore();
      await waitUntil(async () => (await answered()) === 16, 30_000, 'the answers after Redis came back');

      proxy.stall();
      const silent = await Promise.all(Array.from({ length: 15 }, (_, i) => send(16 + i)));
      expect(silent.map((r) => r.status)).toEqual(Array.from({ length: 15 }, () => 202));
      // The stalled connections lost commands midway: drop them so that the clients reconnect.
      proxy.cut();
      proxy.restore();

      await waitUntil(async () => (await answered()) === 31, 60_000, 'every answer');
      await waitForIdle(db);
      const outbound = await expectStable(() => db.select().from(messages).where(eq(messages.direction, 'out')), 'the replies', 1000);
      expect(outbound.map((m) => m.text).sort()).toEqual(Array.from({ length: 31 }, (_, i) => `Trả lời: hỏi ${i}`).sort());
    } finally {
      await t.close();
      await proxy.close();
    }
  });
});
