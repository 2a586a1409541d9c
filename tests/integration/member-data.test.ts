import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, channelIdentities, conversations, members, messages } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({ 'xin chào': { route: 'smalltalk' }, 'lương tôi bị nợ, sđt 0912 345 678': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' } });

describe.each(testBackends())("a member's data on request on $name", (backend) => {
  let t: TestPlatform;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    Object.assign(tokens, await createAccounts(t, [['off-hn@x.vn', 'HN', 'officer'], ['lead-hcm@x.vn', 'HCM', 'leader'], ['lead-hn@x.vn', 'HN', 'leader']]));
  });
  afterAll(async () => t?.close());

  const call = (method: string, path: string, email: string) => fetch(`${t.baseUrl}/api/admin/members${path}`, { method, headers: { authorization: `Bearer ${tokens[email]}` } });

  it('exports everything within scope, erases it for good, and the member can start afresh', async () => {
    const sessionId = randomUUID();
    const post = (text: string) => fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, unitCode: 'A1' }) });
    await post('xin chào');
    await post('lương tôi bị nợ, sđt 0912 345 678');
    const db = t.database.db;
    // A complaint's reply may come in several messages (acknowledgement, rights, an offer): wait for the turns to settle.
    await waitUntil(async () => (await db.select().from(messages).where(eq(messages.status, 'sent'))).length >= 2, 20_000, 'two replies');
    await waitForIdle(db);
    const [identity] = await db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
    const memberId = identity!.memberId;
    const [thread] = await db.select().from(conversations).where(eq(conversations.memberId, memberId));
    const storedMessages = (await db.select().from(messages).where(eq(messages.conversationId, thread!.id))).length;

    expect((await call('GET', `/${memberId}/export`, 'lead-hcm@x.vn')).status).toBe(403);
    expect((await call('GET', '/not-a-uuid/export', 'off-hn@x.vn')).status).toBe(422);
    expect((await call('GET', `/${randomUUID()}/export`, 'off-hn@x.vn')).status).toBe(404);
    const exported = await call('GET', `/${memberId}/export`, 'off-hn@x.vn');
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as { member: { unit: { code: string } }; identities: unknown[]; conversations: { messages: { text: string }[] }[] };
    expect(data.member.unit.code).toBe('A1');
    expect(data.identities).toHaveLength(1);
    expect(data.conversations[0]?.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['xin chào', 'lương tôi bị nợ, sđt 0912 345 678']));

    expect((await call('DELETE', `/${memberId}`, 'off-hn@x.vn')).status).toBe(403);
    const erased = await call('DELETE', `/${memberId}`, 'lead-hn@x.vn');
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ erased: true, conversations: 1, identities: 1, messages: storedMessages });
    const [tombstone] = await db.select().from(members).where(eq(members.id, memberId));
    expect(tombstone).toMatchObject({ displayName: null, unitId: null });
    expect(tombstone?.erasedAt).not.toBeNull();
    expect(await db.select().from(channelIdentities).where(eq(channelIdentities.memberId, memberId))).toEqual([]);
    expect(await db.select().from(conversations).where(eq(conversations.memberId, memberId))).toEqual([]);
    expect(JSON.stringify(await db.select().from(messages))).not.toContain('0912 345 678');
    expect((await call('GET', `/${memberId}/export`, 'lead-hn@x.vn')).status).toBe(404);
    const audits = (await db.select().from(auditLog)).map((a) => a.action);
    expect(audits).toEqual(expect.arrayContaining(['member_export', 'member_erase']));

    // Writing again from the same browser is a new member, answered normally.
    await post('xin chào');
    await waitUntil(async () => (await db.select().from(messages).where(eq(messages.status, 'sent'))).length >= 1, 20_000, 'a reply to the new member');
    const [fresh] = await db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
    expect(fresh?.memberId).not.toBe(memberId);
  });
});
