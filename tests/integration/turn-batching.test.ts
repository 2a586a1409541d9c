import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createInProcessQueue } from '../../bots/queue/in-process-queue.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createInboundProcessingStore } from '../../bots/storage/repositories/processing-repository.js';
import { conversations, messages } from '../../bots/storage/schema/index.js';
import { DEFAULT_NLU_THRESHOLDS } from '../../core/nlu/thresholds.js';
import { silentLogger } from '../../core/ports/logger.js';
import { systemClock } from '../../core/ports/clock.js';
import type { InboundProcessingStore, TurnCommit } from '../../core/processing/processing-store.js';
import { createInboundBatcher } from '../../core/processing/turn-batcher.js';
import { createRedactor } from '../../intents/index.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue #12 item 2 (D-embedded-speed-2): the turns of several conversations claimed, loaded and committed together.
 * The store's batch statements run on both backends; the worker loop uses them on the embedded one.
 */
const scripted = createScriptedClassifier({
  'lương tháng này': { route: 'question', topic: 'wages', sentiment: 'negative' },
  'cảm ơn': { route: 'smalltalk', sentiment: 'positive' },
});
// The texts carry " [member.message]" so that each is unique; the labels are those of the text before it.
const classifier = { ...scripted, classify: (text: string) => scripted.classify(text.replace(/ \[[^\]]*\]$/, '')) };
const TEXTS = ['lương tháng này', 'cảm ơn', 'câu gì đó chưa rõ', 'lương tháng này'];

