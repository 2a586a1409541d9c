import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conversations } from '../../bots/storage/schema/index.js';
import { FakeMessengerServer } from '../fakes/fake-messenger-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { ageLastInbound, conversationOf, memberOf, messageById, messagesOf, queueOutbound, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';

const META = { appSecret: 'meta-app-secret', pageAccessToken: 'EAAG-page-token', pageId: '105301234567890', appId: '9007199254740993' };
const QUESTIONS = ['thai sản được nghỉ mấy tháng', 'bảo hiểm xã hội một lần', 'đóng đoàn phí bao nhiêu', 'bị sa thải không báo trước'];
const classifier = createScriptedClassifier(Object.fromEntries(QUESTIONS.map((q) => [q, { route: 'question' as const, topic: 'maternity' as const }])));
const newPsid = () => `2402${randomInt(10 ** 11, 10 ** 12)}`;

describe.each(testBackends())('Messenger end to end on $name', (backend) => {
  let t: TestPlatform;
  let meta: FakeMessengerServer;
  let webhook: string;

  beforeAll(async () => {
    meta = await FakeMessengerServer.start(META);
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: {
        MESSENGER_APP_SECRET: META.appSecret,
        MESSENGER_VERIFY_TOKEN: 'verify-me-123',
        MESSENGER_PAGE_ACCESS_TOKEN: META.pageAccessToken,
        MESSENGER_APP_ID: META.appId,
        MESSENGER_API_BASE_URL: meta.url,
        OUTBOUND_MAX_ATTEMPTS: '3',
      },
    });
    await seedUnits(t.database.db);
    webhook = `${t.baseUrl}/webhooks/messenger`;
    // Meta echoes every message the Page sends (message_echoes subscription).
    meta.setEchoTarget(webhook);
  });
  afterAll(async () => {
    await t?.close();
    await meta?.close();
  });

  it('answers the subscription handshake and refuses a wrong verify token', async () => {
    const good = await fetch(`${webhook}?hub.mode=subscribe&hub.verify_token=verify-me-123&hub.challenge=1158201444`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    const bad = await fetch(`${webhook}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
    expect(bad.status).toBe(403);
  });

  it('answers every message of a batched delivery inside the 24 h window, and ignores its own echoes', async () => {
    const [a, b] = [newPsid(), newPsid()];
    const ack = await meta.deliver(webhook, meta.envelope([meta.text(a, QUESTIONS[0] as string), meta.text(b, QUESTIONS[1] as string)]));
    expect(ack.status).toBe(200);
    const [replyA] = await waitForOutbound(t.database.db, 'messenger', a, 1);
    const [replyB] = await waitForOutbound(t.database.db, 'messenger', b, 1);
    expect(replyA).toMatchObject({ status: 'sent', text: `Trả lời: ${QUESTIONS[0]}` });
    expect(replyB).toMatchObject({ status: 'sent', text: `Trả lời: ${QUESTIONS[1]}` });
    const sent = meta.sent.find((s) => (s.body.recipient as { id: string }).id === a);
    expect(sent?.body).toMatchObject({ messaging_type: 'RESPONSE', message: { text: `Trả lời: ${QUESTIONS[0]}`, metadata: `cd:${replyA?.id}:0` } });
    expect(meta.callsTo('/messages')[0]?.path).toBe('/v25.0/me/messages');
    // Meta echoed both sends back to us: they are ours, the conversation stays with the bot.
    const echoed = [replyA?.platformMessageId, replyB?.platformMessageId];
    await waitUntil(async () => echoed.every((mid) => meta.echoesAcknowledged.some((echo) => echo.messageId === mid && echo.status === 200)), 30_000, 'both echoes answered');
    expect((await conversationOf(t.database.db, 'messenger', a))?.state).toBe('bot');
    expect((await messagesOf(t.database.db, 'messenger', a)).filter((m) => m.author === 'officer')).toHaveLength(0);
  });

  it('stores and answers a redelivered batch once', async () => {
    const psid = newPsid();
    const body = meta.envelope([meta.text(psid, QUESTIONS[2] as string)]);
    await Promise.all([meta.deliver(webhook, body), meta.deliver(webhook, body), meta.deliver(webhook, body)]);
    await waitForOutbound(t.database.db, 'messenger', psid, 1);
    await waitForIdle(t.database.db);
    const seen = await expectStable(async () => {
      const rows = await messagesOf(t.database.db, 'messenger', psid);
      return {
        inbound: rows.filter((m) => m.direction === 'in').length,
        outbound: rows.filter((m) => m.direction === 'out').length,
        sent: meta.sent.filter((s) => (s.body.recipient as { id: string }).id === psid).length,
      };
    }, 'stored and sent messages');
    expect(seen).toEqual({ inbound: 1, outbound: 1, sent: 1 });
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const psid = newPsid();
    const body = meta.envelope([meta.text(psid, 'giả mạo')]);
    expect((await meta.deliver(webhook, body, { tamper: true })).status).toBe(401);
    const unsigned = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    expect(await conversationOf(t.database.db, 'messenger', psid)).toBeNull();
  });

  it('rejects a malformed but signed body with 400', async () => {
    expect((await meta.deliver(webhook, {}, { rawOverride: '{"object":"page","entry":"nope"}' })).status).toBe(400);
  });

  it('retries temporary Graph errors, then marks the reply failed; a blocked person fails at once', async () => {
    const psid = newPsid();
    meta.failSends(3, 500, 2, undefined, 'An unexpected error has occurred. Please retry your request later.');
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[3] as string)]));
    const [failed] = await waitForOutbound(t.database.db, 'messenger', psid, 1);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringMatching(/^PLATFORM_UNAVAILABLE: gave up after 3 attempts: Graph error 2/) });

    const blocked = newPsid();
    meta.failSends(1, 400, 551, undefined, 'This person isn\'t available right now.');
    await meta.deliver(webhook, meta.envelope([meta.text(blocked, QUESTIONS[3] as string)]));
    const [refused] = await waitForOutbound(t.database.db, 'messenger', blocked, 1);
    expect(refused).toMatchObject({ status: 'failed', attempts: 0, lastError: expect.stringMatching(/^USER_BLOCKED: Graph error 551/) });
  });

  it('puts the conversation in officer mode when staff reply in the Page inbox', async () => {
    const psid = newPsid();
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[0] as string)]));
    await waitForOutbound(t.database.db, 'messenger', psid, 1);
    const echo = meta.officerEcho(psid, 'Chào bạn, mình là cán bộ công đoàn phụ trách.');
    expect((await meta.deliver(webhook, meta.envelope([echo]))).status).toBe(200);
    await meta.deliver(webhook, meta.envelope([echo]));
    expect((await conversationOf(t.database.db, 'messenger', psid))?.state).toBe('officer');
    const officer = (await messagesOf(t.database.db, 'messenger', psid)).filter((m) => m.author === 'officer');
    expect(officer).toHaveLength(1);
    expect(officer[0]?.text).toBe('Chào bạn, mình là cán bộ công đoàn phụ trách.');

    const before = meta.sent.length;
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[1] as string)]));
    await waitUntil(async () => (await messagesOf(t.database.db, 'messenger', psid)).some((m) => m.direction === 'in' && m.status === 'forwarded'), 20_000, 'forwarded');
    expect(meta.sent.length).toBe(before);
    // The hold lasts PAGE_ECHO_TAKEOVER_MINUTES (default 30) from the staff reply, not forever.
    const held = await conversationOf(t.database.db, 'messenger', psid);
    expect(held?.echoTakeoverUntil?.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('gives the conversation back to the bot once the Page inbox hold has ended', async () => {
    const psid = newPsid();
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[0] as string)]));
    await waitForOutbound(t.database.db, 'messenger', psid, 1);
    await meta.deliver(webhook, meta.envelope([meta.officerEcho(psid, 'Cán bộ trả lời trong hộp thư của Trang.')]));
    const conversation = await conversationOf(t.database.db, 'messenger', psid);
    expect(conversation?.state).toBe('officer');
    // The hold's end, as if 30 minutes had passed.
    await t.database.db.update(conversations).set({ echoTakeoverUntil: new Date(Date.now() - 1000) }).where(eq(conversations.id, conversation?.id as string));
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[2] as string)]));
    const replies = await waitUntil(async () => {
      const rows = (await messagesOf(t.database.db, 'messenger', psid)).filter((m) => m.direction === 'out' && m.author === 'bot' && m.status === 'sent');
      return rows.length >= 2 ? rows : null;
    }, 20_000, 'the bot answering again');
    expect(replies[1]?.text).toBe(`Trả lời: ${QUESTIONS[2]}`);
    expect(await conversationOf(t.database.db, 'messenger', psid)).toMatchObject({ state: 'bot', echoTakeoverUntil: null });
  });

  it('joins the union of an m.me ?ref=CODE link and greets the member', async () => {
    const psid = newPsid();
    const getStarted = { sender: { id: psid }, recipient: { id: META.pageId }, timestamp: Date.now(), postback: { mid: meta.nextMid(), title: 'Bắt đầu', payload: 'GET_STARTED', referral: { ref: 'CDCS002', source: 'SHORTLINK', type: 'OPEN_THREAD' } } };
    await meta.deliver(webhook, meta.envelope([getStarted]));
    const [welcome] = await waitForOutbound(t.database.db, 'messenger', psid, 1);
    expect(welcome?.text).toContain('Công đoàn cơ sở Công ty Điện tử Hà Nội');
    expect((await memberOf(t.database.db, 'messenger', psid))?.unitId).not.toBeNull();
  });

  it('holds a bot reply after 24 h, sends an officer reply with HUMAN_AGENT up to 7 days, holds it after', async () => {
    const psid = newPsid();
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[2] as string)]));
    await waitForOutbound(t.database.db, 'messenger', psid, 1);
    const conversation = (await conversationOf(t.database.db, 'messenger', psid)) as { id: string };
    await ageLastInbound(t.database.db, conversation.id, 2 * 24 * 3_600_000);
    const botLate = await queueOutbound(t, conversation.id, 'bot', 'Bạn còn câu hỏi nào không?');
    const officerLate = await queueOutbound(t, conversation.id, 'officer', 'Cán bộ công đoàn trả lời bạn đây.');
    await waitUntil(async () => (await messageById(t.database.db, officerLate))?.status === 'sent', 20_000, 'officer reply');
    expect(await messageById(t.database.db, botLate)).toMatchObject({ status: 'held', lastError: expect.stringMatching(/^WINDOW_CLOSED: more than 24 h/) });
    const tagged = meta.sent.find((s) => (s.body.message as { text?: string }).text === 'Cán bộ công đoàn trả lời bạn đây.');
    expect(tagged?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

    await ageLastInbound(t.database.db, conversation.id, 6 * 24 * 3_600_000);
    const tooLate = await queueOutbound(t, conversation.id, 'officer', 'Bạn ơi?');
    await waitUntil(async () => (await messageById(t.database.db, tooLate))?.status === 'held', 20_000, 'held after 7 days');
  });

  it('stamps read receipts on what was sent up to the watermark', async () => {
    const psid = newPsid();
    await meta.deliver(webhook, meta.envelope([meta.text(psid, QUESTIONS[0] as string)]));
    const [reply] = await waitForOutbound(t.database.db, 'messenger', psid, 1);
    await meta.deliver(webhook, meta.envelope([{ sender: { id: psid }, recipient: { id: META.pageId }, timestamp: Date.now(), read: { watermark: Date.now() + 1000 } }]));
    expect((await messageById(t.database.db, reply?.id as string))?.meta).toMatchObject({ readAt: expect.any(String) });
  });
});
