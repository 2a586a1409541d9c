import { createServer } from 'node:net';
import { createZaloClient } from '../../bots/channels/zalo/client.js';
import { createZaloTokenProvider } from '../../bots/channels/zalo/tokens.js';
import { createChannelTokenRepository } from '../../bots/storage/repositories/channel-token-repository.js';
import { silentLogger } from '../../core/ports/logger.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testSecretBox } from '../support/test-secrets.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';

const CONFIG = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa', appSecret: 'app', refreshToken: 'rt-0' };

// The client's mapping of Zalo's answers (errors come with HTTP 200) does not depend on the database:
// one backend is enough here; token rotation itself runs on both in zalo-tokens.test.ts.
describe('Zalo OA send client against the fake Zalo', () => {
  let database: TestDatabase;
  let zalo: FakeZaloServer;
  let account = 0;

  beforeAll(async () => {
    database = await createTestDatabase(testBackends()[0]!);
  });
  afterAll(async () => database.close());
  let tokens: ReturnType<typeof createZaloTokenProvider>;
  beforeEach(async () => {
    zalo = await FakeZaloServer.start(CONFIG);
    // One token chain per test, like one OA: the fake's refresh tokens are single-use.
    tokens = createZaloTokenProvider({
      config: { ...CONFIG, accountId: `oa-${account++}`, oauthBaseUrl: zalo.url },
      tokens: createChannelTokenRepository(database.db, testSecretBox()),
      clock: { now: () => new Date() },
      logger: silentLogger,
    });
  });
  afterEach(async () => zalo.close());

  const client = (apiBaseUrl = zalo.url) => createZaloClient({ config: { apiBaseUrl }, tokens, timeoutMs: 2000 });

  it('sends a free reply quoting the member message and returns Zalo\'s message id', async () => {
    zalo.rememberUserMessage('msg-1', 'user-1');
    const outcome = await client().send('cs', { message_id: 'msg-1' }, { text: 'Chào bạn' });
    expect(outcome).toEqual({ ok: true, platformMessageId: zalo.sent[0]?.messageId });
    expect(zalo.callsTo('/v3.0/oa/message/cs')[0]?.headers.access_token).toBe(zalo.currentAccessToken);
  });

  it.each([
    [-230, 'User has not interacted with the OA in the past 7 days', 'WINDOW_CLOSED', false],
    [-213, 'User has not followed OA', 'USER_BLOCKED', false],
    [-211, 'Out of quota', 'QUOTA_EXHAUSTED', false],
    [-201, 'Parameters are invalid', 'INVALID_PAYLOAD', false],
    [-32, 'Your application reached limit call api', 'RATE_LIMITED', true],
  ] as const)('maps Zalo error %s (%s, HTTP 200) to %s', async (error, message, code, retryable) => {
    zalo.failSends(1, error, message);
    const outcome = await client().send('cs', { user_id: 'user-1' }, { text: 'x' });
    expect(outcome).toMatchObject({ ok: false, code, retryable, detail: `Zalo error ${error}: ${message}` });
  });

  it('refreshes once on -216 and gives up with AUTH_FAILED if the new token is refused too', async () => {
    const sender = client();
    expect((await sender.send('cs', { user_id: 'u' }, { text: 'a' })).ok).toBe(true);
    const refreshes = zalo.refreshCalls.length;
    zalo.failSends(2, -216, 'Access token is invalid');
    const outcome = await sender.send('cs', { user_id: 'u' }, { text: 'b' });
    expect(zalo.refreshCalls.length - refreshes).toBe(1);
    expect(outcome).toMatchObject({ ok: false, code: 'AUTH_FAILED', retryable: true });
  });

  it('treats HTTP 5xx as retryable and an unanswered call as a possibly delivered one', async () => {
    zalo.failSendsHttp(1, 502);
    expect(await client().send('cs', { user_id: 'u' }, { text: 'x' })).toMatchObject({ ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE' });
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as { port: number }).port;
    await new Promise((resolve) => dead.close(resolve));
    const sender = client(`http://127.0.0.1:${port}`);
    expect(await sender.send('cs', { user_id: 'u' }, { text: 'x' })).toMatchObject({ ok: false, retryable: true, code: 'NETWORK', outcomeUnknown: true });
  });
});
