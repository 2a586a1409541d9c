import { randomInt, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { isSafeText } from '../../core/text/safe-text.js';
import { FakeMessengerServer } from '../fakes/fake-messenger-server.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { createAccounts } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { messagesOf, waitUntil } from '../channels/support/channel-e2e.js';

/**
 * Issue #13: input anyone can send never reaches a 5xx. Poison text (NUL, lone surrogates) is cleaned at the
 * edge and stored once through every channel's real webhook path; malformed escapes, bodies and timestamps are
 * the client's error (4xx with the standard shape).
 */
const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const META = { appSecret: 'meta-app-secret', pageAccessToken: 'EAAG-page-token', pageId: '105301234567890', appId: '9007199254740993' };
const JWT_SECRET = 'a-test-signing-secret-of-more-than-32-characters';
const TG = { token: '123456:TEST-token', secret: 'tg-webhook_secret-42' };
const POISON = ['lương\u0000 tháng này', 'nợ lương \ud800 ba tháng', '\udc00\u0000\u0007'];
const classifier = createScriptedClassifier({});

async function expectStandardError(response: Response, status: number | number[]) {
  expect([status].flat()).toContain(response.status);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
}

describe.each(testBackends())('hostile input on $name', (backend) => {
  let t: TestPlatform;
  let zalo: FakeZaloServer;
  let meta: FakeMessengerServer;
  let telegram: FakeTelegramServer;
  let token: string;

  beforeAll(async () => {
    zalo = await FakeZaloServer.start(ZALO);
    meta = await FakeMessengerServer.start(META);
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: createEchoKnowledge(),
      env: {
        ...zalo.platformEnv(),
        MESSENGER_APP_SECRET: META.appSecret, MESSENGER_VERIFY_TOKEN: 'verify-me-123', MESSENGER_PAGE_ACCESS_TOKEN: META.pageAccessToken,
        MESSENGER_APP_ID: META.appId, MESSENGER_API_BASE_URL: meta.url,
        JWT_SECRET,
        TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: telegram.url,
      },
    });
    token = (await createAccounts(t, [['admin@tld.vn', 'TLD', 'admin']]))['admin@tld.vn'] as string;
    // Three fake platforms and an embedded platform start cold: over 60 s once in CI on a loaded 2-core machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await zalo?.close();
    await meta?.close();
    await telegram?.close();
  });

  async function storedInbound(channel: 'web' | 'zalo' | 'messenger' | 'telegram', thread: string) {
    return waitUntil(async () => {
      const rows = (await messagesOf(t.database.db, channel, thread)).filter((m) => m.direction === 'in');
      return rows.length > 0 ? rows : null;
    }, 20_000, `the ${channel} message stored`);
  }

  it.each(POISON.map((text, i) => [i, text]))('web chat stores poison text #%s cleaned, once, and answers a redelivery 202', async (_i, text) => {
    const sessionId = randomUUID();
    const body = JSON.stringify({ sessionId, clientMessageId: randomUUID(), text, displayName: 'An\u0000\ud800' });
    const post = () => fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const first = await post();
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ status: 'accepted' });
    const again = await post();
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const rows = await storedInbound('web', sessionId);
    expect(rows).toHaveLength(1);
    expect(isSafeText(rows[0]?.text ?? '')).toBe(true);
  });

  it('Zalo stores a validly signed poison message once, redelivery included', async () => {
    const user = `61424948${randomInt(10 ** 10, 10 ** 11)}`;
    const event = zalo.userText(user, POISON[1] as string);
    expect((await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, event)).status).toBe(200);
    expect((await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, event)).status).toBe(200);
    const rows = await storedInbound('zalo', user);
    expect(rows.map((r) => r.text)).toEqual(['nợ lương \ufffd ba tháng']);
  });

  it('Messenger stores a validly signed poison message once, ids and text cleaned', async () => {
    const psid = `2402${randomInt(10 ** 11, 10 ** 12)}`;
    const body = meta.envelope([meta.text(psid, POISON[0] as string, `m_\u0000${randomUUID()}`)]);
    expect((await meta.deliver(`${t.baseUrl}/webhooks/messenger`, body)).status).toBe(200);
    expect((await meta.deliver(`${t.baseUrl}/webhooks/messenger`, body)).status).toBe(200);
    const rows = await storedInbound('messenger', psid);
    expect(rows.map((r) => r.text)).toEqual(['lương tháng này']);
    expect(rows[0]?.platformMessageId).not.toContain('\u0000');
  });

  it('Telegram stores a poison message with a poison name once', async () => {
    const user = randomInt(10 ** 8, 10 ** 9);
    const update = telegram.textUpdate(user, POISON[2] as string, { firstName: 'Bình\ud800\u0000' });
    expect((await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, update, TG.secret)).status).toBe(200);
    expect((await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, update, TG.secret)).status).toBe(200);
    const rows = await storedInbound('telegram', String(user));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toBe('\ufffd');
  });

  it('Zalo refuses validly signed junk timestamps with 401 and stores nothing', async () => {
    for (const timestamp of ['1e30', '0', '-1', 'abc']) {
      const user = `61424948${randomInt(10 ** 10, 10 ** 11)}`;
      const event = { ...zalo.userText(user, 'xin chào'), timestamp };
      const response = await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, event);
      expect(response.status).toBe(401);
      expect(await messagesOf(t.database.db, 'zalo', user)).toEqual([]);
    }
  });

  it('answers a malformed % in a route parameter or the session cookie with 400/401, logged in or not', async () => {
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      await expectStandardError(await fetch(`${t.baseUrl}/api/admin/faq/%E0%A4%A`, { headers }), [400, 401]);
      await expectStandardError(await fetch(`${t.baseUrl}/api/admin/members/%E0%A4%A/export`, { headers }), [400, 401]);
    }
    await expectStandardError(await fetch(`${t.baseUrl}/api/admin/faq/%E0%A4%A`, { headers: { authorization: `Bearer ${token}` } }), 400);
    await expectStandardError(await fetch(`${t.baseUrl}/api/admin/me`, { headers: { cookie: 'cd_session=%E0%A4%A' } }), 401);
    await expectStandardError(await fetch(`${t.baseUrl}/api/webchat/%E0%A4%A`), [400, 404]);
  });

  it('answers corrupt compressed bodies and wrong content types with 4xx', async () => {
    const json = { 'content-type': 'application/json' };
    for (const encoding of ['gzip', 'deflate', 'br']) {
      await expectStandardError(
        await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { ...json, 'content-encoding': encoding }, body: 'not compressed at all' }),
        [400, 415],
      );
    }
    const truncated = gzipSync(JSON.stringify({ email: 'a@b.vn', password: 'x' })).subarray(0, 12);
    await expectStandardError(await fetch(`${t.baseUrl}/api/admin/login`, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: truncated }), [400, 415]);
    const faqAsText = await fetch(`${t.baseUrl}/api/admin/faq`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{"question":"x"}' });
    expect(faqAsText.status).toBeGreaterThanOrEqual(400);
    expect(faqAsText.status).toBeLessThan(500);
  });

  it('refuses tokens signed with the server secret but without exp, or for no user', async () => {
    const secret = new TextEncoder().encode(JWT_SECRET);
    const forge = async (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('congdoan-assistant').setIssuedAt()).sign(secret);
    const me = (bearer: string) => fetch(`${t.baseUrl}/api/admin/me`, { headers: { authorization: `Bearer ${bearer}` } });
    const valid = await me(token);
    expect(valid.status).toBe(200);
    const user = (await valid.json()) as { id: string };
    await expectStandardError(await me(await forge((jwt) => jwt.setSubject(user.id))), 401);
    await expectStandardError(await me(await forge((jwt) => jwt.setSubject('not-a-uuid').setExpirationTime('1h'))), 401);
    await expectStandardError(await me(await forge((jwt) => jwt.setSubject(randomUUID()).setExpirationTime('1h'))), 401);
  });
});
