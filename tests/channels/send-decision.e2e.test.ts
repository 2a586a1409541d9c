import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ChannelAdapter, DeliveryContext, SendDecision } from '../../core/channels/channel-adapter.js';
import type { Clock } from '../../core/ports/clock.js';
import { messages } from '../../bots/storage/schema/index.js';
import { FakeZaloServer } from '../fakes/fake-zalo-server.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';
import { seedUnits, waitForOutbound } from './support/channel-e2e.js';

const HOUR_MS = 3_600_000;
const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret', refreshToken: 'rt-first' };
const classifier = createScriptedClassifier({ 'lương tối thiểu vùng 1 là bao nhiêu': { route: 'question', topic: 'wages' }, 'xin chào': { route: 'smalltalk' } });

/** A clock the test moves by hand: the platform reads no other time. */
function manualClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/**
 * One send decision and one clock (issue #14 item 4): the delivery worker reads the conversation's window
 * once, at the platform clock's `now`, the channel's policy decides on that, and the send carries out that
 * decision without re-reading the window or asking the time again.
 */
describe.each(testBackends())('one send decision, one clock, on $name', (backend) => {
  let t: TestPlatform | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('gives the policy and the send the same context, read at the platform clock', async () => {
    // Far from the real time, so that any `new Date()` on the way would show.
    const clock = manualClock(new Date('2031-05-04T03:00:00Z'));
    const seen: { policy: DeliveryContext[]; send: SendDecision[] } = { policy: [], send: [] };
    const adapter: ChannelAdapter<{ decidedAt: number }> = {
      channel: 'botframework',
      capabilities: { maxTextLength: 1000, choices: false, card: false, media: [] },
      verify: () => ({ kind: 'accepted' }),
      decode: () => [],
      checkPolicy: (_message, context) => {
        seen.policy.push(context);
        return { allow: true, plan: { decidedAt: context.now.getTime() } };
      },
      send: async (message, decision) => {
        seen.send.push(decision);
        return { ok: true, platformMessageIds: [message.id] };
      },
    };
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock, channels: () => [{ adapter }] });
    const user = randomUUID();
    await t.platform.ingest.ingest([{ kind: 'message', channel: 'botframework', platformMessageId: 'member-msg-1', sender: { platformUserId: user, threadId: user }, content: { type: 'text', text: 'xin chào' }, sentAt: clock.now() }]);
    await waitUntil(async () => seen.send.length === 1, 30_000, 'one send');

    const [policy] = seen.policy;
    const [send] = seen.send;
    expect(policy?.now).toEqual(clock.now());
    expect(policy?.lastInboundAt).toEqual(clock.now());
    expect(policy?.lastInboundPlatformMessageId).toBe('member-msg-1');
    // The send carries out exactly what the policy decided, on the context it decided on.
    expect(send?.plan).toEqual({ decidedAt: clock.now().getTime() });
    expect(send?.context).toBe(policy);
  });

  it('holds a bot reply once the Zalo free-reply window has closed by the platform clock (not sent, not failed)', async () => {
    const zalo = await FakeZaloServer.start({ ...ZALO, echoTo: null });
    // The member's message arrives now; the workers only run 49 hours later by the platform's clock,
    // past the 48-hour window of free replies (a bot reply may not use paid quota).
    const clock = manualClock(new Date());
    try {
      t = await startTestPlatform(backend, {
        classifier,
        knowledge: createEchoKnowledge(),
        clock,
        startWorkers: false,
        env: {
          ...zalo.platformEnv(),
        },
      });
      await seedUnits(t.database.db);
      const user = `61424948${randomBytes(6).toString('hex').replace(/\D/g, '7').slice(0, 11)}`;
      expect((await zalo.deliver(`${t.baseUrl}/webhooks/zalo`, zalo.userText(user, 'lương tối thiểu vùng 1 là bao nhiêu'))).status).toBe(200);
      clock.advance(49 * HOUR_MS);
      await t.platform.startWorkers();

      const replies = await waitForOutbound(t.database.db, 'zalo', user, 2);
      expect(replies.map((reply) => [reply.status, reply.lastError?.split(':')[0]])).toEqual([
        ['held', 'QUOTA_EXHAUSTED'],
        ['held', 'QUOTA_EXHAUSTED'],
      ]);
      expect(zalo.sent).toEqual([]);
      // And the turn itself was committed at the platform's time, not the machine's.
      const [inbound] = await t.database.db.select().from(messages).where(eq(messages.id, replies[0]!.replyToMessageId!));
      expect(inbound?.processedAt).toEqual(clock.now());
    } finally {
      await t?.close();
      t = null;
      await zalo.close();
    }
  });
});
