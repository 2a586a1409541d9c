import { and, eq, sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import { contentText, type InboundContent } from '../../../core/messages/content.js';
import type { Sender } from '../../../core/messages/inbound.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import type { JoinNote } from '../../../core/ports/member-directory.js';
import { channelIdentities, conversations, inboundDedupe, members, messages } from '../schema/index.js';
import { retryOnConflict } from '../transient-conflict.js';
import { onUnitsChanged } from '../unit-change-bus.js';
import { applyJoinCode, DEFAULT_JOIN_POLICY, intakeUnitId, type JoinPolicy } from './unit-join.js';

export interface RecordInboundInput {
  channel: ChannelId;
  platformMessageId: string;
  sender: Sender;
  content: InboundContent;
  sentAt: Date;
  receivedAt: Date;
  joinCode?: string | undefined;
  address?: string | undefined;
  /** Parts of one album share it (stored in meta.mediaGroup; the worker answers them as one message). */
  mediaGroup?: string | undefined;
}

export type RecordInboundResult =
  | { status: 'accepted'; messageId: string; conversationId: string; memberId: string }
  | { status: 'duplicate'; conversationId: string; memberId: string };

/** A batch's result for one message; `hasHeld` says the conversation has held replies to release (accepted only). */
export type BatchInboundResult = RecordInboundResult & { hasHeld?: boolean };

/** One message of a batch insert, as the statement reads it from its JSON parameter. */
interface BatchRow {
  ord: number;
  conversation_id: string;
  channel: string;
  platform_message_id: string;
  content: unknown;
  body: string;
  received_at: string;
  meta: Record<string, unknown>;
}

interface ThreadRef {
  memberId: string;
  conversationId: string;
}

export type IngestRepository = ReturnType<typeof createIngestRepository>;

/**
 * The write path of every webhook: find or create the member, their channel identity and the
 * conversation, then insert the message unique on (channel, platform message id). This is the durable
 * record that must exist before the platform gets its 200.
 */
export function createIngestRepository(db: Db, options: { cacheSize?: number; joinPolicy?: JoinPolicy } = {}) {
  const cacheSize = options.cacheSize ?? 50_000;
  const joinPolicy = options.joinPolicy ?? DEFAULT_JOIN_POLICY;
  // Resolved once per version of the units: the unit whose queue sees members without a union (their questions
  // and hand-offs). "No units yet" is remembered too (it was looked up again on every message, D-embedded-speed-5);
  // a unit import drops the answer (unit-change-bus here, the `units` knowledge version in other processes).
  let intake: Promise<string | null> | null = null;
  onUnitsChanged(db, () => {
    intake = null;
  });
  const intakeId = () =>
    (intake ??= intakeUnitId(db, joinPolicy).catch((error: unknown) => {
      // A lookup that failed (the database away) is not remembered: a kept rejection answered every new member's
      // first message 503 long after the database was back (issue #13, the fault bench's PostgreSQL cut).
      intake = null;
      throw error;
    }));
  // Member and conversation ids never change for a thread, so the hot path skips two lookups.
  const threadCache = new Map<string, ThreadRef>();

  async function resolveThread(input: RecordInboundInput): Promise<ThreadRef> {
    const key = `${input.channel}\u0000${input.sender.threadId}`;
    const cached = threadCache.get(key);
    if (cached) return cached;
    const fallbackUnitId = await intakeId();
    const ref = (await resolveInOneStatement(input, fallbackUnitId)) ?? (await resolveInTransaction(input, fallbackUnitId));
    if (threadCache.size >= cacheSize) threadCache.clear();
    threadCache.set(key, ref);
    return ref;
  }

  /**
   * A thread not in the cache, in ONE statement (D-embedded-speed-6): find the identity or create the member and
   * identity, then find or create the conversation. Half the messages of a campaign are first contacts, and the
   * transaction below costs eight round trips each (BEGIN, six statements, COMMIT) — on the embedded database each
   * is CPU on the event loop. Rows a concurrent request inserted after this statement's snapshot are invisible to
   * it, so a lost race (the identity or the thread created meanwhile: `on conflict do nothing` skipped ours) returns
   * null, after dropping the member this statement created for nothing; the transaction then resolves the thread
   * as before and finds the winner's rows.
   */
  async function resolveInOneStatement(input: RecordInboundInput, fallbackUnitId: string | null): Promise<ThreadRef | null> {
    const profile = input.sender.displayName ? { displayName: input.sender.displayName } : {};
    const [row] = await executeRows<{ member_id: string | null; conversation_id: string | null; orphan_id: string | null }>(db, sql`
      with known as (
        select member_id from channel_identities where channel = ${input.channel} and platform_user_id = ${input.sender.platformUserId} limit 1
      ),
      new_member as (
        insert into members (display_name) select ${input.sender.displayName ?? null}::text where not exists (select 1 from known)
        returning id
      ),
      new_identity as (
        insert into channel_identities (member_id, channel, platform_user_id, profile)
        select id, ${input.channel}, ${input.sender.platformUserId}, ${JSON.stringify(profile)}::jsonb from new_member
        on conflict do nothing
        returning member_id
      ),
      member as (
        -- A member created here has no union yet (and its row is not visible to this statement): the intake unit.
        select member_id, (select unit_id from members where id = known.member_id) as unit_id from known
        union all
        select member_id, null::uuid as unit_id from new_identity
      ),
      existing_thread as (
        select id from conversations where channel = ${input.channel} and thread_key = ${input.sender.threadId}
      ),
      new_thread as (
        -- Members without a union are seen by the intake unit until they name theirs (issue #15, finding 4).
        insert into conversations (member_id, channel, thread_key, platform_user_id, unit_id)
        select member_id, ${input.channel}, ${input.sender.threadId}, ${input.sender.platformUserId}, coalesce(unit_id, ${fallbackUnitId}::uuid)
        from member where not exists (select 1 from existing_thread)
        on conflict do nothing
        returning id
      )
      select (select member_id from member) as member_id,
             coalesce((select id from existing_thread), (select id from new_thread)) as conversation_id,
             (select id from new_member where not exists (select 1 from new_identity)) as orphan_id`);
    if (row?.orphan_id) await db.delete(members).where(eq(members.id, row.orphan_id));
    return row?.member_id && row.conversation_id ? { memberId: row.member_id, conversationId: row.conversation_id } : null;
  }

  /** The same as a transaction of several statements: after a lost race, it sees the rows the winner committed. */
  async function resolveInTransaction(input: RecordInboundInput, fallbackUnitId: string | null): Promise<ThreadRef> {
    return db.transaction(async (tx) => {
      const memberId = await findOrCreateMember(tx as unknown as Db, input);
      const [member] = await tx.select({ unitId: members.unitId }).from(members).where(eq(members.id, memberId));
      // Members without a union are seen by the intake unit until they name theirs (issue #15, finding 4).
      await tx
        .insert(conversations)
        .values({ memberId, channel: input.channel, threadKey: input.sender.threadId, platformUserId: input.sender.platformUserId, unitId: member?.unitId ?? fallbackUnitId })
        .onConflictDoNothing();
      const [conversation] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.channel, input.channel), eq(conversations.threadKey, input.sender.threadId)));
      return { memberId, conversationId: (conversation as { id: string }).id };
    });
  }

  /**
   * One statement: bump the conversation's sequence (its row lock orders concurrent inserts of the same
   * conversation, so commit order equals sequence order), claim the platform id in `inbound_dedupe` and insert the
   * message only when the claim is new (D-scale-6: the dedupe outlives the month partitions). Returns the new
   * message id, or null for a duplicate (or a conversation that no longer exists).
   */
  async function insertMessage(ref: ThreadRef, input: RecordInboundInput, join?: JoinNote): Promise<string | null> {
    const rows = await executeRows<{ id: string }>(db, sql`
      with seq as (
        update conversations set inbound_seq = inbound_seq + 1, last_inbound_at = ${input.receivedAt}, updated_at = ${input.receivedAt}
        where id = ${ref.conversationId} returning inbound_seq
      ),
      claimed as (
        insert into inbound_dedupe (channel, platform_message_id, message_id, message_created_at, conversation_id)
        select ${input.channel}, ${input.platformMessageId}, gen_random_uuid(), ${input.receivedAt}, ${ref.conversationId} from seq
        on conflict do nothing
        returning message_id, message_created_at
      )
      insert into messages (id, conversation_id, conv_seq, direction, channel, platform_message_id, author, content, text, status, created_at, meta)
      select claimed.message_id, ${ref.conversationId}, seq.inbound_seq, 'in', ${input.channel}, ${input.platformMessageId}, 'member',
             ${JSON.stringify(input.content)}::jsonb, ${contentText(input.content)}, 'received', claimed.message_created_at,
             ${JSON.stringify(messageMeta(input, join))}::jsonb
      from seq, claimed
      returning id`);
    return rows[0]?.id ?? null;
  }

  async function conversationExists(conversationId: string): Promise<boolean> {
    const rows = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, conversationId)).limit(1);
    return rows.length > 0;
  }

  /**
   * The stored copy of a delivery, read without taking any lock. Checked before `insertMessage` locks the
   * conversation: a worker committing that very message holds its row and then wants the conversation, so a
   * duplicate that took the conversation first and then waited on the message's unique key made a deadlock
   * (issue #13: redeliveries while the first copy was being answered got 500 on PostgreSQL).
   */
  async function storedCopy(input: RecordInboundInput): Promise<string | null> {
    const [row] = await db
      .select({ conversationId: inboundDedupe.conversationId })
      .from(inboundDedupe)
      .where(and(eq(inboundDedupe.channel, input.channel), eq(inboundDedupe.platformMessageId, input.platformMessageId)))
      .limit(1);
    return row?.conversationId ?? null;
  }

  async function recordOnce(input: RecordInboundInput): Promise<RecordInboundResult> {
    const ref = await resolveThread(input);
    const known = await storedCopy(input);
    if (known) return { status: 'duplicate', conversationId: known, memberId: ref.memberId };
    // Only a new message applies the link's code (and carries the note saying what became of it).
    const join = input.joinCode ? await applyJoinCode(db, ref.memberId, input.joinCode, joinPolicy, input.receivedAt) : undefined;
    const id = await insertMessage(ref, input, join);
    if (id) return { status: 'accepted', messageId: id, conversationId: ref.conversationId, memberId: ref.memberId };
    if (await conversationExists(ref.conversationId)) return { status: 'duplicate', conversationId: ref.conversationId, memberId: ref.memberId };
    // The cached conversation is gone (the member's data was erased, possibly by another process): resolve again.
    threadCache.delete(`${input.channel}\u0000${input.sender.threadId}`);
    const fresh = await resolveThread(input);
    const retried = await insertMessage(fresh, input, join);
    return retried
      ? { status: 'accepted', messageId: retried, conversationId: fresh.conversationId, memberId: fresh.memberId }
      : { status: 'duplicate', conversationId: fresh.conversationId, memberId: fresh.memberId };
  }

  function messageMeta(input: RecordInboundInput, join?: JoinNote): Record<string, unknown> {
    return { sentAt: input.sentAt.toISOString(), ...(join ? { join } : {}), ...(input.address ? { address: input.address } : {}), ...(input.mediaGroup ? { mediaGroup: input.mediaGroup } : {}) };
  }

  /**
   * Many new messages in ONE statement (its own transaction, committed when it returns: one round trip on the
   * acknowledgement path instead of BEGIN, lock, insert, COMMIT): messages already stored are left out, the
   * conversations are locked in id order (two batches touching the same conversations cannot deadlock each other),
   * each conversation's sequence moves once by its count, and one INSERT stores them all, in arrival order within
   * each conversation. Returns the inserted rows and whether their conversation has held replies (so the caller
   * skips that probe when there are none, the common case); a row not returned was stored by someone else.
   */
  async function insertBatch(rows: BatchRow[]) {
    const payload = JSON.stringify(rows);
    return executeRows<{ id: string; channel: string; platform_message_id: string; conversation_id: string; has_held: boolean }>(db, sql`
      with input as (
        select * from jsonb_to_recordset(${payload}::jsonb)
          as x(ord int, conversation_id uuid, channel text, platform_message_id text, content jsonb, body text, received_at timestamptz, meta jsonb)
      ),
      fresh as (
        -- A probe of the dedupe key per message (the LIMIT keeps it one): as an anti-join the planner hashed the
        -- whole dedupe table for a batch of a dozen (8 ms at 13,000 rows, and growing with it).
        select i.* from input i
        left join lateral (
          select 1 as stored from inbound_dedupe d where d.channel = i.channel and d.platform_message_id = i.platform_message_id limit 1
        ) known on true
        where known.stored is null
      ),
      locked as (
        select c.id from conversations c
        where c.id = any ((select array_agg(distinct conversation_id) from fresh)::uuid[])
        order by c.id for no key update
      ),
      counts as (
        select f.conversation_id, count(*)::int as n, max(f.received_at) as at
        from fresh f join locked l on l.id = f.conversation_id group by f.conversation_id
      ),
      seq as (
        update conversations c set inbound_seq = c.inbound_seq + counts.n, last_inbound_at = counts.at, updated_at = counts.at
        from counts where c.id = counts.conversation_id
        returning c.id, c.inbound_seq
      ),
      numbered as (
        select f.*, seq.inbound_seq - counts.n + row_number() over (partition by f.conversation_id order by f.ord) as conv_seq
        from fresh f join counts on counts.conversation_id = f.conversation_id join seq on seq.id = f.conversation_id
      ),
      claimed as (
        insert into inbound_dedupe (channel, platform_message_id, message_id, message_created_at, conversation_id)
        select channel, platform_message_id, gen_random_uuid(), received_at, conversation_id from numbered
        on conflict do nothing
        returning channel, platform_message_id, message_id
      ),
      inserted as (
        insert into messages (id, conversation_id, conv_seq, direction, channel, platform_message_id, author, content, text, status, created_at, meta)
        select c.message_id, n.conversation_id, n.conv_seq, 'in', n.channel, n.platform_message_id, 'member', n.content, n.body, 'received', n.received_at, n.meta
        from numbered n join claimed c on c.channel = n.channel and c.platform_message_id = n.platform_message_id
        order by n.ord
        returning id, channel, platform_message_id, conversation_id
      )
      select inserted.*, exists (
        select 1 from messages h where h.conversation_id = inserted.conversation_id and h.direction = 'out' and h.status = 'held'
      ) as has_held
      from inserted`);
  }

  async function recordBatchOnce(inputs: readonly RecordInboundInput[]): Promise<BatchInboundResult[]> {
    const results: (BatchInboundResult | undefined)[] = new Array(inputs.length);
    const refs: ThreadRef[] = [];
    // One by one: mostly cache hits; a new member's first messages must not race to create them twice.
    for (const input of inputs) refs.push(await retryOnConflict(() => resolveThread(input)));
    // Copies already stored (a platform's redelivery, rare) are not looked up first: the batch statement leaves them
    // out, and the one-message path below says "duplicate" for each.
    const rows: BatchRow[] = [];
    const firstOfKey = new Map<string, number>();
    const single: number[] = [];
    inputs.forEach((input, ord) => {
      const ref = refs[ord] as ThreadRef;
      const key = `${input.channel}\u0000${input.platformMessageId}`;
      if (firstOfKey.has(key)) {
        // The same delivery twice in one batch (a platform retrying while the first copy waits): stored once.
        results[ord] = { status: 'duplicate', conversationId: ref.conversationId, memberId: ref.memberId };
      } else if (input.joinCode) {
        firstOfKey.set(key, ord);
        single.push(ord); // a join link's code changes the member first: the one-message path does that
      } else {
        firstOfKey.set(key, ord);
        rows.push({
          ord,
          conversation_id: ref.conversationId,
          channel: input.channel,
          platform_message_id: input.platformMessageId,
          content: input.content,
          body: contentText(input.content),
          received_at: input.receivedAt.toISOString(),
          meta: messageMeta(input),
        });
      }
    });
    if (rows.length > 0) {
      const inserted = new Map((await retryOnConflict(() => insertBatch(rows))).map((row) => [`${row.channel}\u0000${row.platform_message_id}`, row]));
      for (const row of rows) {
        const ref = refs[row.ord] as ThreadRef;
        const hit = inserted.get(`${row.channel}\u0000${row.platform_message_id}`);
        if (hit) {
          results[row.ord] = { status: 'accepted', messageId: hit.id, conversationId: hit.conversation_id, memberId: ref.memberId, hasHeld: hit.has_held };
        } else {
          // Not inserted: stored before (a redelivery), by another process meanwhile, or the conversation was
          // erased: the one-message path tells which (and resolves the thread again).
          single.push(row.ord);
        }
      }
    }
    for (const ord of single.sort((a, b) => a - b)) results[ord] = await retryOnConflict(() => recordOnce(inputs[ord] as RecordInboundInput));
    // Later copies inside the batch answer like the first copy did.
    inputs.forEach((input, ord) => {
      const first = firstOfKey.get(`${input.channel}\u0000${input.platformMessageId}`);
      const firstResult = first === undefined ? undefined : results[first];
      if (first !== undefined && first !== ord && firstResult) results[ord] = { status: 'duplicate', conversationId: firstResult.conversationId, memberId: firstResult.memberId };
    });
    return results as BatchInboundResult[];
  }

  return {
    /**
     * The messages of concurrent requests in one transaction (issue #12 item 1: a commit per batch, not per
     * message), with the same guarantees as `recordInbound`: durable when this resolves, stored once per platform
     * id inside the batch and across batches. Each step that can meet another process is retried on its own (a
     * retry of the whole would call the batch's own committed rows duplicates); the insert is all-or-nothing, so a
     * crash before its commit stores none of the batch.
     */
    recordInboundBatch(inputs: readonly RecordInboundInput[]): Promise<BatchInboundResult[]> {
      return recordBatchOnce(inputs);
    },

    /**
     * Idempotent under any concurrency: simultaneous copies of one delivery store it once and all get an
     * answer. A deadlock, serialization failure or unique race (another process, another lock order) is
     * retried; every attempt is its own statements, and the retry sees the winner's row as a duplicate.
     */
    recordInbound(input: RecordInboundInput): Promise<RecordInboundResult> {
      return retryOnConflict(() => recordOnce(input));
    },

    /**
     * A bot notice to the sender of `input` (flood limit), stored as a queued outbound message of their
     * conversation; the caller enqueues its send. The conversation is created if this is the first contact.
     */
    async recordNotice(input: RecordInboundInput, text: string): Promise<{ messageId: string; conversationId: string }> {
      const ref = await resolveThread(input);
      const [row] = await db
        .insert(messages)
        .values({ conversationId: ref.conversationId, direction: 'out', channel: input.channel, author: 'bot', content: { type: 'text', text }, text, status: 'queued', meta: { kind: 'system', notice: 'flood' } })
        .returning({ id: messages.id });
      return { messageId: (row as { id: string }).id, conversationId: ref.conversationId };
    },

    /** Forget cached thread ids (after a member is erased or merged). */
    forgetThreads(): void {
      threadCache.clear();
    },
  };
}

async function findOrCreateMember(db: Db, input: RecordInboundInput): Promise<string> {
  const where = and(eq(channelIdentities.channel, input.channel), eq(channelIdentities.platformUserId, input.sender.platformUserId));
  const [existing] = await db.select({ memberId: channelIdentities.memberId }).from(channelIdentities).where(where).limit(1);
  if (existing) return existing.memberId;
  const [member] = await db.insert(members).values({ displayName: input.sender.displayName ?? null }).returning({ id: members.id });
  const memberId = (member as { id: string }).id;
  const inserted = await db
    .insert(channelIdentities)
    .values({ memberId, channel: input.channel, platformUserId: input.sender.platformUserId, profile: input.sender.displayName ? { displayName: input.sender.displayName } : {} })
    .onConflictDoNothing()
    .returning({ id: channelIdentities.id });
  if (inserted.length > 0) return memberId;
  // Another request created the identity first: use theirs and drop ours.
  await db.delete(members).where(eq(members.id, memberId));
  const [winner] = await db.select({ memberId: channelIdentities.memberId }).from(channelIdentities).where(where).limit(1);
  return (winner as { memberId: string }).memberId;
}
