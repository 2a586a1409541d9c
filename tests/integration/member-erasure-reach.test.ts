import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { channelIdentities, conversations, members, messages } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT, itemIds } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier(INBOX_SCRIPT);

/** Erasure reaches everything that holds the member: the officers' inbox, queued work, the ingest cache. */
describe.each(testBackends())('what a member erasure reaches on $name', (backend) => {
  let t: TestPlatform;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    Object.assign(tokens, await createAccounts(t, [['a1@x.vn', 'A1', 'officer']]));
    api = adminApi(t, tokens);
    // Starting an embedded database takes long on a loaded machine (PGlite's WebAssembly start-up).
  }, 180_000);
  afterAll(async () => t?.close());

  const post = (sessionId: string, body: Record<string, unknown>) =>
    fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), unitCode: 'A1', ...body }) });

  it('a member waiting for an officer who erases in chat leaves the inbox: lists, the conversation and its actions', async () => {
    const { conversationId, sessionId } = await handOffWebMember(t, 'A1', ['công ty nợ lương ba tháng']);
    expect(itemIds((await api('a1@x.vn', 'GET', '/conversations?view=waiting')).body)).toContain(conversationId);
    expect((await api('a1@x.vn', 'GET', `/conversations/${conversationId}`)).status).toBe(200);

    // The request works while an officer is awaited (it is a request to the system, not to the officer).
    expect((await post(sessionId, { text: '/xoadulieu' })).status).toBe(202);
    await waitUntil(async () => (await db().select().from(messages).where(eq(messages.conversationId, conversationId))).some((m) => m.text.includes('Bạn muốn xoá toàn bộ dữ liệu')), 20_000, 'the question');
    expect((await post(sessionId, { postback: { payload: 'privacy:erase:confirm', title: 'Xoá dữ liệu' } })).status).toBe(202);
    const [identity] = await db().select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
    const memberId = identity!.memberId;
    await waitUntil(async () => (await db().select().from(members).where(eq(members.id, memberId)))[0]?.erasedAt, 30_000, 'the erasure');

    expect(itemIds((await api('a1@x.vn', 'GET', '/conversations?view=waiting')).body)).not.toContain(conversationId);
    expect(itemIds((await api('a1@x.vn', 'GET', '/conversations?view=all')).body)).not.toContain(conversationId);
    expect((await api('a1@x.vn', 'GET', `/conversations/${conversationId}`)).status).toBe(404);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/claim`)).status).toBe(404);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'Chào bạn' })).status).toBe(404);
    // The SLA and hand-off jobs still queued for it find nothing and do nothing.
    await waitForIdle(db());
    expect(await db().select().from(conversations).where(eq(conversations.id, conversationId))).toEqual([]);
  });

  it('messages still waiting in the queue when the member is erased are never handled or answered', async () => {
    const waiting = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), database: t.database, startWorkers: false });
    try {
      const sessionId = randomUUID();
      for (const text of ['xin chào', 'công ty nợ lương ba tháng']) {
        const response = await fetch(`${waiting.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), unitCode: 'A1', text }) });
        expect(response.status).toBe(202);
      }
      const [identity] = await db().select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
      const memberId = identity!.memberId;
      const [thread] = await db().select().from(conversations).where(eq(conversations.memberId, memberId));
      expect((await db().select().from(messages).where(eq(messages.conversationId, thread!.id))).map((m) => m.status)).toEqual(['received', 'received']);

      await waiting.platform.repositories.memberData.eraseMember(memberId, new Date());
      // The running workers now get the doorbells (and the recovery sweep looks for lost work): nothing to do.
      await waitForIdle(db());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await db().select().from(messages).where(eq(messages.conversationId, thread!.id))).toEqual([]);
      expect(await db().select().from(conversations).where(eq(conversations.memberId, memberId))).toEqual([]);
    } finally {
      await waiting.close();
    }
  });

  const db = () => t.database.db;
});
