import { and, eq, sql } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import { contentText, type InboundContent } from '../../../core/messages/content.js';
import type { Sender } from '../../../core/messages/inbound.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import type { JoinNote } from '../../../core/ports/member-directory.js';
import { channelIdentities, conversations, members, messages } from '../schema/index.js';
import { retryOnConflict } from '../transient-conflict.js';
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
}

export type RecordInboundResult =
  | { status: 'accepted'; messageId: string; conversationId: string; memberId: string }
  | { status: 'duplicate'; conversationId: string; memberId: string };

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
  // Resolved once: the unit whose queue sees members without a union (their questions and hand-offs).
  let intake: Promise<string | null> | null = null;
  const intakeId = () => (intake ??= intakeUnitId(db, joinPolicy).then((id) => {
    if (!id) intake = null; // no units yet (an empty database): look again next time
    return id;
  }));
  // Member and conversation ids never change for a thread, so the hot path skips two lookups.
  const threadCache = new Map<string, ThreadRef>();

  async function resolveThread(input: RecordInboundInput): Promise<ThreadRef> {
    const key = `${input.channel}\u0000${input.sender.threadId}`;
    const cached = threadCache.get(key);
    if (cached) return cached;
    const fallbackUnitId = await intakeId();
    const ref = await db.transaction(async (tx) => {
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
    if (threadCache.size >= cacheSize) threadCache.clear();
    threadCache.set(key, ref);
    return ref;
  }

  /**
   * One statement: bump the conversation's sequence (its row lock orders concurrent inserts of the same
   * conversation, so commit order equals sequence order) and insert unless the platform id is known.
   * Returns the new message id, or null for a duplicate (or a conversation that no longer exists).
   */
  async function insertMessage(ref: ThreadRef, input: RecordInboundInput, join?: JoinNote): Promise<string | null> {
    const rows = await executeRows<{ id: string }>(db, sql`
      with seq as (
        update conversations set inbound_seq = inbound_seq + 1, last_inbound_at = ${input.receivedAt}, updated_at = ${input.receivedAt}
        where id = ${ref.conversationId} returning inbound_seq
      )
      insert into messages (conversation_id, conv_seq, direction, channel, platform_message_id, author, content, text, status, created_at, meta)
      select ${ref.conversationId}, seq.inbound_seq, 'in', ${input.channel}, ${input.platformMessageId}, 'member',
             ${JSON.stringify(input.content)}::jsonb, ${contentText(input.content)}, 'received', ${input.receivedAt},
             ${JSON.stringify({ sentAt: input.sentAt.toISOString(), ...(join ? { join } : {}), ...(input.address ? { address: input.address } : {}) })}::jsonb
      from seq
      on conflict (channel, platform_message_id) where direction = 'in' do nothing
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
      .select({ conversationId: messages.conversationId })
      .from(messages)
      .where(and(eq(messages.channel, input.channel), eq(messages.platformMessageId, input.platformMessageId), eq(messages.direction, 'in')))
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

  return {
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
