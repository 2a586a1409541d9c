import { randomInt, randomUUID } from 'node:crypto';
import { FLOOD_NOTICE_VI } from '../../bots/ingest/flood-guard.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';
import { messagesOf } from '../channels/support/channel-e2e.js';

const TG = { token: '123456:TEST-token', secret: 'tg-webhook_secret-42' };

/**
 * Issue #13: one sender cannot flood the platform. Beyond FLOOD_MAX_MESSAGES per window (counted in Redis on
 * the real pair, so every process shares one budget), messages are acknowledged but not stored, and the member
 * gets one kind Vietnamese notice per window; other senders are not affected.
 */
describe.each(testBackends())('flood limits on $name', (backend) => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: TG.token });
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({}),
      knowledge: createEchoKnowledge(),
      // An hour-long window: the test never straddles two windows in practice.
      env: { FLOOD_MAX_MESSAGES: '5', FLOOD_WINDOW_MS: '3600000', TELEGRAM_BOT_TOKEN: TG.token, TELEGRAM_WEBHOOK_SECRET: TG.secret, TELEGRAM_API_ROOT: telegram.url },
    });
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  const post = (sessionId: string, i: number) =>
    fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: `tin số ${i}` }) });

  it('web chat: a session past its limit gets 429 with kind Vietnamese words, once a notice in the chat, others go on', async () => {
    const flooder = randomUUID();
    const statuses: number[] = [];
    let refusal: Response | null = null;
    for (let i = 0; i < 9; i++) {
      const response = await post(flooder, i);
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
      else await response.body?.cancel();
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429, 429]);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refusal?.json()).toEqual({ error: { code: 'RATE_LIMITED', message: FLOOD_NOTICE_VI } });
    expect((await post(randomUUID(), 0)).status).toBe(202);

    await waitUntil(async () => (await messagesOf(t.database.db, 'web', flooder)).filter((m) => m.direction === 'out' && m.status === 'sent').length >= 6, 30_000, 'five answers and the notice');
    await waitForIdle(t.database.db);
    const rows = await expectStable(() => messagesOf(t.database.db, 'web', flooder), 'the conversation');
    expect(rows.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual([0, 1, 2, 3, 4].map((i) => `tin số ${i}`));
    expect(rows.filter((m) => m.text === FLOOD_NOTICE_VI)).toHaveLength(1);
  });

  it('platform users: acknowledged 200 (no redelivery loop), stored up to the limit, one notice sent', async () => {
    const user = randomInt(10 ** 8, 10 ** 9);
    for (let i = 0; i < 8; i++) {
      expect((await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(user, `tin số ${i}`), TG.secret)).status).toBe(200);
    }
    const notices = () => telegram.sentMessages().filter((call) => String(call.params.chat_id) === String(user) && call.params.text === FLOOD_NOTICE_VI);
    await waitUntil(async () => notices().length === 1, 30_000, `the notice on Telegram; sent: ${JSON.stringify(telegram.sentMessages().map((c) => c.params).slice(-3))}`);
    await waitForIdle(t.database.db);
    const inbound = await expectStable(async () => (await messagesOf(t.database.db, 'telegram', String(user))).filter((m) => m.direction === 'in').length, 'stored messages');
    expect(inbound).toBe(5);
    expect(notices()).toHaveLength(1);
  });
});
