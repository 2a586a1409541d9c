import { randomUUID } from 'node:crypto';
import { createBotFrameworkModule } from '../../bots/channels/botframework/module.js';
import { createChannelModules } from '../../bots/channels/create-channel-modules.js';
import { messages } from '../../bots/storage/schema/index.js';
import { parseEnv } from '../../core/config/env-schema.js';
import { isAppError } from '../../core/errors/app-error.js';
import { silentLogger } from '../../core/ports/logger.js';
import { FakePlatformServer } from '../fakes/fake-platform-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { expectStable, waitForIdle } from '../support/settle.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { waitForOutbound } from './support/channel-e2e.js';

// Building modules touches neither storage nor the hub: stand-ins that fail loudly if they ever are.
const notUsed = new Proxy({}, { get: (_t, name) => { throw new Error(`building channel modules must not use ${String(name)}`); } }) as never;
const clock = { now: () => new Date() };
const repositories = { deliveries: notUsed, tokens: notUsed, threadRefs: notUsed, history: notUsed };
const moduleDeps = (env: Record<string, string>) => ({ env: parseEnv(env), clock, logger: silentLogger, repositories, hub: notUsed });
const platformModules = (env: Record<string, string>) => createChannelModules(moduleDeps(env)).filter((m) => !['web', 'cli'].includes(m.adapter.channel));

describe('Bot Framework channel configuration', () => {
  it('is off, and /api/messages not mounted, unless MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are both set', () => {
    // Web chat and the CLI channel are always on; no platform is, without its variables.
    expect(createChannelModules(moduleDeps({})).map((m) => m.adapter.channel)).toEqual(['web', 'cli']);
    let caught: unknown;
    try {
      createChannelModules(moduleDeps({ MICROSOFT_APP_ID: 'app' }));
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code === 'CONFIG_INVALID' && caught.fields[0]?.path === 'MICROSOFT_APP_PASSWORD').toBe(true);
  });

  it('mounts /api/messages when configured, without loading botbuilder until the first request', () => {
    const [module] = platformModules({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'secret' });
    expect(module?.adapter.channel).toBe('botframework');
    expect(module?.webhook?.path).toBe('/api/messages');
    expect(module?.readiness).toMatchObject({ name: 'channel:botframework', optional: true });
  });

  it('names every missing variable of a half-configured channel', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        createChannelModules(moduleDeps(env));
        return null;
      } catch (error) {
        return isAppError(error) ? error.fields.map((f) => f.path) : ['not an AppError'];
      }
    };
    expect(attempt({ ZALO_APP_ID: '1' })).toEqual(['ZALO_OA_SECRET_KEY', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN']);
    expect(attempt({ MESSENGER_APP_SECRET: 's' })).toEqual(['MESSENGER_VERIFY_TOKEN', 'MESSENGER_PAGE_ACCESS_TOKEN']);
    expect(attempt({ TELEGRAM_BOT_TOKEN: '1:x' })).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(attempt({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_SECRET: 'has spaces' })).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
  });
});

/**
 * The whole path through botbuilder's CloudAdapter, offline: with empty credentials botbuilder runs in its
 * unauthenticated emulator mode (createChannelModules never allows that), so an activity POSTed without a
 * JWT is processed and the reply goes, as a proactive message, to a fake Bot Connector on loopback.
 * What this cannot cover is Azure AD: the JWT validation of real Teams/Direct Line requests and the token
 * botbuilder fetches for its replies (README.md).
 */
describe.each(testBackends())('Bot Framework through CloudAdapter (emulator mode) on $name', (backend) => {
  let t: TestPlatform;
  let connector: FakePlatformServer;

  beforeAll(async () => {
    connector = await new FakePlatformServer((call) => ({ status: 200, json: { id: `act-${connector.calls.indexOf(call)}` } })).start();
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({ 'hỏi về đoàn phí': { route: 'question', topic: 'union' } }),
      knowledge: createEchoKnowledge(),
      channels: ({ repositories }) => [createBotFrameworkModule({ config: { appId: '', appPassword: '', tenantId: null }, repositories, clock })],
    });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it('records an activity durably, answers 200, and sends the reply into the conversation', async () => {
    const conversationId = `a:${randomUUID()}`;
    const activity = {
      type: 'message',
      id: 'act-in-1',
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      serviceUrl: `${connector.url}/`,
      from: { id: 'user-1', name: 'Hà' },
      recipient: { id: 'bot', name: 'Trợ lý' },
      conversation: { id: conversationId },
      text: 'hỏi về đoàn phí',
    };
    const response = await fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
    const [reply] = await waitForOutbound(t.database.db, 'botframework', `directline/${conversationId}`, 1);
    expect(reply).toMatchObject({ status: 'sent', text: 'Trả lời: hỏi về đoàn phí' });
    const sent = connector.calls.find((c) => c.path.includes('/v3/conversations/'));
    expect(sent?.path).toContain(encodeURIComponent(conversationId));
    expect(sent?.body).toMatchObject({ type: 'message', text: 'Trả lời: hỏi về đoàn phí' });
    // Redelivered by the channel: acknowledged, recorded once, answered once.
    const again = await fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(again.status).toBeLessThan(300);
    await waitForIdle(t.database.db);
    const sends = await expectStable(() => connector.calls.filter((c) => c.path.includes('/v3/conversations/')).length, 'sends to the connector');
    expect(sends).toBe(1);
  });

  it('refuses a body that is not an activity with 422 VALIDATION_FAILED, before the SDK (which threw a plain Error: 500), storing nothing', async () => {
    const before = (await t.database.db.select().from(messages)).length;
    for (const body of ['', '{}', '{"type":1}', '{"type":"message"}', '{"type":"message","channelId":"x","serviceUrl":"https://x","from":{"id":"a"}}']) {
      const response = await fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' }, body });
      expect({ body, status: response.status }).toEqual({ body, status: 422 });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.database.db.select().from(messages)).length).toBe(before);
  });
});
