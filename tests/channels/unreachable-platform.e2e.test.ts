import { createServer } from 'node:net';
import { FakeTelegramServer } from '../fakes/fake-telegram-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { waitForOutbound, waitUntil } from './support/channel-e2e.js';

/** A loopback port with nothing listening: connections are refused, like a platform that is down. */
async function deadPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe.each(testBackends())('a platform unreachable at start, on $name', (backend) => {
  let t: TestPlatform;
  let telegram: FakeTelegramServer;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ token: '42:tok' });
    const dead = await deadPort();
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({ 'lương làm thêm': { route: 'question', topic: 'wages' } }),
      knowledge: createEchoKnowledge(),
      env: {
        ZALO_APP_ID: '1234',
        ZALO_OA_SECRET_KEY: 's',
        ZALO_APP_SECRET: 's',
        ZALO_REFRESH_TOKEN: 'rt',
        ZALO_API_BASE_URL: dead,
        ZALO_OAUTH_BASE_URL: dead,
        MESSENGER_APP_SECRET: 's',
        MESSENGER_VERIFY_TOKEN: 'v',
        MESSENGER_PAGE_ACCESS_TOKEN: 'p',
        MESSENGER_API_BASE_URL: dead,
        TELEGRAM_BOT_TOKEN: '42:tok',
        TELEGRAM_WEBHOOK_SECRET: 'sec',
        TELEGRAM_API_ROOT: telegram.url,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await telegram?.close();
  });

  it('starts, serves the reachable channels and reports the others in /readyz without becoming unready', async () => {
    await telegram.deliver(`${t.baseUrl}/webhooks/telegram`, telegram.textUpdate(555_000_111, 'lương làm thêm'), 'sec');
    const [reply] = await waitForOutbound(t.database.db, 'telegram', '555000111', 1);
    expect(reply?.status).toBe('sent');
    const readiness = await waitUntil(async () => {
      const response = await fetch(`${t.baseUrl}/readyz`);
      const body = (await response.json()) as { status: string; checks: { name: string; ok: boolean; optional: boolean; error?: string }[] };
      return body.checks.some((c) => c.name === 'channel:telegram' && c.ok) ? { status: response.status, body } : null;
    }, 20_000, 'telegram ready');
    expect(readiness.status).toBe(200);
    const byName = Object.fromEntries(readiness.body.checks.map((c) => [c.name, c]));
    expect(byName['channel:zalo']).toMatchObject({ ok: false, optional: true });
    expect(byName['channel:messenger']).toMatchObject({ ok: false, optional: true, error: expect.stringContaining('unreachable') });
    expect(byName.database).toMatchObject({ ok: true });
  });
});
