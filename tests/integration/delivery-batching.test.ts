import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { createOutboundDeliveryStore } from '../../bots/storage/repositories/processing-repository.js';
import { conversations, messages } from '../../bots/storage/schema/index.js';
import { deliverConversationOutbound } from '../../core/processing/deliver-outbound.js';
import type { ChannelAdapter } from '../../core/channels/channel-adapter.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';
import { silentLogger } from '../../core/ports/logger.js';
import { systemClock } from '../../core/ports/clock.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue #12 item 2 (D-embedded-speed-4): the claims and sent marks of concurrent deliveries grouped into one
 * statement each. The store's group statements run on both backends (the platform groups on the embedded one only).
 */
const classifier = createScriptedClassifier({});

describe.each(testBackends())('batched delivery on $name', (backend) => {
  let t: TestPlatform;
  beforeEach(async () => {
    // Workers off: the test queues the replies and drives the deliveries itself.
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), startWorkers: false });
  }, 120_000);
  afterEach(async () => t?.close());

  /** A web chat conversation with `count` queued bot replies, returned with their ids in queue order. */
  async function conversationWithReplies(count: number): Promise<{ conversationId: string; replyIds: string[] }> {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: 'xin chào' }) });
    const { messageId } = (await response.json()) as { messageId: string };
    const [inbound] = await t.database.db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, messageId));
    const conversationId = inbound!.conversationId;
    const replyIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const [row] = await t.database.db
        .insert(messages)
        .values({ conversationId, direction: 'out', channel: 'web', author: 'bot', content: { type: 'text', text: `trả lời ${i}` }, text: `trả lời ${i}`, status: 'queued', replyToMessageId: messageId, meta: { kind: 'answer', citations: [] } })
        .returning({ id: messages.id });
      replyIds.push(row!.id);
    }
    return { conversationId, replyIds };
  }

  it('sends every reply of 10 conversations once, each conversation in queue order', async () => {
    const sent: OutboundMessage[] = [];
    const adapter: ChannelAdapter = {
      channel: 'web',
      capabilities: { maxTextLength: 1000, choices: false, card: false, media: [] },
      verify: () => ({ kind: 'accepted' }),
      decode: () => [],
      async send(message) {
        sent.push(message);
        return { ok: true, platformMessageIds: [`p-${message.id}`] };
      },
    };
    const store = createOutboundDeliveryStore(t.database.db, { exclusiveConnection: backend.name === 'embedded', batched: true });
    const convs = await Promise.all(Array.from({ length: 10 }, () => conversationWithReplies(3)));
    const deps = { store, adapters: () => adapter, clock: systemClock, logger: silentLogger, leaseMs: 30_000, maxAttempts: 3 };
    // Two drains per conversation at once (a duplicate doorbell): the second finds the reply leased or nothing left.
    const counts = await Promise.all(convs.flatMap(({ conversationId }) => [deliverConversationOutbound(deps, conversationId), deliverConversationOutbound(deps, conversationId)]));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(30);
    // Exactly once: every reply sent once, and marked sent with its platform id.
    expect(sent.map((m) => m.id).sort()).toEqual(convs.flatMap((c) => c.replyIds).sort());
    const rows = await t.database.db.select().from(messages).where(inArray(messages.id, convs.flatMap((c) => c.replyIds)));
    for (const row of rows) expect(row).toMatchObject({ status: 'sent', platformMessageId: `p-${row.id}`, leaseUntil: null });
    for (const { conversationId, replyIds } of convs) {
      // Per-conversation order: the channel got the replies in queue order.
      expect(sent.filter((m) => m.conversationId === conversationId).map((m) => m.id)).toEqual(replyIds);
      const [conversation] = await t.database.db.select({ lastOutboundAt: conversations.lastOutboundAt }).from(conversations).where(eq(conversations.id, conversationId));
      expect(conversation!.lastOutboundAt).not.toBeNull();
    }
    const sentAt = await t.database.db.select({ sentAt: messages.sentAt }).from(messages).where(inArray(messages.id, convs.map((c) => c.replyIds[0]!))).orderBy(asc(messages.sentAt));
    expect(sentAt.every((row) => row.sentAt !== null)).toBe(true);
  });

  it('claims a conversation asked twice in one group once, and says whether more replies wait', async () => {
    const store = createOutboundDeliveryStore(t.database.db, { exclusiveConnection: backend.name === 'embedded', batched: true });
    const a = await conversationWithReplies(2);
    const b = await conversationWithReplies(1);
    const now = new Date();
    const until = new Date(now.getTime() + 30_000);
    const [first, second, other] = await Promise.all([store.claimNextOutbound(a.conversationId, until, now), store.claimNextOutbound(a.conversationId, until, now), store.claimNextOutbound(b.conversationId, until, now)]);
    expect(first?.message.id).toBe(a.replyIds[0]);
    expect(second).toBeNull();
    expect(other?.message.id).toBe(b.replyIds[0]);
    const [markA, markB] = await Promise.all([store.markSent(a.replyIds[0]!, ['x'], { window: 'open' }, now), store.markSent(b.replyIds[0]!, [], null, now)]);
    if (backend.name === 'embedded') {
      expect(markA).toEqual({ morePending: true });
      expect(markB).toEqual({ morePending: false });
    } else {
      expect(markA).toEqual({});
    }
    const [conversation] = await t.database.db.select({ channelState: conversations.channelState }).from(conversations).where(eq(conversations.id, a.conversationId));
    expect(conversation!.channelState).toEqual({ window: 'open' });
  });
});
