import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { OutboundContent } from '../../core/messages/content.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { conversationOf, messagesOf, waitForOutbound } from '../channels/support/channel-e2e.js';
import { createAccounts, TEST_UNITS } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'công ty nợ lương hai tháng rồi': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' },
  'cảm ơn nhé': { route: 'smalltalk', topic: 'other', sentiment: 'positive' },
  'tạm biệt': { route: 'smalltalk', topic: 'other', sentiment: 'neutral' },
  'cho tôi gặp cán bộ công đoàn': { route: 'handoff', topic: 'other', sentiment: 'neutral' },
  'ca đêm không có nước uống': { route: 'feedback', topic: 'safety', sentiment: 'negative' },
});

/**
 * The 1–5 mood check (issue #10 item 1) through the real web chat path: offered when a conversation about a concern
 * ends and when an officer closes a hand-off, answered by button or by number, counted once with its weight.
 */
describe.each(testBackends())('the mood check on $name', (backend) => {
  let t: TestPlatform;
  let officer = '';
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    ({ 'canbo@x.vn': officer = '' } = await createAccounts(t, [['canbo@x.vn', 'HN', 'leader']], TEST_UNITS));
  });
  afterAll(async () => t?.close());

  const send = async (sessionId: string, body: { text: string } | { postback: { payload: string; title: string } }) => {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), unitCode: 'A1', ...body }),
    });
    expect(response.status).toBe(202);
    await waitForIdle(t.platform.database.db);
  };
  const outbound = async (session: string) => (await messagesOf(t.database.db, 'web', session)).filter((m) => m.direction === 'out');
  const check = async (session: string) => {
    const found = (await outbound(session)).filter((m) => (m.meta as { kind?: string }).kind === 'mood_check');
    return found.map((m) => m.content as OutboundContent);
  };
  /** The member's rows in the rollups, for the topic and sentiment the check recorded. */
  const moodRows = async (session: string) => {
    const conversation = await conversationOf(t.database.db, 'web', session);
    return executeRows<{ topic: string; sentiment: string; messages: number; weight: number }>(
      t.database.db,
      sql`select topic, sentiment, messages, weight::float8 as weight from mood_member_day where member_id = ${t.platform.pseudonyms.of(conversation!.memberId)} order by topic, sentiment`,
    );
  };

  it('asks after thanks that end a conversation about a concern, counts a button answer once, with weight 3', async () => {
    const session = randomUUID();
    await send(session, { text: 'công ty nợ lương hai tháng rồi' });
    expect(await check(session)).toEqual([]);
    await send(session, { text: 'cảm ơn nhé' });
    const [offered] = await check(session);
    expect(offered).toMatchObject({ type: 'choices' });
    if (offered?.type !== 'choices') throw new Error('no choices');
    expect(offered.text).toContain('từ 1 (rất tệ) đến 5 (rất tốt)');
    expect(offered.choices.map((c) => c.title)).toEqual(['Rất tệ', 'Chưa tốt', 'Tạm được', 'Tốt', 'Rất tốt']);
    expect(offered.choices[3]?.payload).toBe('mood:4:wage_arrears');

    await send(session, { postback: { payload: 'mood:4:wage_arrears', title: 'Tốt' } });
    const thanks = (await outbound(session)).at(-1);
    expect(thanks?.text).toContain('rất vui vì đã giúp được bạn');
    expect((thanks?.content as OutboundContent & { choices?: { title: string }[] }).choices?.[0]?.title).toBe('Góp ý thêm');
    // The same button again, or another: thanked, not counted twice.
    await send(session, { postback: { payload: 'mood:5:wage_arrears', title: 'Rất tốt' } });
    expect((await outbound(session)).at(-1)?.text).toContain('đã đánh giá cuộc trò chuyện này rồi');
    expect(await moodRows(session)).toEqual([
      { topic: 'wage_arrears', sentiment: 'negative', messages: 1, weight: 1 },
      { topic: 'wage_arrears', sentiment: 'positive', messages: 1, weight: 3 },
    ]);
    // Saying goodbye again soon after is not asked again.
    await send(session, { text: 'tạm biệt' });
    expect(await check(session)).toHaveLength(1);
  });

  it('does not ask after small talk alone', async () => {
    const session = randomUUID();
    await send(session, { text: 'cảm ơn nhé' });
    expect(await check(session)).toEqual([]);
  });

  it('takes the number typed in answer, as on channels that show the choices as a numbered list', async () => {
    const session = randomUUID();
    await send(session, { text: 'ca đêm không có nước uống' });
    await send(session, { text: 'tạm biệt' });
    expect(await check(session)).toHaveLength(1);
    await send(session, { text: '2' });
    expect((await outbound(session)).at(-1)?.text).toContain('rất tiếc vì chưa giúp được bạn');
    expect(await moodRows(session)).toEqual([{ topic: 'safety', sentiment: 'negative', messages: 2, weight: 5 }]);
    // "Góp ý thêm": the next message is taken as feedback (a góp ý, weight 2).
    await send(session, { postback: { payload: 'route:feedback', title: 'Góp ý thêm' } });
    expect((await outbound(session)).at(-1)?.text).toContain('kể sự việc');
  });

  it('asks once when an officer closes a hand-off, and counts the answer', async () => {
    const session = randomUUID();
    await send(session, { text: 'công ty nợ lương hai tháng rồi' });
    await send(session, { text: 'cho tôi gặp cán bộ công đoàn' });
    const conversation = await conversationOf(t.database.db, 'web', session);
    expect(conversation?.state).toBe('waiting_officer');
    const act = (path: string, body?: unknown) =>
      fetch(`${t.baseUrl}/api/admin/conversations/${conversation?.id}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await act('claim')).status).toBe(200);
    expect((await act('close', { resolution: 'resolved' })).status).toBe(200);
    const before = (await outbound(session)).length;
    await waitForOutbound(t.database.db, 'web', session, before);
    const [offered] = await check(session);
    expect(offered?.type === 'choices' && offered.text).toContain('Cán bộ công đoàn đã khép lại cuộc trao đổi này');
    expect(offered?.type === 'choices' && offered.choices[4]?.payload).toBe('mood:5:wage_arrears');
    // Closing again (a retried request) does not ask twice.
    expect((await act('close', { resolution: 'resolved' })).status).toBe(200);
    expect(await check(session)).toHaveLength(1);

    await send(session, { postback: { payload: 'mood:5:wage_arrears', title: 'Rất tốt' } });
    const rows = await moodRows(session);
    expect(rows.find((row) => row.sentiment === 'positive')).toEqual({ topic: 'wage_arrears', sentiment: 'positive', messages: 1, weight: 3 });
  });

  it('rebuilds the rollups from the stored messages with the same weights', async () => {
    const incremental = await t.platform.mood.snapshot();
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    expect(await t.platform.mood.snapshot()).toEqual(incremental);
  });
});
