import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createBotFrameworkModule } from '../../bots/channels/botframework/module.js';
import { createChannelModules } from '../../bots/channels/create-channel-modules.js';
import { loadKnowledge } from '../../bots/knowledge/load-knowledge.js';
import { DEFAULT_LAW_CORPUS, seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { loadClassifier } from '../../bots/nlu/load-classifier.js';
import { fromProjectRoot } from '../../bots/project-root.js';
import { parseEnv } from '../../core/config/env-schema.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import { silentLogger } from '../../core/ports/logger.js';
import { FakeMessengerServer } from '../fakes/fake-messenger-server.js';
import { FakePlatformServer } from '../fakes/fake-platform-server.js';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testBackends } from '../support/backends.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { seedUnits, waitUntil } from './support/channel-e2e.js';

const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const META = { appSecret: 'meta-app-secret', pageAccessToken: 'EAAG-page-token', pageId: '105301234567890', appId: '9007199254740993' };
const TELEGRAM = { token: '7000001:AAE-fake-token', secret: 'tg-webhook_secret-42' };

/** What the law says (Nghị định 293/2025/NĐ-CP, Điều 3): the answer must carry the figure and its source. */
const FIGURE = '5.310.000';
const SOURCE = /293\/2025\/NĐ-CP/;

/**
 * Every channel with the real parts behind the webhook: the shipped NLU model and the knowledge service on
 * the imported law corpus and FAQ starter pack (no scripted classifier, no stub knowledge). A member asks a
 * real question on each channel; what the fake platform receives is what the member would read.
 */
describe.each(testBackends())('the real model and knowledge behind every channel on $name', (backend) => {
  let t: TestPlatform;
  let zalo: FakeZaloServer;
  let meta: FakeMessengerServer;
  let telegram: FakeTelegramServer;
  let connector: FakePlatformServer;
  let classifier: MessageClassifier;

  beforeAll(async () => {
    // The corpus is read from ../shared beside the project (never copied in); CI has it.
    expect(existsSync(fromProjectRoot(DEFAULT_LAW_CORPUS))).toBe(true);
    classifier = await loadClassifier(parseEnv({}), silentLogger);
    [zalo, meta, telegram] = await Promise.all([FakeZaloServer.start({ ...ZALO, echoTo: null }), FakeMessengerServer.start(META), FakeTelegramServer.start({ token: TELEGRAM.token })]);
    connector = await new FakePlatformServer((call) => ({ status: 200, json: { id: `act-${connector.calls.indexOf(call)}` } })).start();
    t = await startTestPlatform(backend, {
      classifier,
      knowledge: async ({ env, database, logger }) => {
        await seedKnowledgeIfEmpty({ env, database, logger });
        return loadKnowledge({ env, database, logger });
      },
      env: {
        ...zalo.platformEnv(),
        MESSENGER_APP_SECRET: META.appSecret,
        MESSENGER_VERIFY_TOKEN: 'verify-me-123',
        MESSENGER_PAGE_ACCESS_TOKEN: META.pageAccessToken,
        MESSENGER_APP_ID: META.appId,
        MESSENGER_API_BASE_URL: meta.url,
        TELEGRAM_BOT_TOKEN: TELEGRAM.token,
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM.secret,
        TELEGRAM_API_ROOT: telegram.url,
      },
      // Every configured channel from the registry, plus Bot Framework in botbuilder's offline emulator mode.
      channels: (deps) => [...createChannelModules(deps), createBotFrameworkModule({ config: { appId: '', appPassword: '', tenantId: null }, repositories: deps.repositories, clock: deps.clock })],
    });
    await seedUnits(t.database.db);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([zalo?.close(), meta?.close(), telegram?.close(), connector?.close()]);
  });

  /** Waits until the texts a platform received contain the answer, and returns them joined. */
  const received = (texts: () => string[], channel: string) =>
    waitUntil(async () => {
      const all = texts().join('\n');
      return all.includes(FIGURE) ? all : null;
    }, 60_000, `the answer on ${channel}`);

  it('answers on Zalo with the figure and its legal source', async () => {
    const user = `61424948${randomBytes(6).toString('hex').replace(/\D/g, '7').slice(0, 11)}`;
    expect((await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, zalo.userText(user, 'lương tối thiểu vùng 1 năm nay là bao nhiêu vậy ạ'))).status).toBe(200);
    expect(await received(() => zalo.sent.map((s) => String(s.message.text ?? '')), 'Zalo')).toMatch(SOURCE);
  });

  it('answers on Messenger with the figure and its legal source', async () => {
    const psid = `2402${randomInt(10 ** 11, 10 ** 12)}`;
    expect((await meta.deliver(`${t.baseUrl}/webhooks/messenger`, meta.envelope([meta.text(psid, 'cho em hỏi lương tối thiểu vùng 1 hiện nay bao nhiêu')]))).status).toBe(200);
    expect(await received(() => meta.sent.map((s) => String((s.body.message as { text?: string }).text ?? '')), 'Messenger')).toMatch(SOURCE);
  });

  it('answers on Telegram a question written without diacritics', async () => {
    const user = randomInt(1_000_000_000, 6_000_000_000);
    expect((await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(user, 'luong toi thieu vung 1 nam nay la bao nhieu'), TELEGRAM.secret)).status).toBe(200);
    expect(await received(() => telegram.sentMessages().map((s) => String(s.params.text ?? '')), 'Telegram')).toMatch(SOURCE);
  });

  it('answers on the web chat with the figure and its citation', async () => {
    const sessionId = randomUUID();
    const posted = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text: 'lương tối thiểu vùng 1 là bao nhiêu' }),
    });
    expect(posted.status).toBe(202);
    const answer = await waitUntil(async () => {
      const history = (await (await fetch(`${t.baseUrl}/api/webchat/history?sessionId=${sessionId}`)).json()) as { messages: { direction: string; text: string; citations?: { label: string }[] }[] };
      return history.messages.find((m) => m.direction === 'out' && m.text.includes(FIGURE)) ?? null;
    }, 60_000, 'the answer on the web chat');
    expect(answer.citations?.map((c) => c.label).join('\n')).toMatch(SOURCE);
  });

  it('answers through Bot Framework with the figure and its legal source', async () => {
    const conversationId = `a:${randomUUID()}`;
    const activity = {
      type: 'message',
      id: `act-in-${randomUUID()}`,
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      serviceUrl: `${connector.url}/`,
      from: { id: `user-${randomUUID()}`, name: 'Hà' },
      recipient: { id: 'bot', name: 'Trợ lý' },
      conversation: { id: conversationId },
      text: 'lương tối thiểu vùng 1 năm nay là bao nhiêu',
    };
    const response = await fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
    const texts = () => connector.calls.filter((c) => c.path.includes(encodeURIComponent(conversationId))).map((c) => String(c.body?.text ?? ''));
    expect(await received(texts, 'Bot Framework')).toMatch(SOURCE);
  });
});
