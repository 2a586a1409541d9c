import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { ConversationState } from '../../../core/conversations/conversation-state.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import { type Choice, type InboundContent, type OutboundContent } from '../../../core/messages/content.js';
import type { ReplyKind } from '../../../core/messages/outbound.js';
import type { TurnInput } from '../../../core/pipeline/turn.js';
import type { JoinNote } from '../../../core/ports/member-directory.js';
import type {
  CommitResult,
  InboundProcessingStore,
  OutboundDeliveryStore,
  TurnCommit,
} from '../../../core/processing/processing-store.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Citation } from '../../../core/knowledge/law.js';
import type { Db } from '../database.js';
import { conversations, members, messages, units } from '../schema/index.js';
import { isConsentState, type NoConsentKeep } from '../../../core/privacy/consent.js';
import { DEFAULT_NLU_THRESHOLDS, type NluThresholds } from '../../../core/nlu/thresholds.js';
import { executeRows } from '../execute-rows.js';
import { commitTurnIn, VersionConflict, type CommitSettings } from './turn-commit.js';
import { claimOldestPendingOf, commitTurnBatch, releaseMessages } from './turn-batch-repository.js';

export { vietnamDay } from './turn-commit.js';


async function leaseMessage(db: Db, messageId: string, status: string, until: Date, now: Date): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ leaseUntil: until })
    .where(and(eq(messages.id, messageId), eq(messages.status, status), or(isNull(messages.leaseUntil), lt(messages.leaseUntil, now))))
    .returning({ id: messages.id });
  return rows.length > 0;
}

/**
 * The oldest message of a conversation in `status`, leased in the same statement. Under concurrency the second
 * worker's update re-checks the lease on the row the first one just leased and gets nothing, as with two steps.
 */
async function claimOldest(db: Db, conversationId: string, direction: 'in' | 'out', status: string, until: Date, now: Date) {
  const order = direction === 'in' ? sql`conv_seq` : sql`seq`;
  const rows = await executeRows<{ id: string; conversation_id: string }>(db, sql`
    update messages set lease_until = ${until}
    where id = (select id from messages where conversation_id = ${conversationId} and direction = ${direction} and status = ${status} order by ${order} limit 1)
      and status = ${status} and (lease_until is null or lease_until < ${now})
    returning id, conversation_id`);
  const row = rows[0];
  return row ? { id: row.id, conversationId: row.conversation_id } : null;
}

/** Compare-and-set on the lease value this worker wrote: a lease another worker took over (or a settled message) is not touched. */
async function renewLease(db: Db, messageId: string, status: string, leasedUntil: Date, until: Date): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ leaseUntil: until })
    .where(and(eq(messages.id, messageId), eq(messages.status, status), eq(messages.leaseUntil, leasedUntil)))
    .returning({ id: messages.id });
  return rows.length > 0;
}

async function releaseMessage(db: Db, messageId: string): Promise<void> {
  await db.update(messages).set({ leaseUntil: null }).where(eq(messages.id, messageId));
}

/**
 * `moodThresholds`: below these the classification is too unsure to count in the mood figures (the bot's own thresholds).
 * `noConsentKeep`: what a turn of a member without consent keeps besides the row itself (PRIVACY_NO_CONSENT_KEEP).
 * `exclusiveConnection`: the database runs one transaction at a time (PGlite), so the turn's lock on its
 * conversation, which orders it against concurrent ingest transactions on PostgreSQL, is a statement for nothing.
 */
