import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { InboundContent } from '../../../core/messages/content.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { messages } from '../schema/index.js';
import { createIngestRepository, type RecordInboundInput } from './ingest-repository.js';
import { createIngestService } from '../../ingest/ingest-service.js';
import { createMetrics } from '../../observability/metrics.js';
import { systemClock } from '../../../core/ports/clock.js';
import { silentLogger } from '../../../core/ports/logger.js';

const text = (t: string): InboundContent => ({ type: 'text', text: t });

function inbound(user: string, platformMessageId: string, body: string): RecordInboundInput {
  return { channel: 'telegram', platformMessageId, sender: { platformUserId: user, threadId: user }, content: text(body), sentAt: new Date(), receivedAt: new Date() };
}

describe.each(testBackends())('batched ingest on $name (issue #12 item 1)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => database.close());

  const storedOf = (user: string) =>
    database.db
      .select({ pid: messages.platformMessageId, text: messages.text, convSeq: messages.convSeq })
      .from(messages)
      .where(and(eq(messages.direction, 'in'), sql`${messages.platformMessageId} like ${`${user}%`}`))
      .orderBy(asc(messages.convSeq));

  it('stores a batch in arrival order per conversation, numbering each conversation without gaps', async () => {
    const ingest = createIngestRepository(database.db);
    const [a, b] = [randomUUID(), randomUUID()];
    // Each member's first message alone (creates them), then a mixed batch.
    await ingest.recordInboundBatch([inbound(a, `${a}-0`, 'a0'), inbound(b, `${b}-0`, 'b0')]);
    const results = await ingest.recordInboundBatch([inbound(a, `${a}-1`, 'a1'), inbound(b, `${b}-1`, 'b1'), inbound(a, `${a}-2`, 'a2'), inbound(a, `${a}-3`, 'a3')]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(new Set(results.map((r) => (r.status === 'accepted' ? r.messageId : null))).size).toBe(4);
    expect((await storedOf(a)).map((row) => [row.text, row.convSeq])).toEqual([['a0', 1], ['a1', 2], ['a2', 3], ['a3', 4]]);
    expect((await storedOf(b)).map((row) => [row.text, row.convSeq])).toEqual([['b0', 1], ['b1', 2]]);
  });

  it('stores a delivery repeated inside one batch once; every copy gets the same conversation', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    const results = await ingest.recordInboundBatch([inbound(user, `${user}-x`, 'một'), inbound(user, `${user}-x`, 'một'), inbound(user, `${user}-y`, 'hai'), inbound(user, `${user}-x`, 'một')]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'accepted', 'duplicate']);
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect((await storedOf(user)).map((row) => row.pid)).toEqual([`${user}-x`, `${user}-y`]);
  });

  it('recognises deliveries stored by an earlier batch, or by another process, as duplicates', async () => {
    const user = randomUUID();
    await createIngestRepository(database.db).recordInboundBatch([inbound(user, `${user}-1`, 'một')]);
    // A second repository (no shared cache: another server process) gets the same delivery again, with a new one.
    const results = await createIngestRepository(database.db).recordInboundBatch([inbound(user, `${user}-1`, 'một'), inbound(user, `${user}-2`, 'hai')]);
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
    expect((await storedOf(user)).map((row) => [row.pid, row.convSeq])).toEqual([[`${user}-1`, 1], [`${user}-2`, 2]]);
  });

  it('stores all of two concurrent batches over the same conversations exactly once', async () => {
    const users = Array.from({ length: 6 }, () => randomUUID());
    const repositories = [createIngestRepository(database.db), createIngestRepository(database.db)];
    await repositories[0]!.recordInboundBatch(users.map((user) => inbound(user, `${user}-0`, 'chào')));
    // Both "processes" get every message (a redelivery racing the original) in opposite orders.
    const batch = users.flatMap((user) => [inbound(user, `${user}-1`, 'một'), inbound(user, `${user}-2`, 'hai')]);
    const [first, second] = await Promise.all([repositories[0]!.recordInboundBatch(batch), repositories[1]!.recordInboundBatch([...batch].reverse())]);
    for (const [i] of batch.entries()) {
      const statuses = [first[i]!.status, second[batch.length - 1 - i]!.status].sort();
      expect(statuses).toEqual(['accepted', 'duplicate']);
    }
    // The two racing copies arrive in opposite orders, so which of -1 and -2 is stored first depends on which process
    // commits first; what must hold is each stored once, numbered without gaps after the first.
    for (const user of users) {
      const stored = await storedOf(user);
      expect(stored.map((row) => row.pid).sort()).toEqual([`${user}-0`, `${user}-1`, `${user}-2`]);
      expect(stored.map((row) => row.convSeq)).toEqual([1, 2, 3]);
      expect(stored[0]!.pid).toBe(`${user}-0`);
    }
  });

  it('stores none of a batch whose transaction fails before its commit; the redelivery stores each message once', async () => {
    const ingest = createIngestRepository(database.db);
    const user = randomUUID();
    await ingest.recordInboundBatch([inbound(user, `${user}-0`, 'chào')]);
    // A real failure inside the transaction, after some rows are written: a trigger refusing one message.
    await database.db.execute(sql.raw(`
      create or replace function refuse_poison() returns trigger language plpgsql as $$
      begin if new.text = 'poison' then raise exception 'refused by the test'; end if; return new; end $$`));
    await database.db.execute(sql.raw('create trigger refuse_poison before insert on messages for each row execute function refuse_poison()'));
    try {
      await expect(ingest.recordInboundBatch([inbound(user, `${user}-1`, 'một'), inbound(user, `${user}-2`, 'poison'), inbound(user, `${user}-3`, 'ba')])).rejects.toThrow();
      expect((await storedOf(user)).map((row) => row.pid)).toEqual([`${user}-0`]);
    } finally {
      await database.db.execute(sql.raw('drop trigger refuse_poison on messages'));
      await database.db.execute(sql.raw('drop function refuse_poison()'));
    }
    const again = await ingest.recordInboundBatch([inbound(user, `${user}-1`, 'một'), inbound(user, `${user}-2`, 'hai'), inbound(user, `${user}-3`, 'ba')]);
    expect(again.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect((await storedOf(user)).map((row) => [row.pid, row.convSeq])).toEqual([[`${user}-0`, 1], [`${user}-1`, 2], [`${user}-2`, 3], [`${user}-3`, 4]]);
  });

  it('through the service: concurrent requests share one batch; a message the database refuses fails only its own request', async () => {
    const enqueued: string[] = [];
    const service = createIngestService({
      ingestRepository: createIngestRepository(database.db),
      queue: { enqueue: async (name, data, options) => void enqueued.push(`${name}:${options.jobId}`) },
      clock: systemClock,
      logger: silentLogger,
      metrics: createMetrics(),
      batch: { maxBatch: 50, maxWaitMs: 5, maxInFlight: 1 },
    });
    const user = randomUUID();
    const event = (pid: string, body: string) => ({ kind: 'message' as const, channel: 'telegram' as const, platformMessageId: pid, sender: { platformUserId: user, threadId: user }, content: text(body), sentAt: new Date() });
    await service.ingest([event(`${user}-0`, 'chào')]);
    await database.db.execute(sql.raw(`
      create or replace function refuse_poison() returns trigger language plpgsql as $$
      begin if new.text = 'poison' then raise exception 'refused by the test'; end if; return new; end $$`));
    await database.db.execute(sql.raw('create trigger refuse_poison before insert on messages for each row execute function refuse_poison()'));
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      outcomes = await Promise.allSettled([service.ingest([event(`${user}-1`, 'một')]), service.ingest([event(`${user}-2`, 'poison')]), service.ingest([event(`${user}-1`, 'một')])]);
    } finally {
      await database.db.execute(sql.raw('drop trigger refuse_poison on messages'));
      await database.db.execute(sql.raw('drop function refuse_poison()'));
    }
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const statuses = outcomes.flatMap((o) => (o.status === 'fulfilled' ? (o.value as { status: string }[]).map((x) => x.status) : []));
    expect(statuses).toEqual(['accepted', 'duplicate']);
    expect((await storedOf(user)).map((row) => row.pid)).toEqual([`${user}-0`, `${user}-1`]);
    // One job per stored message, none for the duplicate or the refused one.
    expect(enqueued).toHaveLength(2);
  });
});
