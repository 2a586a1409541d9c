import { randomUUID } from 'node:crypto';
import type { InboxEvent } from '../../core/contracts/inbox-api.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier(INBOX_SCRIPT);

/** Reads `event: inbox` messages of an SSE stream into an array until closed. */
async function openEvents(baseUrl: string, token: string): Promise<{ events: InboxEvent[]; status: number; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/admin/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: InboxEvent[] = [];
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (block.startsWith('event: inbox') && data) events.push(JSON.parse(data.slice(6)) as InboxEvent);
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return { events, status: response.status, close: () => controller.abort() };
}

describe.each(testBackends())('inbox live events on $name', (backend) => {
  let t: TestPlatform;
  let second: TestPlatform | null = null;
  let database: TestDatabase;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};
  const queuePrefix = `te${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), database, env: { QUEUE_PREFIX: queuePrefix } });
    Object.assign(tokens, await createAccounts(t, [['a1@x.vn', 'A1', 'officer'], ['hcm@x.vn', 'HCM', 'officer']]));
    api = adminApi(t, tokens);
    // With Redis, a second server process (no workers) shares the hub: its browsers see the same events.
    if (backend.redisUrl) second = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), database, env: { QUEUE_PREFIX: queuePrefix }, startWorkers: false });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await database?.close();
  });

  it('streams the subtree\'s inbox events only, without member content, to every server process', async () => {
    expect((await fetch(`${t.baseUrl}/api/admin/events`)).status).toBe(401);
    const mine = await openEvents(t.baseUrl, tokens['a1@x.vn'] as string);
    const other = await openEvents(t.baseUrl, tokens['hcm@x.vn'] as string);
    const remote = second ? await openEvents(second.baseUrl, tokens['a1@x.vn'] as string) : null;
    expect(mine.status).toBe(200);
    // Redis subscriptions are asynchronous: give them a moment before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const { conversationId } = await handOffWebMember(t, 'A1', ['công ty nợ lương ba tháng']);
      await waitUntil(async () => mine.events.some((e) => e.conversationId === conversationId && e.type === 'conversation.waiting'), 10_000, 'the waiting event');
      expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/claim`)).status).toBe(200);
      await waitUntil(async () => mine.events.some((e) => e.conversationId === conversationId && e.type === 'conversation.claimed'), 10_000, 'the claimed event');
      expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'Chào bạn' })).status).toBe(202);
      // The worker delivers the reply later: its outcome is an event of its own, so the list and the thread change live.
      await waitUntil(async () => mine.events.some((e) => e.conversationId === conversationId && e.type === 'conversation.delivery'), 10_000, 'the delivery event');
      if (remote) await waitUntil(async () => remote.events.some((e) => e.conversationId === conversationId && e.type === 'conversation.delivery'), 10_000, 'the delivery event in the second process');
      const listed = await api('a1@x.vn', 'GET', '/conversations?view=mine');
      expect((listed.body as { items: { id: string; replyDelivery: string | null }[] }).items.find((item) => item.id === conversationId)?.replyDelivery).toBe('sent');
      expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/return`)).status).toBe(200);
      await waitUntil(async () => mine.events.some((e) => e.type === 'conversation.returned'), 10_000, 'the returned event');
      if (remote) await waitUntil(async () => remote.events.some((e) => e.conversationId === conversationId && e.type === 'conversation.returned'), 10_000, 'the event in the second process');
      expect(new Set(mine.events.map((e) => e.type))).toEqual(new Set(['conversation.waiting', 'conversation.claimed', 'conversation.message', 'conversation.delivery', 'conversation.returned']));
      const claimed = mine.events.find((e) => e.type === 'conversation.claimed');
      expect(Object.keys(claimed ?? {}).sort()).toEqual(['assignedOfficerId', 'at', 'conversationId', 'queueUnitCode', 'state', 'type', 'urgent']);
      expect(JSON.stringify(mine.events)).not.toContain('nợ lương');
      expect(other.events).toEqual([]);
    } finally {
      mine.close();
      other.close();
      remote?.close();
    }
  });
});
