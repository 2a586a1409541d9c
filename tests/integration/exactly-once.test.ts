import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { messages } from '../../bots/storage/schema/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

// Every text that is not scripted is an unsure "question"; these are confident questions.
const classifier = createScriptedClassifier(
  Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`câu hỏi số ${i}`, { route: 'question' as const, topic: 'wages' as const }])),
);

async function post(baseUrl: string, body: unknown) {
  return fetch(`${baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe.each(testBackends())('exactly once and in order on $name', (backend) => {
  let t: TestPlatform;
  afterEach(async () => t?.close());

  it('stores a delivery sent twice once and answers it once', async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    const sessionId = randomUUID();
    const body = { sessionId, clientMessageId: randomUUID(), text: 'câu hỏi số 1' };
    const [first, second] = await Promise.all([post(t.baseUrl, body), post(t.baseUrl, body)]);
    const statuses = [await first.json(), await second.json()].map((r) => (r as { status: string }).status).sort();
    expect(statuses).toEqual(['accepted', 'duplicate']);
    const third = await post(t.baseUrl, body);
    expect(await third.json()).toMatchObject({ status: 'duplicate' });

    const db = t.database.db;
    const sent = await waitUntil(async () => {
      const rows = await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')));
      return rows.length > 0 ? rows : null;
    });
    await waitForIdle(db);
    const { inbound, outbound } = await expectStable(async () => ({
      inbound: await db.select().from(messages).where(eq(messages.direction, 'in')),
      outbound: await db.select().from(messages).where(eq(messages.direction, 'out')),
    }), 'stored messages');
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ status: 'processed', route: 'question', topic: 'wages' });
    expect(outbound).toHaveLength(1);
    expect(sent[0]?.text).toBe('Trả lời: câu hỏi số 1');
  });

  it('stores 20 simultaneous copies of each of 6 deliveries once, while earlier ones are being answered (issue #13)', async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge({ delayMs: 2 }) });
    const sessionId = randomUUID();
    const bodies = Array.from({ length: 6 }, (_, i) => ({ sessionId, clientMessageId: randomUUID(), text: `câu hỏi số ${i}` }));
    const statuses: number[] = [];
    const outcomes: string[][] = [];
    for (const [i, body] of bodies.entries()) {
      // 20 copies of the new delivery, and 20 more of the previous one, which the worker is answering now:
      // its commit holds the message's row while a redelivery waits on the unique key.
      const copies = [...Array.from({ length: 20 }, () => body), ...(i > 0 ? Array.from({ length: 20 }, () => bodies[i - 1]) : [])];
      const responses = await Promise.all(copies.map((copy) => post(t.baseUrl, copy)));
      statuses.push(...responses.map((r) => r.status));
      const parsed = await Promise.all(responses.map(async (r) => ((await r.json()) as { status?: string }).status ?? 'error'));
      outcomes.push(parsed.slice(0, 20));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    for (const round of outcomes) expect([...round].sort()).toEqual(['accepted', ...Array.from({ length: 19 }, () => 'duplicate')]);
    const db = t.database.db;
    await waitUntil(async () => {
      const rows = await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')));
      return rows.length >= 6;
    }, 60_000, '6 replies');
    await waitForIdle(db);
    const { inbound, outbound } = await expectStable(async () => ({
      inbound: await db.select().from(messages).where(eq(messages.direction, 'in')).orderBy(asc(messages.convSeq)),
      outbound: await db.select().from(messages).where(eq(messages.direction, 'out')).orderBy(asc(messages.seq)),
    }), 'stored messages');
    expect(inbound.map((m) => m.text)).toEqual(bodies.map((b) => b.text));
    expect(outbound.map((m) => m.text)).toEqual(bodies.map((b) => `Trả lời: ${b.text}`));
  });

  it('processes 50 concurrent messages of one conversation in arrival order, each once', async () => {
    const knowledge = createEchoKnowledge({ delayMs: 5 });
    t = await startTestPlatform(backend, { classifier, knowledge });
    const sessionId = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(t.baseUrl, { sessionId, clientMessageId: randomUUID(), text: `câu hỏi số ${i}` })),
    );
    expect(responses.every((r) => r.status === 202)).toBe(true);
    const db = t.database.db;
    await waitUntil(async () => {
      const rows = await db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')));
      return rows.length === 50;
    }, 60_000, '50 replies');
    const inbound = await db.select().from(messages).where(eq(messages.direction, 'in')).orderBy(asc(messages.convSeq));
    const outbound = await db.select().from(messages).where(eq(messages.direction, 'out')).orderBy(asc(messages.seq));
    expect(inbound.map((m) => m.convSeq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // The pipeline saw the messages in arrival order, and the replies were created and sent in that order.
    expect(knowledge.calls).toEqual(inbound.map((m) => m.text));
    expect(outbound.map((m) => m.text)).toEqual(inbound.map((m) => `Trả lời: ${m.text}`));
    const sentTimes = outbound.map((m) => m.sentAt?.getTime() ?? 0);
    expect([...sentTimes].sort((a, b) => a - b)).toEqual(sentTimes);
    const processedTimes = inbound.map((m) => m.processedAt?.getTime() ?? 0);
    expect([...processedTimes].sort((a, b) => a - b)).toEqual(processedTimes);
  });
});
