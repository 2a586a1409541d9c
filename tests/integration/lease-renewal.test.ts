import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createInProcessQueue } from '../../bots/queue/in-process-queue.js';
import { createInboundProcessingStore, createOutboundDeliveryStore } from '../../bots/storage/repositories/processing-repository.js';
import { messages } from '../../bots/storage/schema/index.js';
import type { ChannelAdapter } from '../../core/channels/channel-adapter.js';
import { DEFAULT_NLU_THRESHOLDS } from '../../core/nlu/thresholds.js';
import { systemClock } from '../../core/ports/clock.js';
import { silentLogger } from '../../core/ports/logger.js';
import { deliverConversationOutbound } from '../../core/processing/deliver-outbound.js';
import { processConversationInbound, type ProcessInboundDeps } from '../../core/processing/process-inbound.js';
import { createRedactor } from '../../intents/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue #13 finding 7 (D-hardening-7): a short lease, renewed while the work runs. A turn or a send that takes many
 * leases' time keeps its message (a second worker finds it leased); a turn whose lease was taken over does not commit.
 */
const scripted = createScriptedClassifier({ 'lương tháng này': { route: 'question', topic: 'wages', sentiment: 'neutral' } });
// Each test's text carries a " [tag]" to be unique; the labels are those of the text before it.
const classifier = { ...scripted, classify: (text: string) => scripted.classify(text.replace(/ \[[^\]]*\]$/, '')) };
const LEASE_MS = 300;
const SLOW_MS = 4 * LEASE_MS;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testBackends())('lease renewal on $name', (backend) => {
  let t: TestPlatform;
  beforeEach(async () => {
    // Workers off: the test plays the workers.
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), startWorkers: false });
  }, 120_000);
  afterEach(async () => t?.close());

  async function post(text: string): Promise<{ conversationId: string; messageId: string }> {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text }) });
    expect(response.status).toBe(202);
    const [row] = await t.database.db.select({ id: messages.id, conversationId: messages.conversationId }).from(messages).where(eq(messages.text, text));
    return { conversationId: row!.conversationId, messageId: row!.id };
  }

  function worker(delayMs: number): ProcessInboundDeps & { knowledge: ReturnType<typeof createEchoKnowledge> } {
    const knowledge = createEchoKnowledge({ delayMs });
    return {
      knowledge,
      store: createInboundProcessingStore(t.database.db, { pseudonyms: t.platform.pseudonyms, exclusiveConnection: backend.name === 'embedded' }),
      ports: { classifier, knowledge, clock: systemClock, logger: silentLogger, thresholds: DEFAULT_NLU_THRESHOLDS },
      queue: createInProcessQueue(),
      redactor: createRedactor(),
      leaseMs: LEASE_MS,
    };
  }

  const repliesTo = (messageId: string) => t.database.db.select().from(messages).where(and(eq(messages.direction, 'out'), eq(messages.replyToMessageId, messageId)));

  it('keeps a slow turn its message: a second worker after many lease lengths finds it leased; one reply', async () => {
    const { conversationId, messageId } = await post('lương tháng này [slow]');
    const slow = worker(SLOW_MS);
    const other = worker(0);
    const first = processConversationInbound(slow, conversationId);
    await wait(2 * LEASE_MS);
    // Without renewal the claim would have expired twice over by now.
    expect(await processConversationInbound(other, conversationId)).toBe(0);
    expect(other.knowledge.calls).toEqual([]);
    expect(await first).toBe(1);
    expect(slow.knowledge.calls).toHaveLength(1);
    const [inbound] = await t.database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(inbound).toMatchObject({ status: 'processed', leaseUntil: null });
    expect(await repliesTo(messageId)).toHaveLength(1);
  });

  it('drops a turn whose lease was taken over (it does not commit); the worker that took it answers once', async () => {
    const { conversationId, messageId } = await post('lương tháng này [taken]');
    const stalled = worker(SLOW_MS);
    const first = processConversationInbound(stalled, conversationId);
    await wait(LEASE_MS / 2);
    // As if this worker had stalled past its lease and another one had claimed the message: a lease value not its own.
    const taken = new Date(Date.now() + 60_000);
    await t.database.db.update(messages).set({ leaseUntil: taken }).where(eq(messages.id, messageId));
    await first;
    const [still] = await t.database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(still).toMatchObject({ status: 'received', leaseUntil: taken });
    expect(await repliesTo(messageId)).toHaveLength(0);
    // The other worker's turn (its lease released here to stand in for its claim).
    await t.database.db.update(messages).set({ leaseUntil: null }).where(eq(messages.id, messageId));
    expect(await processConversationInbound(worker(0), conversationId)).toBe(1);
    expect(await repliesTo(messageId)).toHaveLength(1);
  });

  it('keeps a slow send its reply: a second delivery after many lease lengths sends nothing; sent once', async () => {
    const { conversationId, messageId } = await post('lương tháng này [send]');
    expect(await processConversationInbound(worker(0), conversationId)).toBe(1);
    const sends: string[] = [];
    const adapter = slowWebAdapter(sends);
    const deps = () => ({ store: createOutboundDeliveryStore(t.database.db), adapters: () => adapter, clock: systemClock, logger: silentLogger, leaseMs: LEASE_MS, maxAttempts: 3 });
    const first = deliverConversationOutbound(deps(), conversationId);
    await wait(2 * LEASE_MS);
    expect(await deliverConversationOutbound(deps(), conversationId)).toBe(0);
    expect(await first).toBe(1);
    expect(sends).toHaveLength(1);
    const [reply] = await repliesTo(messageId);
    expect(reply).toMatchObject({ status: 'sent', leaseUntil: null });
  });

  it('keeps the leases of grouped claims too (the group leases with its first request\'s value): each reply sent once', async () => {
    const posted = [await post('lương tháng này [g1]'), await post('lương tháng này [g2]'), await post('lương tháng này [g3]')];
    for (const { conversationId } of posted) expect(await processConversationInbound(worker(0), conversationId)).toBe(1);
    const sends: string[] = [];
    const adapter = slowWebAdapter(sends);
    const store = createOutboundDeliveryStore(t.database.db, { exclusiveConnection: backend.name === 'embedded', batched: true });
    // Each drain asks for its own lease value (the clock moves a millisecond per read), as concurrent jobs would.
    let tick = 0;
    const clock = { now: () => new Date(Date.now() + tick++) };
    const deps = { store, adapters: () => adapter, clock, logger: silentLogger, leaseMs: LEASE_MS, maxAttempts: 3 };
    const drains = posted.map(({ conversationId }) => deliverConversationOutbound(deps, conversationId));
    await wait(2 * LEASE_MS);
    for (const { conversationId } of posted) expect(await deliverConversationOutbound({ ...deps, store: createOutboundDeliveryStore(t.database.db) }, conversationId)).toBe(0);
    expect(await Promise.all(drains)).toEqual([1, 1, 1]);
    expect(sends).toHaveLength(3);
  });
});

/** A web chat adapter whose every send takes SLOW_MS (longer than the lease) and records what it sent. */
function slowWebAdapter(sends: string[]): ChannelAdapter {
  return {
    channel: 'web',
    capabilities: { maxTextLength: 4000, choices: false, card: false, media: [] },
    verify: () => ({ kind: 'accepted' }),
    decode: () => [],
    async send(message) {
      sends.push(message.id);
      await wait(SLOW_MS);
      return { ok: true, platformMessageIds: [`p-${message.id}`] };
    },
  };
}