describe.each(testBackends())('batched turns on $name', (backend) => {
  let t: TestPlatform;
  let store: InboundProcessingStore;
  beforeEach(async () => {
    // Workers off: the test drives the turns itself.
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), startWorkers: false });
    store = createInboundProcessingStore(t.database.db, { pseudonyms: t.platform.pseudonyms, exclusiveConnection: backend.name === 'embedded' });
  }, 120_000);
  afterEach(async () => t?.close());

  async function post(sessionId: string, text: string): Promise<string> {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text }) });
    expect(response.status).toBe(202);
    const [row] = await t.database.db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.text, text)).orderBy(asc(messages.seq)).limit(1);
    return row!.conversationId;
  }

  /** A member per conversation; each posts `count` messages in order. Returns the conversation ids. */
  async function conversationsWith(members: number, count: number): Promise<string[]> {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: members }, async (_, member) => {
        const sessionId = randomUUID();
        for (let i = 0; i < count; i++) {
          const id = await post(sessionId, `${TEXTS[i % TEXTS.length]} [${member}.${i}]`);
          if (i === 0) ids.push(id);
        }
      }),
    );
    return ids;
  }

  function depsWith(batchSizes: number[]) {
    // The real store, counted: how many turns each batch commit wrote, and that they were of different conversations.
    const counted: InboundProcessingStore = {
      ...store,
      async commitTurns(commits) {
        batchSizes.push(commits.length);
        expect(new Set(commits.map((c) => c.conversationId)).size).toBe(commits.length);
        return store.commitTurns(commits);
      },
    };
    const knowledge = createEchoKnowledge();
    return {
      knowledge,
      deps: {
        store: counted,
        ports: { classifier, knowledge, clock: systemClock, logger: silentLogger, thresholds: DEFAULT_NLU_THRESHOLDS },
        queue: createInProcessQueue(),
        redactor: createRedactor(),
        leaseMs: 30_000,
        maxAttempts: 3,
      },
    };
  }

  it('answers every message of 12 conversations once, each conversation in arrival order, several turns per commit', async () => {
    const ids = await conversationsWith(12, 4);
    const batchSizes: number[] = [];
    const { deps, knowledge } = depsWith(batchSizes);
    const batcher = createInboundBatcher(deps, 8);
    // Two doorbells for some conversations at once (a redelivered job): harmless.
    await Promise.all([...ids, ...ids.slice(0, 4)].map((id) => batcher.drain(id)));

    const db = t.database.db;
    const inbound = await db.select().from(messages).where(eq(messages.direction, 'in')).orderBy(asc(messages.convSeq));
    expect(inbound).toHaveLength(48);
    expect(inbound.every((m) => m.status === 'processed')).toBe(true);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(batchSizes.length).toBeLessThan(48);
    for (const id of ids) {
      const mine = inbound.filter((m) => m.conversationId === id);
      const replies = await db.select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.direction, 'out'))).orderBy(asc(messages.seq));
      // One reply per message, in the order the member wrote, and the pipeline saw them in that order.
      // (A turn may send more than one reply: the replies of a turn are together, the turns in order.)
      expect(replies.map((r) => r.replyToMessageId).filter((to, i, all) => i === 0 || all[i - 1] !== to)).toEqual(mine.map((m) => m.id));
      expect(replies.every((r) => r.status === 'queued')).toBe(true);
      const seen = knowledge.calls.filter((text) => mine.some((m) => m.text === text));
      expect(seen).toEqual(mine.map((m) => m.text).filter((text) => seen.includes(text)));
      const [conversation] = await db.select({ version: conversations.version }).from(conversations).where(eq(conversations.id, id));
      expect(conversation!.version).toBeGreaterThanOrEqual(4);
    }
  });

  it('writes a batch as the single-turn commit would: a stale turn is left pending, a done one is refused, the mood figures are equal', async () => {
    const ids = await conversationsWith(6, 1);
    const now = (day: string) => new Date(`${day}T05:00:00Z`);
    const { deps } = depsWith([]);
    // The same turns (same texts and labels) for two groups of three conversations, one turn at a time on one day and
    // as one batch on the next: the mood rollups of the two days must be equal, cell for cell.
    const one = ids.slice(0, 3);
    const batch = ids.slice(3);
    const until = new Date(Date.now() + 60_000);
    const claimed = await store.claimOldestPendingOf(ids, until, new Date());
    expect(claimed.map((p) => p.conversationId).sort()).toEqual([...ids].sort());
    // Another worker's lease is respected: nothing more to claim.
    expect(await store.claimOldestPendingOf(ids, until, new Date())).toEqual([]);
    const inputs = await store.loadTurnInputs(claimed.map((p) => p.id));
    const commitOf = async (conversationId: string, day: string): Promise<TurnCommit> => {
      const input = inputs.find((i) => i.conversation.id === conversationId)!;
      const { runTurn } = await import('../../core/pipeline/run-turn.js');
      const { turnCommitOf } = await import('../../core/processing/process-inbound.js');
      return { ...turnCommitOf(deps, input, await runTurn(input, deps.ports)), now: now(day) };
    };
    for (const id of one) expect(await store.commitTurn(await commitOf(id, '2026-11-02'))).toMatchObject({ ok: true });
    const commits = await Promise.all(batch.map((id) => commitOf(id, '2026-11-03')));
    // The second conversation moves on meanwhile (an officer's action): its turn must be computed again.
    await t.database.db.update(conversations).set({ version: sql`${conversations.version} + 1` }).where(eq(conversations.id, batch[1]!));
    const results = await store.commitTurns(commits);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'version_conflict', 'ok']);
    expect(results[0]).toMatchObject({ outboundIds: commits[0]!.replies.map(() => expect.any(String)) });
    expect(commits[0]!.replies.length).toBeGreaterThan(0);
    const stale = await t.database.db.select().from(messages).where(eq(messages.id, commits[1]!.messageId));
    expect(stale[0]).toMatchObject({ status: 'received', route: null });
    expect(await t.database.db.select().from(messages).where(eq(messages.replyToMessageId, commits[1]!.messageId))).toEqual([]);
    // Committed again (a duplicate job's outcome): refused, nothing written twice.
    expect((await store.commitTurns(commits)).map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['already_done', 'version_conflict', 'already_done']);
    // The stale one, computed again on the fresh version, goes through.
    const [fresh] = await store.loadTurnInputs([commits[1]!.messageId]);
    expect(await store.commitTurns([{ ...commits[1]!, expectedVersion: fresh!.conversation.version }])).toMatchObject([{ ok: true }]);

    const cells = async (day: string) =>
      executeRows<{ topic: string; sentiment: string; messages: number; members: number; weight: number }>(
        t.database.db,
        sql`select topic, sentiment, messages, members, round(weight::numeric, 4)::float as weight from mood_daily where day = ${day}::date order by topic, sentiment`,
      );
    const memberDays = async (day: string) =>
      executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mood_member_day where day = ${day}::date`);
    expect(await cells('2026-11-03')).toEqual(await cells('2026-11-02'));
    expect((await cells('2026-11-02')).length).toBeGreaterThan(0);
    expect(await memberDays('2026-11-03')).toEqual(await memberDays('2026-11-02'));
    const replies = await t.database.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(new Set(replies.map((r) => r.replyToMessageId)).size).toBe(6);
  });

  it('writes the turns that showed the privacy notice with the batch: notice time stamped, words withheld, guards kept (D-embedded-speed-6)', async () => {
    const ids = await conversationsWith(6, 1);
    const { deps } = depsWith([]);
    const claimed = await store.claimOldestPendingOf(ids, new Date(Date.now() + 60_000), new Date());
    const inputs = await store.loadTurnInputs(claimed.map((p) => p.id));
    const { runTurn } = await import('../../core/pipeline/run-turn.js');
    const { turnCommitOf } = await import('../../core/processing/process-inbound.js');
    const at = new Date('2026-11-04T05:00:00Z');
    // A first contact: the notice was shown and the member has not consented, so the message keeps no words.
    const commitOf = async (conversationId: string): Promise<TurnCommit> => {
      const input = inputs.find((i) => i.conversation.id === conversationId)!;
      return { ...turnCommitOf(deps, input, await runTurn(input, deps.ports)), consentAsked: true, anonymous: true, now: at };
    };
    const single = await commitOf(ids[0]!);
    expect(await store.commitTurn(single)).toMatchObject({ ok: true });
    const commits = await Promise.all(ids.slice(1).map(commitOf));
    // One conversation moves on meanwhile: its turn is refused and nothing of it is written (its member not stamped).
    await t.database.db.update(conversations).set({ version: sql`${conversations.version} + 1` }).where(eq(conversations.id, ids[2]!));
    const results = await store.commitTurns(commits);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'version_conflict', 'ok', 'ok', 'ok']);
    expect((await store.commitTurns(commits)).map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['already_done', 'version_conflict', 'already_done', 'already_done', 'already_done']);
    const written = async (conversationId: string) => {
      const [row] = await executeRows<{ asked: Date | string | null; text: string; status: string; withheld: boolean; replies: number }>(
        t.database.db,
        sql`select mb.consent_asked_at as asked, m.text, m.status, coalesce((m.meta->>'withheld')::boolean, false) as withheld,
                   (select count(*)::int from messages r where r.reply_to_message_id = m.id) as replies
            from conversations c join members mb on mb.id = c.member_id join messages m on m.conversation_id = c.id and m.direction = 'in'
            where c.id = ${conversationId}`,
      );
      return { ...row!, asked: row!.asked === null ? null : new Date(row!.asked).toISOString() };
    };
    const expected = await written(ids[0]!);
    expect(expected).toMatchObject({ asked: at.toISOString(), text: '', status: 'processed', withheld: true });
    expect(expected.replies).toBeGreaterThan(0);
    for (const id of [ids[1]!, ...ids.slice(3)]) expect(await written(id)).toEqual(expected);
    expect(await written(ids[2]!)).toMatchObject({ asked: null, status: 'received', replies: 0 });
  });

  it('handles each turn alone when a batch commit fails: the message the database refuses is set aside, the others are answered', async () => {
    const ids = await conversationsWith(4, 2);
    const poison = (await t.database.db.select().from(messages).where(eq(messages.conversationId, ids[0]!)).orderBy(asc(messages.convSeq)))[0]!;
    // A database trigger refuses to store this one message's turn (as a bug in the commit or a corrupt row would).
    await t.database.db.execute(sql.raw(`create or replace function poison_turn() returns trigger language plpgsql as $$
      begin
        if new.id = '${poison.id}' and new.status not in ('received', 'failed') then raise exception 'turn cannot be stored'; end if;
        return new;
      end $$`));
    await t.database.db.execute(sql`create trigger poison_turn before update on messages for each row execute function poison_turn()`);
    const batchSizes: number[] = [];
    const { deps } = depsWith(batchSizes);
    const batcher = createInboundBatcher(deps, 8);
    // Its job fails (the queue would retry it); the other conversations' jobs succeed.
    const settled = await Promise.allSettled(ids.map((id) => batcher.drain(id)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    // The queue's retries: the third failed attempt sets it aside, and the member's next message is answered.
    await expect(batcher.drain(ids[0]!)).rejects.toThrow();
    await batcher.drain(ids[0]!);
    const rows = await t.database.db.select().from(messages).where(eq(messages.direction, 'in'));
    expect(rows.find((m) => m.id === poison.id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(rows.filter((m) => m.id !== poison.id).map((m) => m.status)).toEqual(Array.from({ length: 7 }, () => 'processed'));
  });
});
