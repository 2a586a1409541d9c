import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ChannelAdapter, SendResult } from '../../core/channels/channel-adapter.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';
import { messages } from '../../bots/storage/schema/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

type Script = (message: OutboundMessage, call: number) => SendResult | 'hold';

/** A channel adapter whose sends follow a script: the generic delivery rules, independent of any platform. */
function scriptedAdapter(script: Script): ChannelAdapter & { calls: OutboundMessage[] } {
  const calls: OutboundMessage[] = [];
  return {
    channel: 'botframework',
    capabilities: { maxTextLength: 1000, choices: false, card: false, media: [] },
    calls,
    verify: () => ({ kind: 'accepted' }),
    decode: () => [],
    checkPolicy: (message) => (script(message, -1) === 'hold' ? { allow: false, code: 'WINDOW_CLOSED', reason: 'outside the window' } : { allow: true }),
    async send(message) {
      calls.push(message);
      const result = script(message, calls.length);
      return result === 'hold' ? { ok: true, platformMessageIds: [] } : result;
    },
  };
}

const classifier = createScriptedClassifier({ 'xin chào': { route: 'smalltalk' } });

describe.each(testBackends())('reply delivery on $name', (backend) => {
  let t: TestPlatform | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  async function runWith(script: Script, env: Record<string, string> = {}) {
    const adapter = scriptedAdapter(script);
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), channels: () => [{ adapter }], env: { OUTBOUND_MAX_ATTEMPTS: '3', ...env } });
    const user = randomUUID();
    await t.platform.ingest.ingest([{ kind: 'message', channel: 'botframework', platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: { type: 'text', text: 'xin chào' }, sentAt: new Date() }]);
    const db = t.database.db;
    const outbound = await waitUntil(async () => {
      const [row] = await db.select().from(messages).where(eq(messages.direction, 'out'));
      return row && row.status !== 'queued' ? row : null;
    }, 30_000, 'a final delivery status');
    return { adapter, outbound };
  }

  it('retries a retryable failure and then sends', async () => {
    const { adapter, outbound } = await runWith((_m, call) => (call < 3 ? { ok: false, retryable: true, code: 'PLATFORM_UNAVAILABLE', detail: '502' } : { ok: true, platformMessageIds: ['p-1'] }));
    expect(outbound).toMatchObject({ status: 'sent', attempts: 2, platformMessageId: 'p-1' });
    expect(adapter.calls).toHaveLength(3);
  });

  it('marks a permanent failure failed at once, with the reason, for officers', async () => {
    const { adapter, outbound } = await runWith(() => ({ ok: false, retryable: false, code: 'USER_BLOCKED', detail: 'the member blocked the page' }));
    expect(outbound.status).toBe('failed');
    expect(outbound.lastError).toContain('USER_BLOCKED');
    expect(adapter.calls).toHaveLength(1);
  });

  it('gives up after the configured attempts', async () => {
    const { adapter, outbound } = await runWith(() => ({ ok: false, retryable: true, code: 'NETWORK', detail: 'ECONNRESET' }));
    expect(outbound.status).toBe('failed');
    expect(outbound.lastError).toContain('gave up after 3 attempts');
    expect(adapter.calls).toHaveLength(3);
  });

  it('waits as long as the platform asks on a rate limit, without spending attempts', async () => {
    const { adapter, outbound } = await runWith((_m, call) => (call <= 4 ? { ok: false, retryable: true, code: 'RATE_LIMITED', detail: '429', retryAfterMs: 50 } : { ok: true, platformMessageIds: ['p-2'] }));
    expect(outbound).toMatchObject({ status: 'sent', attempts: 0 });
    expect(adapter.calls).toHaveLength(5);
  });

  it('holds what the channel policy does not allow, and sends nothing', async () => {
    const { adapter, outbound } = await runWith(() => 'hold');
    expect(outbound.status).toBe('held');
    expect(outbound.lastError).toContain('WINDOW_CLOSED');
    expect(adapter.calls).toHaveLength(0);
  });
});
