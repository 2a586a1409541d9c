import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { describeWithRedis } from '../support/backends.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil } from '../support/test-platform.js';

const classifier = createScriptedClassifier(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`hỏi ${i}`, { route: 'question' as const, topic: 'wages' as const }])));
// The real pair only: with the embedded pair the queue lives in the process (see process-crash tests).
// Without Redis the suite is skipped, visibly; under CI=true a missing Redis fails it (backendsWithRedis).
const describeOnRedis = describeWithRedis();

describeOnRedis('a Redis restart loses nothing ($name)', (backend) => {
  it('answers every recorded message once after Redis comes back empty', async () => {
    const redis = await startPrivateRedis();
    const t = await startTestPlatform({ ...backend, redisUrl: redis.url }, { classifier, knowledge: createEchoKnowledge(), startWorkers: false });
    let restarted: Awaited<ReturnType<typeof startPrivateRedis>> | null = null;
    try {
      const sessionId = randomUUID();
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: `hỏi ${i}` }) });
        expect(response.status).toBe(202);
      }
      // Redis dies with the five jobs in it and comes back empty on the same port.
      await redis.stop();
      restarted = await startPrivateRedis(redis.port);
      await t.platform.startWorkers();
      const db = t.database.db;
      await waitUntil(async () => (await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')))).length === 5, 30_000, 'five replies');
      await waitForIdle(db);
      const outbound = await expectStable(() => db.select().from(messages).where(eq(messages.direction, 'out')), 'the replies', 1000);
      expect(outbound.map((m) => m.text).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Trả lời: hỏi ${i}`));
    } finally {
      await t.close();
      await restarted?.stop();
      await redis.stop();
    }
  });
});

