import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ConversationDetailDtoSchema, InboxListResponseSchema, type ConversationDetailDto } from '../../core/contracts/inbox-api.js';
import { auditLog, messages } from '../../bots/storage/schema/index.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT, itemIds } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier(INBOX_SCRIPT);

describe.each(testBackends())('officers inbox API on $name', (backend) => {
  let t: TestPlatform;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    Object.assign(
      tokens,
      await createAccounts(t, [
        ['a1@x.vn', 'A1', 'officer'],
        ['a1b@x.vn', 'A1', 'officer'],
        ['hn@x.vn', 'HN', 'officer'],
        ['lead-hn@x.vn', 'HN', 'leader'],
        ['hcm@x.vn', 'HCM', 'officer'],
      ]),
    );
    api = adminApi(t, tokens);
  });
  afterAll(async () => t?.close());

  it('lists a hand-off in its unit subtree only, and answers 404 outside it even for the right id', async () => {
    const { conversationId } = await handOffWebMember(t, 'A1', ['công ty nợ lương ba tháng']);
    for (const email of ['a1@x.vn', 'hn@x.vn', 'lead-hn@x.vn']) {
      const list = await api(email, 'GET', '/conversations?view=waiting');
      expect(list.status).toBe(200);
      InboxListResponseSchema.parse(list.body);
      expect(itemIds(list.body)).toContain(conversationId);
    }
    const [item] = (await api('a1@x.vn', 'GET', '/conversations?view=waiting')).body.items as Record<string, unknown>[];
    expect(item).toMatchObject({ state: 'waiting_officer', urgent: false, unit: { code: 'A1' }, queueUnit: { code: 'A1' }, channel: 'web', memberName: null, topic: 'wage_arrears', sentiment: 'negative', overdue: false });
    expect(typeof item?.slaDueAt).toBe('string');
    expect(item?.unread).toBeGreaterThanOrEqual(1);
    // The row previews the member's latest words, not the bot's hand-off confirmation that came after them.
    expect(item?.preview).toBe('cho tôi gặp cán bộ công đoàn');

    expect(itemIds((await api('hcm@x.vn', 'GET', '/conversations?view=waiting')).body)).not.toContain(conversationId);
    expect(itemIds((await api('hcm@x.vn', 'GET', '/conversations?view=all')).body)).not.toContain(conversationId);
    for (const [method, path, body] of [
      ['GET', `/conversations/${conversationId}`, undefined],
      ['POST', `/conversations/${conversationId}/claim`, undefined],
      ['POST', `/conversations/${conversationId}/messages`, { text: 'chào bạn' }],
      ['POST', `/conversations/${conversationId}/return`, undefined],
      ['POST', `/conversations/${conversationId}/notes`, { text: 'ghi chú' }],
      ['POST', `/conversations/${conversationId}/close`, { resolution: 'spam' }],
      ['POST', `/conversations/${conversationId}/transfer`, { unitCode: 'HCM' }],
      ['GET', `/conversations/${conversationId}/suggestion`, undefined],
    ] as const) {
      expect({ path, status: (await api('hcm@x.vn', method, path, body)).status }).toEqual({ path, status: 404 });
    }
    // Filters: by a unit in scope, by a unit outside it (unknown to the caller), by channel and topic.
    expect(itemIds((await api('hn@x.vn', 'GET', '/conversations?view=waiting&unit=A1&channel=web&topic=wage_arrears')).body)).toContain(conversationId);
    expect(itemIds((await api('hn@x.vn', 'GET', '/conversations?view=waiting&topic=maternity')).body)).not.toContain(conversationId);
    expect((await api('hn@x.vn', 'GET', '/conversations?view=waiting&unit=HCM')).status).toBe(404);
    expect((await api('hn@x.vn', 'GET', '/conversations?view=nope')).status).toBe(422);
    expect((await api('hn@x.vn', 'GET', '/conversations?view=all&cursor=garbage')).status).toBe(422);
    expect((await fetch(`${t.baseUrl}/api/admin/conversations`)).status).toBe(401);

    // A list read is audited when it shows the officer someone new: hn@x.vn was shown the member by the first
    // list; the filtered lists that showed them again, and the empty one, wrote nothing; hcm@x.vn saw nobody.
    const listRows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'inbox_list'));
    const hn = listRows.filter((row) => row.actor === 'hn@x.vn');
    expect(hn).toHaveLength(1);
    expect(hn[0]?.details).toMatchObject({ view: 'waiting', newlyShown: 1 });
    expect(listRows.filter((row) => row.actor === 'hcm@x.vn')).toEqual([]);
  });

  it('lets exactly one of two simultaneous claims win and tells the other who holds it', async () => {
    const { conversationId } = await handOffWebMember(t, 'A1');
    const [first, second] = await Promise.all([api('a1@x.vn', 'POST', `/conversations/${conversationId}/claim`), api('a1b@x.vn', 'POST', `/conversations/${conversationId}/claim`)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? ['a1@x.vn', second] : ['a1b@x.vn', first];
    expect(loser.body).toMatchObject({ error: { code: 'CONVERSATION_CLAIMED', details: { holder: { displayName: winner } } } });
    // Claiming again is harmless for the holder, refused for the other.
    expect((await api(winner, 'POST', `/conversations/${conversationId}/claim`)).status).toBe(200);
    expect((await api(winner === 'a1@x.vn' ? 'a1b@x.vn' : 'a1@x.vn', 'POST', `/conversations/${conversationId}/claim`)).status).toBe(409);
    expect(itemIds((await api(winner, 'GET', '/conversations?view=mine')).body)).toContain(conversationId);
    expect(itemIds((await api(winner, 'GET', '/conversations?view=waiting')).body)).not.toContain(conversationId);
  });

  it('claims, shows the transcript with labels, replies through the channel once per draft, notes, suggests, returns to the bot', async () => {
    const { conversationId, sessionId } = await handOffWebMember(t, 'A1', ['công ty nợ lương ba tháng']);
    const claimed = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.conversation).toMatchObject({ state: 'officer', assignedOfficer: { displayName: 'a1@x.vn' }, slaDueAt: null });

    const view = await api('a1@x.vn', 'GET', `/conversations/${conversationId}`);
    expect(view.status).toBe(200);
    const detail: ConversationDetailDto = ConversationDetailDtoSchema.parse(view.body);
    const question = detail.messages.find((m) => m.text === 'công ty nợ lương ba tháng');
    expect(question).toMatchObject({ direction: 'in', author: 'member', route: 'question', topic: 'wage_arrears', sentiment: 'negative', deliveryStatus: null });
    expect(question?.confidence?.route).toBeCloseTo(0.95);
    expect(detail.messages.some((m) => m.direction === 'out' && m.author === 'bot')).toBe(true);
    expect(detail.member).toMatchObject({ unit: { code: 'A1' }, channels: [{ channel: 'web' }] });
    expect(detail.reply).toMatchObject({ canSend: true });
    expect(detail.can).toMatchObject({ reply: true, return: true, close: true });
    // The other officer of the unit may look, but not reply.
    const otherView = ConversationDetailDtoSchema.parse((await api('a1b@x.vn', 'GET', `/conversations/${conversationId}`)).body);
    expect(otherView.reply).toMatchObject({ canSend: false, code: 'NOT_HOLDER' });
    expect((await api('a1b@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'xen ngang' })).status).toBe(409);

    // Malformed and invalid bodies change nothing.
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, '{"text":')).status).toBe(400);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: '   ' })).status).toBe(422);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'x', extra: 1 })).status).toBe(422);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/close`, { resolution: 'done' })).status).toBe(422);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/transfer`, { unitCode: 'HN', officerId: randomUUID() })).status).toBe(422);
    expect((await api('a1@x.vn', 'POST', '/conversations/not-a-uuid/claim')).status).toBe(422);
    expect((await api('a1@x.vn', 'GET', `/conversations/${randomUUID()}`)).status).toBe(404);

    const clientId = randomUUID();
    const sent = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'Chào bạn, mình là cán bộ công đoàn.', clientId });
    expect(sent.status).toBe(202);
    const again = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'Chào bạn, mình là cán bộ công đoàn.', clientId });
    expect(again.status).toBe(202);
    const messageId = (sent.body.message as { id: string }).id;
    expect((again.body.message as { id: string }).id).toBe(messageId);
    expect(sent.body.message).toMatchObject({ author: 'officer', officer: { displayName: 'a1@x.vn' }, direction: 'out' });
    const db = t.database.db;
    await waitUntil(async () => (await db.select().from(messages).where(eq(messages.id, messageId)))[0]?.status === 'sent', 20_000, 'the officer reply delivered');
    const history = (await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${sessionId}`)).json()) as { messages: { text: string }[] };
    expect(history.messages.filter((m) => m.text === 'Chào bạn, mình là cán bộ công đoàn.')).toHaveLength(1);

    const note = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/notes`, { text: 'Đã gọi điện cho công ty.' });
    expect(note.status).toBe(201);
    const suggestion = await api('a1@x.vn', 'GET', `/conversations/${conversationId}/suggestion`);
    expect(suggestion.status).toBe(200);
    expect(suggestion.body).toMatchObject({ source: 'law', citations: [] });
    expect(String(suggestion.body.text)).toContain('cho tôi gặp cán bộ công đoàn');
    const read = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/read`);
    expect(read.body.conversation).toMatchObject({ unread: 0 });
    const afterNote = ConversationDetailDtoSchema.parse((await api('a1@x.vn', 'GET', `/conversations/${conversationId}`)).body);
    expect(afterNote.notes.map((n) => n.text)).toEqual(['Đã gọi điện cho công ty.']);
    expect(afterNote.messages.find((m) => m.id === messageId)).toMatchObject({ deliveryStatus: 'sent' });

    const returned = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/return`);
    expect(returned.status).toBe(200);
    expect(returned.body.conversation).toMatchObject({ state: 'bot', assignedOfficer: null, queueUnit: null });
    const refused = await api('a1@x.vn', 'POST', `/conversations/${conversationId}/messages`, { text: 'còn đây không?' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'CONVERSATION_RETURNED_TO_BOT' } });
    const afterReturn = ConversationDetailDtoSchema.parse((await api('a1@x.vn', 'GET', `/conversations/${conversationId}`)).body);
    expect(afterReturn.reply).toMatchObject({ canSend: false, code: 'RETURNED_TO_BOT' });

    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, conversationId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['conversation_view', 'conversation_claim', 'conversation_reply', 'conversation_note', 'conversation_suggestion', 'conversation_return']));
  });

  it('transfers within scope, lets leaders override a holder, closes with a resolution', async () => {
    const { conversationId } = await handOffWebMember(t, 'A1');
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/claim`)).status).toBe(200);
    // Another officer cannot move or close what a colleague holds; a leader above them can.
    expect((await api('a1b@x.vn', 'POST', `/conversations/${conversationId}/transfer`, { unitCode: 'A1' })).body).toMatchObject({ error: { code: 'CONVERSATION_CLAIMED' } });
    expect((await api('a1b@x.vn', 'POST', `/conversations/${conversationId}/close`, { resolution: 'spam' })).status).toBe(409);
    expect((await api('a1@x.vn', 'POST', `/conversations/${conversationId}/transfer`, { unitCode: 'HCM' })).status).toBe(404);
    const toUnit = await api('lead-hn@x.vn', 'POST', `/conversations/${conversationId}/transfer`, { unitCode: 'HN' });
    expect(toUnit.status).toBe(200);
    expect(toUnit.body.conversation).toMatchObject({ state: 'waiting_officer', queueUnit: { code: 'HN' }, assignedOfficer: null });
    const targets = await api('hn@x.vn', 'GET', `/conversations/${conversationId}/transfer-targets`);
    const hcmOfficer = (targets.body.officers as { id: string; unit: { code: string } }[]).find((o) => o.unit.code === 'HCM');
    expect(hcmOfficer).toBeUndefined();
    const a1b = (targets.body.officers as { id: string; displayName: string }[]).find((o) => o.displayName === 'a1b@x.vn');
    const toOfficer = await api('hn@x.vn', 'POST', `/conversations/${conversationId}/transfer`, { officerId: a1b?.id });
    expect(toOfficer.status).toBe(200);
    expect(toOfficer.body.conversation).toMatchObject({ state: 'officer', assignedOfficer: { displayName: 'a1b@x.vn' } });
    const closed = await api('a1b@x.vn', 'POST', `/conversations/${conversationId}/close`, { resolution: 'legal_aid' });
    expect(closed.status).toBe(200);
    expect(closed.body.conversation).toMatchObject({ state: 'closed' });
    expect((await api('a1b@x.vn', 'POST', `/conversations/${conversationId}/close`, { resolution: 'legal_aid' })).status).toBe(200);
    expect(ConversationDetailDtoSchema.parse((await api('a1b@x.vn', 'GET', `/conversations/${conversationId}`)).body).resolution).toBe('legal_aid');
    expect(itemIds((await api('a1b@x.vn', 'GET', '/conversations?view=all&state=closed')).body)).toContain(conversationId);
  });

  it('sets availability', async () => {
    expect((await api('a1@x.vn', 'GET', '/me/availability')).body).toMatchObject({ availability: 'away', capacity: 5 });
    expect((await api('a1@x.vn', 'PUT', '/me/availability', { availability: 'available' })).body).toMatchObject({ availability: 'available' });
    expect((await api('a1@x.vn', 'PUT', '/me/availability', { availability: 'busy' })).status).toBe(422);
  });

  it('pages the list with a cursor', async () => {
    const page = await api('lead-hn@x.vn', 'GET', '/conversations?view=all&limit=1');
    expect(page.status).toBe(200);
    const first = itemIds(page.body);
    expect(first).toHaveLength(1);
    const next = await api('lead-hn@x.vn', 'GET', `/conversations?view=all&limit=1&cursor=${String(page.body.nextCursor)}`);
    expect(next.status).toBe(200);
    expect(itemIds(next.body)[0]).not.toBe(first[0]);
  });
});