export function createInboundProcessingStore(
  db: Db,
  moodThresholds: Pick<NluThresholds, 'route' | 'topic'> = DEFAULT_NLU_THRESHOLDS,
  noConsentKeep: NoConsentKeep = 'none',
  options: { exclusiveConnection?: boolean } = {},
): InboundProcessingStore {
  const settings: CommitSettings = { moodThresholds, noConsentKeep, exclusiveConnection: options.exclusiveConnection === true };
  return {
    async oldestPendingInbound(conversationId) {
      const [row] = await db
        .select({ id: messages.id, conversationId: messages.conversationId })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in'), eq(messages.status, 'received')))
        .orderBy(asc(messages.convSeq))
        .limit(1);
      return row ?? null;
    },

    leaseMessage: (messageId, until, now) => leaseMessage(db, messageId, 'received', until, now),
    claimOldestPending: (conversationId, until, now) => claimOldest(db, conversationId, 'in', 'received', until, now),
    releaseMessage: (messageId) => releaseMessage(db, messageId),
    renewLease: (messageId, leasedUntil, until) => renewLease(db, messageId, 'received', leasedUntil, until),

    async recordInboundFailure(messageId, reason) {
      const [row] = await db
        .update(messages)
        .set({ attempts: sql`${messages.attempts} + 1`, lastError: reason, leaseUntil: null })
        .where(and(eq(messages.id, messageId), eq(messages.direction, 'in'), eq(messages.status, 'received')))
        .returning({ attempts: messages.attempts });
      return row?.attempts ?? 0;
    },

    async markInboundFailed(messageId, reason, now) {
      await db
        .update(messages)
        .set({ status: 'failed', lastError: reason, leaseUntil: null, processedAt: now })
        .where(and(eq(messages.id, messageId), eq(messages.direction, 'in'), eq(messages.status, 'received')));
    },

    async loadTurnInput(messageId): Promise<TurnInput> {
      const [input] = await loadTurnInputs(db, [messageId]);
      if (!input) throw new AppError('NOT_FOUND', `message ${messageId} not found`);
      return input;
    },

    loadTurnInputs: (messageIds) => loadTurnInputs(db, messageIds),

    async albumParts(conversationId, mediaGroup) {
      const rows = await executeRows<{ id: string; content: InboundContent; answered: unknown }>(
        db,
        sql`select id, content, meta->'albumParts' as answered from messages
            where conversation_id = ${conversationId} and direction = 'in' and meta->>'mediaGroup' = ${mediaGroup}
            order by seq`,
      );
      return rows.map((row) => ({ id: row.id, content: row.content, answeredParts: Array.isArray(row.answered) ? (row.answered as string[]) : null }));
    },

    async commitTurn(commit: TurnCommit): Promise<CommitResult> {
      try {
        return await db.transaction((tx) => commitTurnIn(tx, commit, settings));
      } catch (error) {
        if (error instanceof VersionConflict) return { ok: false, reason: 'version_conflict' };
        throw error;
      }
    },

    commitTurns: (commits) => commitTurnBatch(db, commits, settings),
    claimOldestPendingOf: (conversationIds, until, now) => claimOldestPendingOf(db, conversationIds, until, now),
    releaseMessages: (messageIds) => releaseMessages(db, messageIds),
  };
}

/**
 * The inputs of the turns of these messages (any order): one query for one message or a batch's (issue #12).
 */
