import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AccessLogResponseSchema } from '../../core/contracts/privacy-api.js';
import { auditLog, channelIdentities, conversations } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({ 'lương tôi bị nợ hai tháng': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' } });

describe.each(testBackends())('the personal-data access log on $name', (backend) => {
  let t: TestPlatform;
  let tokens: Record<string, string> = {};
  let memberId: string;
  let conversationId: string;

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    tokens = await createAccounts(t, [
      ['root@x.vn', 'TLD', 'admin'],
      ['admin-hn@x.vn', 'HN', 'admin'],
      ['admin-hcm@x.vn', 'HCM', 'admin'],
      ['officer-a1@x.vn', 'A1', 'officer'],
      ['leader-hn@x.vn', 'HN', 'leader'],
    ]);
    const sessionId = randomUUID();
    await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: 'lương tôi bị nợ hai tháng', unitCode: 'A1' }) });
    await waitForIdle(t.database.db);
    const db = t.database.db;
    const [identity] = await db.select().from(channelIdentities).where(eq(channelIdentities.platformUserId, sessionId));
    memberId = identity!.memberId;
    const [thread] = await db.select().from(conversations).where(eq(conversations.memberId, memberId));
    conversationId = thread!.id;
  }, 180_000);
  afterAll(async () => t?.close());

  const get = (path: string, email: string) => fetch(`${t.baseUrl}/api/admin${path}`, { headers: { authorization: `Bearer ${tokens[email]}` } });

  it('records who listed, opened and exported the member, and shows it to an admin of the subtree', async () => {
    expect((await get('/conversations?view=all&state=bot', 'officer-a1@x.vn')).status).toBe(200);
    expect((await get(`/conversations/${conversationId}`, 'officer-a1@x.vn')).status).toBe(200);
    expect((await get(`/members/${memberId}/export`, 'leader-hn@x.vn')).status).toBe(200);

    const response = await get(`/members/${memberId}/access-log`, 'admin-hn@x.vn');
    expect(response.status).toBe(200);
    const log = AccessLogResponseSchema.parse(await response.json());
    expect(log.member).toEqual({ id: memberId, erased: false });
    expect(log.items.map((item) => item.action)).toEqual(['member_access_log', 'member_export', 'conversation_view', 'inbox_list']);
    const [ownLook, exported, viewed, listed] = log.items;
    expect(ownLook).toMatchObject({ actor: 'admin-hn@x.vn', purpose: 'accountability', listed: false });
    expect(exported).toMatchObject({ actor: 'leader-hn@x.vn', actorRole: 'leader', actorUnit: { code: 'HN' }, purpose: 'data_request', route: 'GET /api/admin/members/:id/export' });
    expect(viewed).toMatchObject({ actor: 'officer-a1@x.vn', actorName: 'officer-a1@x.vn', actorRole: 'officer', actorUnit: { code: 'A1', name: 'CĐCS A' }, purpose: 'member_support', route: 'GET /api/admin/conversations/:id', conversationId, listed: false });
    expect(listed).toMatchObject({ actor: 'officer-a1@x.vn', action: 'inbox_list', listed: true, conversationId: null });
    expect(Date.parse(viewed!.at)).toBeGreaterThan(Date.now() - 60_000);

    // Another member's list row does not leak in; paging by `before` continues where the page ended.
    const firstPage = AccessLogResponseSchema.parse(await (await get(`/members/${memberId}/access-log?limit=2`, 'root@x.vn')).json());
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextBefore).not.toBeNull();
    const rest = AccessLogResponseSchema.parse(await (await get(`/members/${memberId}/access-log?limit=50&before=${firstPage.nextBefore}`, 'root@x.vn')).json());
    expect(rest.items.map((item) => item.action)).toEqual(['member_export', 'conversation_view', 'inbox_list']);
    expect(rest.nextBefore).toBeNull();
  });

  it('is for admins of the member’s subtree only, and validates its input', async () => {
    expect((await get(`/members/${memberId}/access-log`, 'officer-a1@x.vn')).status).toBe(403);
    expect((await get(`/members/${memberId}/access-log`, 'leader-hn@x.vn')).status).toBe(403);
    expect((await get(`/members/${memberId}/access-log`, 'admin-hcm@x.vn')).status).toBe(403);
    expect((await get('/members/not-a-uuid/access-log', 'root@x.vn')).status).toBe(422);
    expect((await get(`/members/${randomUUID()}/access-log`, 'root@x.vn')).status).toBe(404);
    const bad = await get(`/members/${memberId}/access-log?limit=0`, 'root@x.vn');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await get(`/members/${memberId}/access-log?extra=1`, 'root@x.vn')).status).toBe(422);
    expect((await fetch(`${t.baseUrl}/api/admin/members/${memberId}/access-log`)).status).toBe(401);
  });

  it('after an erasure keeps who/when/what but drops free-text details, and stays readable at the national level', async () => {
    const db = t.database.db;
    // A free-text detail about the member (as a search or a typed reason would leave), beside a kept label.
    await t.platform.repositories.audit.record({ actor: 'officer-a1@x.vn', action: 'conversation_view', targetType: 'conversation', targetId: conversationId, memberId, details: { reason: 'chị Nguyễn Thị Lan, 0912 345 678', view: 'all' } });
    expect((await fetch(`${t.baseUrl}/api/admin/members/${memberId}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens['leader-hn@x.vn']}` } })).status).toBe(200);

    const rows = await db.select().from(auditLog).where(eq(auditLog.memberId, memberId));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(rows)).not.toContain('0912 345 678');
    expect(JSON.stringify(rows)).not.toContain('Nguyễn Thị Lan');
    expect(rows.find((row) => row.details.view === 'all')?.details).toEqual({ view: 'all' });
    expect(rows.find((row) => row.action === 'member_erase')?.details).toMatchObject({ conversations: 1, identities: 1 });

    // The member has no unit any more: only the national level can answer "who read my data".
    expect((await get(`/members/${memberId}/access-log`, 'admin-hn@x.vn')).status).toBe(403);
    const log = AccessLogResponseSchema.parse(await (await get(`/members/${memberId}/access-log`, 'root@x.vn')).json());
    expect(log.member).toEqual({ id: memberId, erased: true });
    expect(log.items.map((item) => item.action)).toEqual(expect.arrayContaining(['member_erase', 'member_export', 'conversation_view', 'inbox_list']));
  });
});
