import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conversations, members, units } from '../../bots/storage/schema/index.js';
import { INBOX_TOPIC, type MemberSideInboxEvent } from '../../core/ports/inbox-events.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, messagesOf, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';

const classifier = createScriptedClassifier({
  'cho tôi gặp cán bộ công đoàn': { route: 'handoff' },
  'lương tháng này bị trừ vô lý': { route: 'feedback', topic: 'wages', sentiment: 'negative' },
});

/**
 * The member side of a hand-off through the real web chat path (HTTP → durable write → worker → reply),
 * on both backends: a crisis is answered in every state, hands off as urgent to the member's unit and tells
 * the inbox at once through the realtime hub (Redis pub/sub on the Postgres+Redis pair).
 */
describe.each(testBackends())('hand-off, member side, on $name', (backend) => {
  let t: TestPlatform;
  const inboxEvents: MemberSideInboxEvent[] = [];
  let unsubscribe: () => void = () => undefined;

  beforeAll(async () => {
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { CRISIS_HOTLINES: 'Đường dây hỗ trợ tâm lý (thử nghiệm):0900 000 000' },
    });
    await seedUnits(t.database.db);
    unsubscribe = t.platform.hub.subscribe(INBOX_TOPIC, (event) => inboxEvents.push(event as MemberSideInboxEvent));
  });
  afterAll(async () => {
    unsubscribe();
    await t?.close();
  });

  const send = async (sessionId: string, text: string, unitCode = 'CDCS001') => {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, unitCode }),
    });
    expect(response.status).toBe(202);
  };
  const unitId = async (code: string) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]?.id;

  it('answers "ko muon song nua" with 115 and the configured line, and hands off URGENT to the member\'s unit', async () => {
    const session = randomUUID();
    await send(session, 'ko muon song nua');
    const [reply] = await waitForOutbound(t.database.db, 'web', session, 1);
    expect(reply?.text).toContain('115');
    expect(reply?.text).toContain('Đường dây hỗ trợ tâm lý (thử nghiệm) 0900 000 000');
    expect(reply?.text).not.toContain('111');
    const conversation = await conversationOf(t.database.db, 'web', session);
    expect(conversation).toMatchObject({ state: 'waiting_officer', urgent: true, queueUnitId: await unitId('CDCS001') });
    expect(conversation?.handedOffAt).toBeInstanceOf(Date);
    const event = await waitUntil(async () => inboxEvents.find((e) => e.conversationId === conversation?.id), 10_000, 'the urgent inbox event');
    expect(event).toMatchObject({ type: 'conversation.urgent', urgent: true, state: 'waiting_officer', queueUnitCode: 'CDCS001' });
    // Ids and the unit only: nothing the member wrote travels on the inbox topic.
    expect(JSON.stringify(event)).not.toMatch(/song|sống/);
  });

  it('still answers a crisis after a hand-off (waiting for an officer) and marks the waiting conversation urgent', async () => {
    const session = randomUUID();
    await send(session, 'cho tôi gặp cán bộ công đoàn');
    await waitForOutbound(t.database.db, 'web', session, 1);
    const waiting = await conversationOf(t.database.db, 'web', session);
    expect(waiting).toMatchObject({ state: 'waiting_officer', urgent: false, queueUnitId: await unitId('CDCS001') });
    await waitUntil(async () => inboxEvents.find((e) => e.conversationId === waiting?.id && e.type === 'conversation.waiting'), 10_000, 'the waiting inbox event');

    await send(session, 'em mới 17 tuổi, em muốn tự tử');
    const replies = await waitForOutbound(t.database.db, 'web', session, 2);
    expect(replies[1]?.text).toContain('115');
    expect(replies[1]?.text).toContain('111');
    const urgent = await conversationOf(t.database.db, 'web', session);
    expect(urgent).toMatchObject({ state: 'waiting_officer', urgent: true });
    expect(urgent?.handedOffAt?.getTime()).toBe(waiting?.handedOffAt?.getTime());
    await waitUntil(async () => inboxEvents.find((e) => e.conversationId === waiting?.id && e.type === 'conversation.urgent'), 10_000, 'the urgent inbox event');
  });

  it('answers a crisis while an officer holds the conversation, which stays theirs', async () => {
    const session = randomUUID();
    await send(session, 'cho tôi gặp cán bộ công đoàn');
    await waitForOutbound(t.database.db, 'web', session, 1);
    const conversation = await conversationOf(t.database.db, 'web', session);
    await t.database.db.update(conversations).set({ state: 'officer', claimedAt: new Date() }).where(eq(conversations.id, conversation?.id as string));
    await send(session, 'chán sống lắm rồi');
    const replies = await waitForOutbound(t.database.db, 'web', session, 2);
    expect(replies[1]?.text).toContain('115');
    expect(await conversationOf(t.database.db, 'web', session)).toMatchObject({ state: 'officer', urgent: true });
  });

  it('takes "mệt muốn chết vì tăng ca" for a concern, not a crisis', async () => {
    const session = randomUUID();
    await send(session, 'mệt muốn chết vì tăng ca');
    await waitForOutbound(t.database.db, 'web', session, 1);
    const inbound = (await messagesOf(t.database.db, 'web', session)).find((m) => m.direction === 'in');
    expect(inbound?.meta.selfHarm).toBeUndefined();
    expect(await conversationOf(t.database.db, 'web', session)).toMatchObject({ urgent: false });
  });

  it('stores every message while waiting, acknowledges at most once per interval, and goes back to the bot on "quay lai tro ly"', async () => {
    const session = randomUUID();
    await send(session, 'cho tôi gặp cán bộ công đoàn');
    const [confirmation] = await waitForOutbound(t.database.db, 'web', session, 1);
    expect(confirmation?.content).toMatchObject({ type: 'choices', choices: [{ title: 'Quay lại trợ lý', payload: 'handoff:leave' }] });
    const handedOff = await conversationOf(t.database.db, 'web', session);
    expect(handedOff?.memberAckAt?.getTime()).toBe(handedOff?.handedOffAt?.getTime());

    // Within the interval: stored for the officer, no reply.
    await send(session, 'lương tháng này bị trừ vô lý');
    await waitUntil(async () => (await messagesOf(t.database.db, 'web', session)).filter((m) => m.direction === 'in' && m.status === 'forwarded').length === 1, 20_000, 'forwarded');
    expect((await messagesOf(t.database.db, 'web', session)).filter((m) => m.direction === 'out')).toHaveLength(1);
    const history = (await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${session}`)).json()) as { withOfficer: boolean };
    expect(history.withOfficer).toBe(true);

    // The interval has passed (as if 10 minutes went by): one short acknowledgement.
    await t.database.db.update(conversations).set({ memberAckAt: new Date(Date.now() - 11 * 60_000) }).where(eq(conversations.id, handedOff?.id as string));
    await send(session, 'lương tháng này bị trừ vô lý');
    const acked = await waitForOutbound(t.database.db, 'web', session, 2);
    expect(acked[1]?.text).toContain('Mình đã chuyển tin nhắn này tới cán bộ công đoàn');
    expect((await conversationOf(t.database.db, 'web', session))?.memberAckAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await send(session, 'quay lai tro ly');
    const back = await waitForOutbound(t.database.db, 'web', session, 3);
    expect(back[2]?.text).toContain('quay lại trò chuyện cùng bạn');
    expect(await conversationOf(t.database.db, 'web', session)).toMatchObject({ state: 'bot', queueUnitId: null, urgent: false, memberAckAt: null, slaDueAt: null });
    expect(((await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${session}`)).json()) as { withOfficer: boolean }).withOfficer).toBe(false);
  });

  it('tells the member the office hours and the unit\'s honest expected wait (median of recent claims)', async () => {
    const unit = (await unitId('CDCS002')) as string;
    const allWeek = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
    await t.database.db.update(units).set({ officeHours: { timezone: 'Asia/Ho_Chi_Minh', days: allWeek } }).where(eq(units.id, unit));
    const first = randomUUID();
    await send(first, 'cho tôi gặp cán bộ công đoàn', 'CDCS002');
    const [noFigures] = await waitForOutbound(t.database.db, 'web', first, 1);
    expect(noFigures?.text).toContain('đang trong giờ làm việc');
    expect(noFigures?.text).toContain('chưa có số liệu về thời gian chờ');

    // Three earlier hand-offs of this unit were claimed after 10, 20 and 30 minutes.
    const [member] = await t.database.db.insert(members).values({ unitId: unit }).returning({ id: members.id });
    const base = Date.now() - 3 * 3_600_000;
    for (const minutes of [10, 20, 30]) {
      const key = randomUUID();
      await t.database.db.insert(conversations).values({ memberId: member!.id, channel: 'web', threadKey: key, platformUserId: key, unitId: unit, state: 'closed', handedOffAt: new Date(base), claimedAt: new Date(base + minutes * 60_000) });
    }
    const second = randomUUID();
    await send(second, 'cho tôi gặp cán bộ công đoàn', 'CDCS002');
    const [withFigures] = await waitForOutbound(t.database.db, 'web', second, 1);
    expect(withFigures?.text).toContain('Thời gian chờ thường là khoảng 20 phút');
    expect(withFigures?.text).toContain('Công đoàn cơ sở Công ty Điện tử Hà Nội');
  });

  it('outside the office hours a unit inherits from its parent, says when officers are back and invites a message', async () => {
    const tomorrow = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date(Date.now() + 7 * 3_600_000).getUTCDay() + 1) % 7] as string;
    await t.database.db.update(units).set({ officeHours: { timezone: 'Asia/Ho_Chi_Minh', days: { [tomorrow]: [['08:00', '09:00']] } } }).where(eq(units.code, 'CDCT-KCN'));
    const session = randomUUID();
    await send(session, 'cho tôi gặp cán bộ công đoàn');
    const [reply] = await waitForOutbound(t.database.db, 'web', session, 1);
    expect(reply?.text).toContain('ngoài giờ làm việc');
    expect(reply?.text).toContain('trả lời bạn từ 08:00');
    expect(reply?.text).toContain('để lại lời nhắn');
    await t.database.db.update(units).set({ officeHours: null }).where(eq(units.code, 'CDCT-KCN'));
  });
});