async function loadTurnInputs(db: Db, messageIds: readonly string[]): Promise<TurnInput[]> {
  if (messageIds.length === 0) return [];
  // The conversation's last bot reply rides along as a subquery: one round trip per turn instead of two.
  const lastBotReply = sql<{ meta: Record<string, unknown>; content: unknown } | null>`(
    select jsonb_build_object('meta', b.meta, 'content', b.content) from messages b
    where b.conversation_id = ${messages.conversationId} and b.direction = 'out' and b.author = 'bot' order by b.seq desc limit 1)`;
  const rows = await db
    // Only the columns a turn reads: every column fetched is parsed in JavaScript, and on the embedded database
    // that parsing shares the one event loop (issue #12).
    .select({
      message: { id: messages.id, platformMessageId: messages.platformMessageId, content: messages.content, createdAt: messages.createdAt, meta: messages.meta },
      conversation: {
        id: conversations.id,
        channel: conversations.channel,
        state: conversations.state,
        version: conversations.version,
        lowConfidenceStreak: conversations.lowConfidenceStreak,
        assignedOfficerId: conversations.assignedOfficerId,
        memberAckAt: conversations.memberAckAt,
        echoTakeoverUntil: conversations.echoTakeoverUntil,
        moodTopic: conversations.moodTopic,
        moodCheckAt: conversations.moodCheckAt,
        moodRatedAt: conversations.moodRatedAt,
      },
      member: { id: members.id, unitId: members.unitId, unitPath: units.path, consent: members.consent, consentVersion: members.consentVersion, consentAt: members.consentAt, consentAskedAt: members.consentAskedAt },
      lastBot: lastBotReply,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(members, eq(members.id, conversations.memberId))
    .leftJoin(units, eq(units.id, members.unitId))
    .where(messageIds.length === 1 ? eq(messages.id, messageIds[0]!) : inArray(messages.id, [...messageIds]));
  return rows.map((row): TurnInput => {
    const lastBot = row.lastBot ?? undefined;
    const lastContent = lastBot?.content as OutboundContent | undefined;
    return {
      message: {
        id: row.message.id,
        platformMessageId: row.message.platformMessageId ?? '',
        content: row.message.content as InboundContent,
        receivedAt: row.message.createdAt,
        ...(row.message.meta.join ? { join: row.message.meta.join as JoinNote } : {}),
        ...(typeof row.message.meta.address === 'string' ? { address: row.message.meta.address } : {}),
        ...(typeof row.message.meta.mediaGroup === 'string' ? { mediaGroup: row.message.meta.mediaGroup } : {}),
      },
      conversation: {
        id: row.conversation.id,
        channel: row.conversation.channel as ChannelId,
        state: row.conversation.state as ConversationState,
        version: row.conversation.version,
        lowConfidenceStreak: row.conversation.lowConfidenceStreak,
        assignedOfficerId: row.conversation.assignedOfficerId,
        memberAckAt: row.conversation.memberAckAt,
        echoTakeoverUntil: row.conversation.echoTakeoverUntil,
        moodTopic: row.conversation.moodTopic,
        moodCheckAt: row.conversation.moodCheckAt,
        moodRatedAt: row.conversation.moodRatedAt,
      },
      member: {
        id: row.member.id,
        unitId: row.member.unitId,
        unitPath: row.member.unitPath,
        consent: isConsentState(row.member.consent) ? row.member.consent : 'unknown',
        consentVersion: row.member.consentVersion,
        consentAt: row.member.consentAt,
        consentAskedAt: row.member.consentAskedAt,
      },
      lastBotReply: lastBot
        ? {
            kind: (lastBot.meta.kind as ReplyKind | undefined) ?? 'system',
            choices: lastContent?.type === 'choices' ? lastContent.choices : ([] as Choice[]),
            ...(lastBot.meta.expects === 'question' || lastBot.meta.expects === 'feedback' ? { expects: lastBot.meta.expects } : {}),
          }
        : null,
    };
  });
}


/** One claimed reply with its conversation, as `claimNextOutbound` reads it (raw SQL: timestamps may be text). */
interface ClaimedOutboundRow {
  id: string;
  attempts: number;
  content: unknown;
  author: string;
  meta: Record<string, unknown>;
  conversation_id: string;
  channel: string;
  platform_user_id: string;
  thread_key: string;
  last_inbound_at: string | Date | null;
  channel_state: Record<string, unknown>;
  reply_to_platform_message_id: string | null;
  latest_inbound_platform_message_id: string | null;
}

/** `exclusiveConnection`: one transaction at a time (PGlite), so `markSent` may say whether more replies wait. */
export function createOutboundDeliveryStore(db: Db, options: { exclusiveConnection?: boolean } = {}): OutboundDeliveryStore {
  return {
    leaseMessage: (messageId, until, now) => leaseMessage(db, messageId, 'queued', until, now),
    releaseMessage: (messageId) => releaseMessage(db, messageId),
    renewLease: (messageId, leasedUntil, until) => renewLease(db, messageId, 'queued', leasedUntil, until),

    async claimNextOutbound(conversationId, until, now) {
      // The claim (as claimOldest does for inbound) and the load of what the channel needs in one statement. The
      // select reads the snapshot from before the lease, which changes nothing it returns.
      const rows = await executeRows<ClaimedOutboundRow>(db, sql`
        with claimed as (
          update messages set lease_until = ${until}
          where id = (select id from messages where conversation_id = ${conversationId} and direction = 'out' and status = 'queued' order by seq limit 1)
            and status = 'queued' and (lease_until is null or lease_until < ${now})
          returning id, conversation_id, attempts, content, author, meta, reply_to_message_id
        )
        select claimed.id, claimed.attempts, claimed.content, claimed.author, claimed.meta,
               c.id as conversation_id, c.channel, c.platform_user_id, c.thread_key, c.last_inbound_at, c.channel_state,
               (select r.platform_message_id from messages r where r.id = claimed.reply_to_message_id) as reply_to_platform_message_id,
               (select l.platform_message_id from messages l where l.conversation_id = claimed.conversation_id and l.direction = 'in'
                order by l.seq desc limit 1) as latest_inbound_platform_message_id
        from claimed join conversations c on c.id = claimed.conversation_id`);
      const row = rows[0];
      if (!row) return null;
      return {
        attempts: row.attempts,
        message: {
          id: row.id,
          conversationId: row.conversation_id,
          channel: row.channel as ChannelId,
          recipient: { platformUserId: row.platform_user_id, threadId: row.thread_key },
          content: row.content as unknown as OutboundContent,
          author: row.author as 'bot' | 'officer' | 'system',
          kind: (row.meta.kind as ReplyKind | undefined) ?? 'system',
          replyToPlatformMessageId: row.reply_to_platform_message_id ?? null,
          attempt: row.attempts + 1,
          citations: Array.isArray(row.meta.citations) ? (row.meta.citations as Citation[]) : [],
        },
        delivery: {
          now,
          lastInboundAt: row.last_inbound_at === null ? null : new Date(row.last_inbound_at),
          lastInboundPlatformMessageId: row.latest_inbound_platform_message_id ?? null,
          channelState: row.channel_state,
        },
      };
    },

    async markSent(messageId, platformMessageIds, channelState, now) {
      // One statement (atomic on its own): the message is sent and its conversation's last outbound time moves. On
      // PGlite it also says whether another reply of the conversation is queued (nothing commits unseen meanwhile).
      const state = channelState ? sql`, channel_state = ${JSON.stringify(channelState)}::jsonb` : sql``;
      const more = options.exclusiveConnection
        ? sql`returning exists (select 1 from messages q where q.conversation_id = c.id and q.direction = 'out' and q.status = 'queued'
            and q.id <> ${messageId}) as more_pending`
        : sql``;
      const rows = await executeRows<{ more_pending?: boolean }>(db, sql`
        with sent as (
          update messages set status = 'sent', sent_at = ${now}, lease_until = null, platform_message_id = ${platformMessageIds[0] ?? null},
                 meta = meta || ${JSON.stringify({ platformMessageIds })}::jsonb
          where id = ${messageId}
          returning conversation_id
        )
        update conversations c set last_outbound_at = ${now} ${state} from sent where c.id = sent.conversation_id ${more}`);
      const [row] = rows;
      return row && row.more_pending !== undefined ? { morePending: Boolean(row.more_pending) } : {};
    },

    async markFailed(messageId, code, detail, now) {
      await db
        .update(messages)
        .set({ status: 'failed', leaseUntil: null, lastError: `${code}: ${detail}`, processedAt: now })
        .where(eq(messages.id, messageId));
    },

    async markHeld(messageId, code, reason, now) {
      await db
        .update(messages)
        .set({ status: 'held', leaseUntil: null, lastError: `${code}: ${reason}`, processedAt: now })
        .where(eq(messages.id, messageId));
    },

    async recordFailedAttempt(messageId, code, detail) {
      const [row] = await db
        .update(messages)
        .set({ attempts: sql`${messages.attempts} + 1`, lastError: `${code}: ${detail}` })
        .where(eq(messages.id, messageId))
        .returning({ attempts: messages.attempts });
      return row?.attempts ?? 0;
    },
  };
}
