import { eq } from 'drizzle-orm';
import { units, users } from '../../bots/storage/schema/index.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { adminApi, handOffWebMember, INBOX_SCRIPT } from '../support/inbox-fixtures.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';
import { waitForOutbound } from '../channels/support/channel-e2e.js';

const TG = { token: '7000003:AAE-officer-notices', secret: 'officer_secret' };
const classifier = createScriptedClassifier(INBOX_SCRIPT);

describe.each(testBackends())("officers' notices on their own Telegram on $name", (backend) => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;
  let api: ReturnType<typeof adminApi>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: { TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: telegram.url, PUBLIC_BASE_URL: 'https://congdoan.example' },
    });
    Object.assign(tokens, await createAccounts(t, [['a1@x.vn', 'A1', 'officer']]));
    api = adminApi(t, tokens);
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  const sendTelegram = (chatId: number, text: string) => telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(chatId, text), TG.secret);
  const sentTo = (chatId: number) => telegram.sent.filter((call) => call.method === 'sendMessage' && String(call.params.chat_id) === String(chatId)).map((call) => String(call.params.text));

  it('links with a one-time code and announces an assigned conversation with its unit and a link, never the member\'s words', async () => {
    expect((await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'sms' })).status).toBe(422);
    const created = await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'telegram' });
    expect(created.status).toBe(201);
    const code = String(created.body.code);
    expect(code).toMatch(/^\d{8}$/);
    expect(String(created.body.instructions)).toContain(`/canbo ${code}`);

    // A wrong code first, then the right one from the officer's own Telegram account.
    await sendTelegram(7001, '/canbo 12345678');
    expect((await waitForOutbound(t.database.db, 'telegram', '7001', 1)).at(-1)?.text).toContain('không đúng');
    await sendTelegram(7001, `/canbo ${code}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7001', 2)).at(-1)?.text).toContain('Đã liên kết tài khoản này với cán bộ a1@x.vn');
    expect((await api('a1@x.vn', 'GET', '/me/notify-link')).body).toMatchObject({ links: [{ channel: 'telegram' }], available: ['telegram'] });
    // A code works once.
    await sendTelegram(7002, `/canbo ${code}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7002', 1)).at(-1)?.text).toContain('không đúng');

    // Auto-assignment gives the officer a hand-off: a short notice arrives on Telegram.
    await t.database.db.update(units).set({ autoAssign: true }).where(eq(units.code, 'A1'));
    await t.database.db.update(users).set({ availability: 'available' }).where(eq(users.email, 'a1@x.vn'));
    const before = sentTo(7001).length;
    const { conversationId } = await handOffWebMember(t, 'A1', ['công ty nợ lương ba tháng']);
    const notice = await waitUntil(async () => sentTo(7001).slice(before).find((text) => text.includes(conversationId)), 20_000, 'the notice');
    expect(notice).toContain('Bạn vừa được giao một cuộc trò chuyện của CĐCS A');
    expect(notice).toContain(`https://congdoan.example/admin/inbox/${conversationId}`);
    expect(notice).not.toContain('nợ lương');

    expect((await api('a1@x.vn', 'DELETE', '/me/notify-link/telegram')).status).toBe(204);
    expect((await api('a1@x.vn', 'GET', '/me/notify-link')).body).toEqual({ links: [], available: ['telegram'] });
  });

  it('refuses a channel the deployment has not switched on, and keeps only the latest code alive', async () => {
    const zalo = await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'zalo' });
    expect(zalo.status).toBe(404);
    expect(zalo.body).toMatchObject({ error: { code: 'CHANNEL_NOT_CONFIGURED' } });
    const first = String((await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'telegram' })).body.code);
    const second = String((await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'telegram' })).body.code);
    await sendTelegram(7101, `/canbo ${first}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7101', 1)).at(-1)?.text).toContain('không đúng');
    await sendTelegram(7101, `/canbo ${second}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7101', 2)).at(-1)?.text).toContain('Đã liên kết tài khoản này');
    expect((await api('a1@x.vn', 'DELETE', '/me/notify-link/telegram')).status).toBe(204);
  });

  it('stops a guesser: after 5 wrong codes in an hour even the right code is refused from that account', async () => {
    for (let i = 0; i < 5; i++) {
      await sendTelegram(7201, `/canbo 1000000${i}`);
      expect((await waitForOutbound(t.database.db, 'telegram', '7201', i + 1)).at(-1)?.text).toContain('không đúng');
    }
    const code = String((await api('a1@x.vn', 'POST', '/me/notify-link', { channel: 'telegram' })).body.code);
    await sendTelegram(7201, `/canbo ${code}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7201', 6)).at(-1)?.text).toContain('sai mã cán bộ quá nhiều lần');
    expect((await api('a1@x.vn', 'GET', '/me/notify-link')).body).toMatchObject({ links: [] });
    // Another account is not blocked by the guesser's failures; the code still works there.
    await sendTelegram(7202, `/canbo ${code}`);
    expect((await waitForOutbound(t.database.db, 'telegram', '7202', 1)).at(-1)?.text).toContain('Đã liên kết tài khoản này');
    expect((await api('a1@x.vn', 'GET', '/me/notify-link')).body).toMatchObject({ links: [{ channel: 'telegram' }] });
  });
});
