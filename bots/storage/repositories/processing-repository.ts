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
  PendingOutbound,
  TurnCommit,
} from '../../../core/processing/processing-store.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Db } from '../database.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import { conversations, members, messages, units } from '../schema/index.js';
import { isConsentState, type NoConsentKeep } from '../../../core/privacy/consent.js';
import { DEFAULT_NLU_THRESHOLDS, type NluThresholds } from '../../../core/nlu/thresholds.js';
import { executeRows } from '../execute-rows.js';
import { commitTurnIn, VersionConflict, type CommitSettings } from './turn-commit.js';
import { claimOldestPendingOf, commitTurnBatch, releaseMessages } from './turn-batch-repository.js';
import { claimNextOutboundOf, markSentBatch, type SentMark } from './outbound-batch-repository.js';
import { createMicroBatcher } from '../../ingest/micro-batcher.js';

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
 * `pseudonyms`: what the mood rows carry instead of the member's id (D-privacy-6).
 * `moodThresholds`: below these the classification is too unsure to count in the mood figures (the bot's own thresholds).
 * `noConsentKeep`: what a turn of a member without consent keeps besides the row itself (PRIVACY_NO_CONSENT_KEEP).
 * `exclusiveConnection`: the database runs one transaction at a time (PGlite), so the turn's lock on its
 * conversation, which orders it against concurrent ingest transactions on PostgreSQL, is a statement for nothing.
 */
export function createInboundProcessingStore(
  db: Db,
  options: { pseudonyms: MemberPseudonyms; moodThresholds?: Pick<NluThresholds, 'route' | 'topic'>; noConsentKeep?: NoConsentKeep; exclusiveConnection?: boolean },
): InboundProcessingStore {
  const settings: CommitSettings = {
    moodThresholds: options.moodThresholds ?? DEFAULT_NLU_THRESHOLDS,
    pseudonyms: options.pseudonyms,
    noConsentKeep: options.noConsentKeep ?? 'none',
    exclusiveConnection: options.exclusiveConnection === true,
  };
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
  // When the union question was asked: the unit-name search reads it, and a statement of its own per turn cost as
  // much as the whole batch's claim (issue #12, D-embedded-speed-6). Keyed by member (one row at most).
  const unitPromptAskedAt = sql<string | Date | null>`(
    select p.unit_code_asked_at from channel_member_prompts p where p.member_id = ${members.id})`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value)));
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
      member: { id: members.id, unitId: members.unitId, unitPath: units.path, consent: members.consent, consentVersion: members.consentVersion, consentAt: members.consentAt, consentAskedAt: members.consentAskedAt, unitPromptAskedAt },
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
        unitPromptAskedAt: row.member.unitPromptAskedAt,
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


/**
 * `exclusiveConnection`: one transaction at a time (PGlite), so `markSent` may say whether more replies wait.
 * `batched`: the claims and the sent marks of concurrent deliveries (other conversations' drains) are grouped, each
 * group in one statement (D-embedded-speed-4): the embedded database, where every statement costs CPU on this event
 * loop. A group waits for the one before it (PGlite runs one at a time anyway) and gathers meanwhile.
 */
export function createOutboundDeliveryStore(db: Db, options: { exclusiveConnection?: boolean; batched?: boolean } = {}): OutboundDeliveryStore {
  const exclusive = options.exclusiveConnection === true;
  const claims = createMicroBatcher<ClaimRequest, PendingOutbound | null>({ run: (requests) => claimGroup(db, requests), maxBatch: 64, maxWaitMs: 0, maxInFlight: 1 });
  const marks = createMicroBatcher<SentMark, { morePending?: boolean }>({ run: (group) => markGroup(db, group, exclusive), maxBatch: 64, maxWaitMs: 0, maxInFlight: 1 });
  return {
    leaseMessage: (messageId, until, now) => leaseMessage(db, messageId, 'queued', until, now),
    releaseMessage: (messageId) => releaseMessage(db, messageId),
    renewLease: (messageId, leasedUntil, until) => renewLease(db, messageId, 'queued', leasedUntil, until),

    async claimNextOutbound(conversationId, until, now) {
      if (options.batched) return claims.submit({ conversationId, until, now });
      return (await claimNextOutboundOf(db, [conversationId], until, now)).get(conversationId) ?? null;
    },

    async markSent(messageId, platformMessageIds, channelState, now) {
      const mark = { messageId, platformMessageIds, channelState, now };
      if (options.batched) return marks.submit(mark);
      const [result] = await markSentBatch(db, [mark], exclusive);
      return result ?? {};
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

interface ClaimRequest {
  conversationId: string;
  until: Date;
  now: Date;
}

/**
 * One claim statement for a group of drains. Each request keeps its own `now` (its delivery context's clock); the
 * statement leases with the first request's `until` and `now` (they were made within a few milliseconds). A
 * conversation asked twice in one group is claimed once: the second asker gets nothing, as it would have found the
 * reply leased, and the first one drains the conversation.
 */
async function claimGroup(db: Db, requests: readonly ClaimRequest[]): Promise<PromiseSettledResult<PendingOutbound | null>[]> {
  const [first] = requests;
  if (!first) return [];
  const ids = [...new Set(requests.map((request) => request.conversationId))];
  let claimed: Map<string, PendingOutbound>;
  try {
    claimed = await claimNextOutboundOf(db, ids, first.until, first.now);
  } catch (error) {
    return requests.map(() => ({ status: 'rejected', reason: error }) as const);
  }
  const served = new Set<string>();
  return requests.map((request) => {
    const pending = served.has(request.conversationId) ? undefined : claimed.get(request.conversationId);
    served.add(request.conversationId);
    return { status: 'fulfilled', value: pending ? { ...pending, leasedUntil: first.until, delivery: { ...pending.delivery, now: request.now } } : null } as const;
  });
}

/**
 * One sent-mark statement for a group (a message at most once per statement: an update may not change a row twice;
 * a repeated mark goes in the next one; one conversation never has two replies in flight, its drain holds the
 * lease). When the statement fails, each mark is written alone, so one reply the database refuses fails only its
 * own delivery.
 */
async function markGroup(db: Db, group: readonly SentMark[], exclusive: boolean): Promise<PromiseSettledResult<{ morePending?: boolean }>[]> {
  const results = new Array<PromiseSettledResult<{ morePending?: boolean }>>(group.length);
  let rest = group.map((mark, index) => ({ mark, index }));
  while (rest.length > 0) {
    const seen = new Set<string>();
    const batch: typeof rest = [];
    const later: typeof rest = [];
    for (const item of rest) {
      (seen.has(item.mark.messageId) ? later : batch).push(item);
      seen.add(item.mark.messageId);
    }
    try {
      const written = await markSentBatch(db, batch.map((item) => item.mark), exclusive);
      batch.forEach((item, i) => (results[item.index] = { status: 'fulfilled', value: written[i] ?? {} }));
    } catch {
      for (const item of batch) {
        try {
          results[item.index] = { status: 'fulfilled', value: (await markSentBatch(db, [item.mark], exclusive))[0] ?? {} };
        } catch (error) {
          results[item.index] = { status: 'rejected', reason: error };
        }
      }
    }
    rest = later;
  }
  return results;
}
