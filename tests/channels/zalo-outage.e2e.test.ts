import { randomBytes } from 'node:crypto';
import { createChannelTokenRepository } from '../../bots/storage/repositories/channel-token-repository.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testBackends } from '../support/backends.js';
import { testSecretBox } from '../support/test-secrets.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { waitForIdle } from '../support/settle.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { conversationOf, messagesOf, seedUnits, waitForOutbound, waitUntil, type MessageRow } from './support/channel-e2e.js';

const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560488', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const QUESTION = 'lương tối thiểu vùng 1 là bao nhiêu';
const newUser = () => `61424949${randomBytes(6).toString('hex').replace(/\D/g, '7').slice(0, 11)}`;

interface Readiness {
  status: string;
  degraded?: string[];
  checks: { name: string; ok: boolean; error?: string }[];
}

/**
 * Issue #15 finding 6, through the real webhook path: Zalo's token endpoint failing is classified (rate limit,
 * outage, refused token), the replies of the outage are held (not failed) and go out once when Zalo works again,
 * /readyz and /metrics say what is going on, and a sticker reply by user id counts as proactive.
 */
describe.each(testBackends())('Zalo outages on $name', (backend) => {
  let t: TestPlatform;
  let zalo: FakeZaloServer;
  let webhook: string;
  // The platform's clock runs with the real one, plus whatever a test skips ahead.
  let skippedMs = 0;
  const clock = { now: () => new Date(Date.now() + skippedMs) };

  beforeAll(async () => {
    zalo = await FakeZaloServer.start(ZALO);
    t = await startTestPlatform(backend, {
      classifier: createScriptedClassifier({ [QUESTION]: { route: 'question', topic: 'wages' } }),
      knowledge: createEchoKnowledge(),
      clock,
      env: {
        ...zalo.platformEnv(),
        OUTBOUND_MAX_ATTEMPTS: '2',
      },
    });
    await seedUnits(t.database.db);
    webhook = `${t.baseUrl}/webhooks/zalo`;
    await waitUntil(async () => ((await readiness()).checks.some((c) => c.name === 'channel:zalo' && c.ok) ? true : null), 20_000, 'Zalo ready');
  });
  afterAll(async () => {
    await t?.close();
    await zalo?.close();
  });
  afterEach(async () => {
    zalo.restoreTokenEndpoint();
    await waitForIdle(t.database.db);
  });

  async function readiness(): Promise<Readiness> {
    return (await (await fetch(`${t.baseUrl}/readyz`)).json()) as Readiness;
  }
  const zaloCheck = (body: Readiness) => body.checks.find((c) => c.name === 'channel:zalo');
  const tokenRow = () => createChannelTokenRepository(t.database.db, testSecretBox()).read('zalo', ZALO.oaId);
  const outbound = async (user: string) => (await messagesOf(t.database.db, 'zalo', user)).filter((m) => m.direction === 'out');
  const answersSince = (index: number) => zalo.sent.slice(index).filter((s) => s.message.text === `Trả lời: ${QUESTION}`);

  /** A member who already chose a union: their question gets exactly one reply. */
  async function memberWithUnion(): Promise<string> {
    const user = newUser();
    await zalo.deliver(webhook, zalo.userText(user, 'DTTL'));
    await waitForOutbound(t.database.db, 'zalo', user, 1);
    await waitForIdle(t.database.db);
    return user;
  }

  async function heldForOutage(user: string): Promise<MessageRow> {
    return waitUntil(async () => {
      const rows = await outbound(user);
      const last = rows.at(-1);
      return last?.status === 'held' ? last : null;
    }, 20_000, 'the reply held by the outage');
  }

  it('holds the replies of a token-endpoint outage (not re-authorisation), says so in /readyz and /metrics, and sends each once when Zalo is back', async () => {
    const user = await memberWithUnion();
    zalo.breakTokenEndpoint({ status: 503, json: { message: 'upstream error' } });
    zalo.expireAccessToken();
    const sentBefore = zalo.sent.length;
    await zalo.deliver(webhook, zalo.userText(user, QUESTION));
    const held = await heldForOutage(user);
    expect(held.lastError).toMatch(/^CHANNEL_UNAVAILABLE: PLATFORM_UNAVAILABLE: .*HTTP 503/);
    expect(zalo.sent.length).toBe(sentBefore);
    // A passing failure never breaks the token chain.
    expect(await tokenRow()).toMatchObject({ needsReauthorization: false, refreshToken: zalo.currentRefreshToken });
    const during = await readiness();
    expect(during.status).toBe('degraded');
    expect(during.degraded).toEqual(['channel:zalo']);
    expect(zaloCheck(during)?.error).toMatch(/^degraded: .*HTTP 503/);
    expect(await (await fetch(`${t.baseUrl}/metrics`)).text()).toMatch(/cd_channel_health\{channel="zalo",state="degraded"\} 1/);

    zalo.restoreTokenEndpoint();
    const [reply] = await waitUntil(async () => {
      const rows = await outbound(user);
      return rows.at(-1)?.status === 'sent' ? rows.slice(-1) : null;
    }, 30_000, 'the held reply sent after the outage');
    expect(reply?.meta).toMatchObject({ heldFor: 'CHANNEL_UNAVAILABLE' });
    await waitForIdle(t.database.db);
    expect(answersSince(sentBefore)).toHaveLength(1);
    const after = await readiness();
    expect(after.status).toBe('ready');
    expect(await (await fetch(`${t.baseUrl}/metrics`)).text()).toMatch(/cd_channel_health\{channel="zalo",state="ok"\} 1/);
    expect(await (await fetch(`${t.baseUrl}/metrics`)).text()).toMatch(/cd_channel_outage_released_total\{channel="zalo"\} [1-9]/);
  });

  it('waits out a rate-limited token endpoint without counting attempts or flagging re-authorisation', async () => {
    const user = await memberWithUnion();
    zalo.breakTokenEndpoint({ status: 429, headers: { 'retry-after': '1' }, json: { error: -32, message: 'Your application reached limit call api' } });
    zalo.expireAccessToken();
    const refreshesBefore = zalo.refreshCalls.length;
    const sentBefore = zalo.sent.length;
    await zalo.deliver(webhook, zalo.userText(user, QUESTION));
    await waitUntil(async () => (zalo.refreshCalls.length >= refreshesBefore + 3 ? true : null), 20_000, 'a few rate-limited refreshes');
    // Still queued (a rate limit is not an attempt), never failed, never "re-authorise".
    const waiting = (await outbound(user)).at(-1);
    expect(waiting?.status).toBe('queued');
    expect(await tokenRow()).toMatchObject({ needsReauthorization: false });
    expect(zaloCheck(await readiness())?.error).toMatch(/Zalo error -32/);
    zalo.restoreTokenEndpoint();
    await waitUntil(async () => ((await outbound(user)).at(-1)?.status === 'sent' ? true : null), 20_000, 'sent after the rate limit');
    await waitForIdle(t.database.db);
    expect(answersSince(sentBefore)).toHaveLength(1);
  });

  it('holds replies at once when Zalo refuses the refresh token, shows re-authorisation in /readyz, and sends them once it is accepted again', async () => {
    const user = await memberWithUnion();
    zalo.breakTokenEndpoint({ status: 200, json: { error: -14014, error_name: 'Invalid refresh token', error_description: 'refresh token is invalid or already used' } });
    zalo.expireAccessToken();
    const sentBefore = zalo.sent.length;
    await zalo.deliver(webhook, zalo.userText(user, QUESTION));
    const held = await heldForOutage(user);
    // Held on the first attempt: retrying a refused refresh token cannot help.
    expect(held.attempts).toBe(0);
    expect(held.lastError).toMatch(/^CHANNEL_UNAVAILABLE: AUTH_FAILED: Zalo needs re-authorisation: Zalo error -14014/);
    expect(await tokenRow()).toMatchObject({ needsReauthorization: true, accessToken: null });
    const during = await readiness();
    expect(during.status).toBe('degraded');
    expect(zaloCheck(during)?.error).toMatch(/^re-authorisation needed/);
    // The app is authorised again; past the 10-minute pause the next check takes the token and the reply goes.
    zalo.restoreTokenEndpoint();
    skippedMs += 11 * 60_000;
    await waitUntil(async () => ((await outbound(user)).at(-1)?.status === 'sent' ? true : null), 40_000, 'sent after re-authorisation');
    await waitForIdle(t.database.db);
    expect(answersSince(sentBefore)).toHaveLength(1);
    expect(await tokenRow()).toMatchObject({ needsReauthorization: false });
    expect((await readiness()).status).toBe('ready');
  });

  it('answers a sticker without msg_id by user id and counts it as proactive, not as a free reply', async () => {
    const user = await memberWithUnion();
    const sentBefore = zalo.sent.length;
    await zalo.deliver(webhook, zalo.userSticker(user));
    await waitForOutbound(t.database.db, 'zalo', user, 2);
    await waitForIdle(t.database.db);
    const sends = zalo.sent.slice(sentBefore);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ endpoint: 'cs', recipient: { user_id: user } });
    const state = (await conversationOf(t.database.db, 'zalo', user))?.channelState as { zalo: Record<string, unknown> };
    expect(state.zalo).toMatchObject({ freeRepliesUsed: 0, proactiveUsed: 1, proactiveMonthUsed: 1, proactiveMonth: clock.now().toISOString().slice(0, 7) });
    // The member's next text is quoted again: a free reply, the month's proactive count kept.
    await zalo.deliver(webhook, zalo.userText(user, QUESTION));
    await waitForOutbound(t.database.db, 'zalo', user, 3);
    await waitForIdle(t.database.db);
    expect(zalo.sent.at(-1)?.recipient).toHaveProperty('message_id');
    const next = (await conversationOf(t.database.db, 'zalo', user))?.channelState as { zalo: Record<string, unknown> };
    expect(next.zalo).toMatchObject({ freeRepliesUsed: 1, proactiveMonthUsed: 1 });
    expect(next.zalo.proactiveUsed).toBeUndefined();
  });
});
