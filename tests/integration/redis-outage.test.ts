import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
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

  it('acknowledges while Redis is stalled even with a 60 s enqueue bound: the ack waits for no Redis call (D-scale-8, D-hardening-13)', async () => {
    const TG = { token: '123456:TEST-token', secret: 'tg-webhook_secret-42' };
    const target = new URL(backend.redisUrl as string);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    // ENQUEUE_TIMEOUT_MS far above the client's patience: if the acknowledgement still waited on the enqueue (inbound,
    // held-reply release or flood notice), on the flood count or on any other Redis call, the POSTs below would hang.
    const t = await startTestPlatform(
      { ...backend, redisUrl: proxy.url },
      {
        classifier,
        knowledge: createEchoKnowledge(),
        env: { ENQUEUE_TIMEOUT_MS: '60000', FLOOD_MAX_MESSAGES: '20', TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' },
      },
    );
    const sessionId = randomUUID();
    const db = t.database.db;
    const webAnswers = async () => (await db.select().from(messages).where(and(eq(messages.channel, 'web'), eq(messages.direction, 'out'), eq(messages.status, 'sent')))).map((m) => m.text);
    const patience = AbortSignal.timeout.bind(AbortSignal, 15_000);
    const send = (i: number) =>
      fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: `hỏi ${i}` }), signal: patience() });
    const telegram = (updateId: number) =>
      fetch(`${t.baseUrl}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG.secret },
        body: JSON.stringify({ update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'An' }, text: `hỏi ${updateId}` } }),
        signal: patience(),
      });
    try {
      expect((await send(0)).status).toBe(202);
      const [first] = await waitUntil(async () => {
        const rows = await db.select().from(messages).where(and(eq(messages.channel, 'web'), eq(messages.direction, 'out'), eq(messages.status, 'sent')));
        return rows.length === 1 ? rows : null;
      }, 20_000, 'the first answer');
      // A reply held for a closed window: the member's next message releases it (ingest's releaseHeld), whose enqueue
      // meets the stalled Redis too.
      await db.execute(sql`update messages set status = 'held', last_error = 'WINDOW_CLOSED: held for the test' where id = ${first!.id}`);

      proxy.stall();
      const acks = await Promise.all([send(1), send(2), telegram(31)]);
      expect(acks.map((r) => r.status)).toEqual([202, 202, 200]);
      const stored = await db.select().from(messages).where(eq(messages.direction, 'in'));
      expect(stored.map((m) => m.text).sort()).toEqual(['hỏi 0', 'hỏi 1', 'hỏi 2', 'hỏi 31']);
      expect((await db.select().from(messages).where(eq(messages.id, first!.id)))[0]?.status).toBe('queued');

      // Redis returns (the stalled connections are dropped so that the clients reconnect): the sweep enqueues what the
      // stall swallowed, and every message is answered, the released reply sent again.
      proxy.cut();
      proxy.restore();
      await waitUntil(async () => (await webAnswers()).length === 3, 60_000, 'the web answers after Redis came back');
      expect((await webAnswers()).sort()).toEqual(['Trả lời: hỏi 0', 'Trả lời: hỏi 1', 'Trả lời: hỏi 2']);
      await waitUntil(async () => {
        const [telegramIn] = await db.select().from(messages).where(and(eq(messages.channel, 'telegram'), eq(messages.direction, 'in')));
        return telegramIn && telegramIn.status !== 'received';
      }, 60_000, 'the Telegram message processed');
      expect(await db.select().from(messages).where(and(eq(messages.channel, 'telegram'), eq(messages.direction, 'out')))).toHaveLength(1);
    } finally {
      await t.close();
      await proxy.close();
    }
  });
});
