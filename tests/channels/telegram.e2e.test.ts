import { randomInt } from 'node:crypto';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, memberOf, messagesOf, seedUnits, waitForOutbound, waitUntil } from './support/channel-e2e.js';

const TOKEN = '7000001:AAE-fake-token';
const SECRET = 'tg-webhook_secret-42';
const QUESTIONS = ['làm thêm giờ tính lương thế nào', 'nghỉ ốm có được trả lương không', 'hợp đồng xác định thời hạn'];
// Answered by the echo knowledge as "Trả lời: <text>": far over Telegram's 4,096 characters.
const LONG_QUESTION = `${QUESTIONS[0]} ${'Người lao động làm thêm giờ được trả lương ít nhất bằng 150% vào ngày thường. '.repeat(120)}`.trim();
const classifier = createScriptedClassifier(Object.fromEntries([...QUESTIONS, LONG_QUESTION].map((q) => [q, { route: 'question' as const, topic: 'working_time' as const }])));
const newUser = () => randomInt(1_000_000_000, 6_000_000_000);

describe.each(testBackends())('Telegram end to end on $name', (backend) => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;
  let webhook: string;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: TOKEN });
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.url, OUTBOUND_MAX_ATTEMPTS: '3' },
    });
    await seedUnits(t.database.db);
    webhook = `${t.baseUrl}/webhooks/telegram`;
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  const sentTo = (chat: number) => telegram.sentMessages().filter((s) => Number(s.params.chat_id) === chat);

  it('answers a message posted with the secret token through grammY to the Bot API', async () => {
    const user = newUser();
    expect((await telegram.deliver(webhook, telegram.textUpdate(user, QUESTIONS[0] as string), SECRET)).status).toBe(200);
    const [reply] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(reply).toMatchObject({ status: 'sent', author: 'bot', text: `Trả lời: ${QUESTIONS[0]}` });
    expect(sentTo(user)).toEqual([expect.objectContaining({ method: 'sendMessage', params: expect.objectContaining({ text: `Trả lời: ${QUESTIONS[0]}` }) })]);
    expect(reply?.platformMessageId).toBe(`${user}-${sentTo(user)[0]?.messageId}`);
  });

  it('stores and answers a redelivered update once', async () => {
    const user = newUser();
    const update = telegram.textUpdate(user, QUESTIONS[1] as string);
    await Promise.all([telegram.deliver(webhook, update, SECRET), telegram.deliver(webhook, update, SECRET)]);
    await telegram.deliver(webhook, update, SECRET);
    await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    await waitForIdle(t.database.db);
    const seen = await expectStable(async () => ({
      inbound: (await messagesOf(t.database.db, 'telegram', String(user))).filter((m) => m.direction === 'in').length,
      sent: sentTo(user).length,
    }), 'stored and sent messages');
    expect(seen).toEqual({ inbound: 1, sent: 1 });
  });

  it('mounts only the configured channels (no Zalo, Messenger or Bot Framework route here)', async () => {
    for (const path of ['/webhooks/zalo', '/webhooks/messenger', '/api/messages']) {
      expect((await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
    }
    const ready = (await (await fetch(`${t.baseUrl}/readyz`)).json()) as { checks: { name: string; ok: boolean; optional: boolean }[] };
    expect(ready.checks.find((c) => c.name === 'channel:telegram')).toMatchObject({ optional: true });
  });

  it('refuses a wrong or missing secret token with 401 and stores nothing', async () => {
    const user = newUser();
    expect((await telegram.deliver(webhook, telegram.textUpdate(user, 'x'), 'tg-webhook_secret-43')).status).toBe(401);
    const bare = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(telegram.textUpdate(user, 'x')) });
    expect(bare.status).toBe(401);
    expect(await conversationOf(t.database.db, 'telegram', String(user))).toBeNull();
  });

  it('retries Bot API outages, then marks the reply failed; a member who blocked the bot fails at once', async () => {
    const user = newUser();
    telegram.failMethod('sendMessage', 3, 502, 'Bad Gateway');
    await telegram.deliver(webhook, telegram.textUpdate(user, QUESTIONS[2] as string), SECRET);
    const [failed] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringMatching(/^PLATFORM_UNAVAILABLE: gave up after 3 attempts: Telegram 502/) });

    const blocked = newUser();
    telegram.failMethod('sendMessage', 1, 403, 'Forbidden: bot was blocked by the user');
    await telegram.deliver(webhook, telegram.textUpdate(blocked, QUESTIONS[2] as string), SECRET);
    const [refused] = await waitForOutbound(t.database.db, 'telegram', String(blocked), 1);
    expect(refused).toMatchObject({ status: 'failed', attempts: 0, lastError: expect.stringMatching(/^USER_BLOCKED/) });
  });

  it('waits out a short flood limit (429 retry_after) with auto-retry and sends once', async () => {
    const user = newUser();
    const callsBefore = telegram.callsTo('/sendMessage').length;
    telegram.failMethod('sendMessage', 1, 429, 'Too Many Requests: retry after 1', 1);
    await telegram.deliver(webhook, telegram.textUpdate(user, QUESTIONS[0] as string), SECRET);
    const [reply] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(reply).toMatchObject({ status: 'sent', attempts: 0 });
    expect(telegram.callsTo('/sendMessage').length - callsBefore).toBe(2);
    expect(sentTo(user)).toHaveLength(1);
  });

  it('attaches the member to the union of a /start CODE deep link and greets them', async () => {
    const user = newUser();
    await telegram.deliver(webhook, telegram.textUpdate(user, '/start CDCS001'), SECRET);
    const [welcome] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(welcome?.text).toContain('Chào bạn!');
    expect(welcome?.text).toContain('Công đoàn cơ sở Công ty May Thăng Long');
    expect((await memberOf(t.database.db, 'telegram', String(user)))?.unitId).not.toBeNull();

    const unknown = newUser();
    await telegram.deliver(webhook, telegram.textUpdate(unknown, '/start KHONGCO99'), SECRET);
    const [notFound] = await waitForOutbound(t.database.db, 'telegram', String(unknown), 1);
    expect(notFound?.text).toContain('Mã công đoàn KHONGCO99 trong đường liên kết bạn vừa mở không đúng');
    expect((await memberOf(t.database.db, 'telegram', String(unknown)))?.unitId).toBeNull();
  });

  it('offers choices as an inline keyboard and acts on the button press (answering the callback)', async () => {
    const user = newUser();
    await telegram.deliver(webhook, telegram.textUpdate(user, 'ờm cái đó á'), SECRET);
    const [clarify] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(clarify?.text).toContain('Mình chưa chắc đã hiểu đúng ý bạn');
    const keyboard = sentTo(user)[0]?.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    expect(keyboard.inline_keyboard.flat().map((b) => b.callback_data)).toEqual(['route:question', 'route:feedback', 'handoff:accept']);

    await telegram.deliver(webhook, telegram.callbackUpdate(user, 'handoff:accept', 'cbq-777'), SECRET);
    const replies = await waitForOutbound(t.database.db, 'telegram', String(user), 2);
    expect(replies[1]?.text).toContain('Mình đã chuyển cuộc trò chuyện tới cán bộ công đoàn');
    expect((await conversationOf(t.database.db, 'telegram', String(user)))?.state).toBe('waiting_officer');
    await waitUntil(async () => telegram.sent.some((s) => s.method === 'answerCallbackQuery' && s.params.callback_query_id === 'cbq-777'), 10_000, 'answerCallbackQuery');
  });

  it('splits a long answer into parts sent in order to one chat, paced by the rate limiter', async () => {
    const user = newUser();
    await telegram.deliver(webhook, telegram.textUpdate(user, LONG_QUESTION), SECRET);
    const [reply] = await waitForOutbound(t.database.db, 'telegram', String(user), 1);
    expect(reply?.status).toBe('sent');
    const parts = sentTo(user).map((s) => String(s.params.text));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(`Trả lời: ${LONG_QUESTION}`.replace(/\s+/g, ' '));
    expect((reply?.meta as { platformMessageIds?: string[] }).platformMessageIds).toHaveLength(parts.length);
  });
});
