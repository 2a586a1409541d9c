import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ConversationState } from '../../../core/conversations/conversation-state.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import { contentText, type Choice, type InboundContent, type OutboundContent } from '../../../core/messages/content.js';
import type { ReplyKind } from '../../../core/messages/outbound.js';
import type { TurnInput } from '../../../core/pipeline/turn.js';
import type { JoinNote } from '../../../core/ports/member-directory.js';
import type {
  CommitResult,
  CommittedHandoff,
  InboundProcessingStore,
  OutboundDeliveryStore,
  TurnCommit,
} from '../../../core/processing/processing-store.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Citation } from '../../../core/knowledge/law.js';
import type { Db } from '../database.js';
import { channelIdentities, conversations, members, messages, unansweredQuestions, units } from '../schema/index.js';
import { isConsentState, type NoConsentKeep } from '../../../core/privacy/consent.js';
import { moodCaptureOf, type MoodCapture } from '../../../core/mood/mood-rules.js';
import { DEFAULT_NLU_THRESHOLDS, type NluThresholds } from '../../../core/nlu/thresholds.js';
import { recordMood } from './mood-repository.js';
import { executeRows } from '../execute-rows.js';


class VersionConflict extends Error {}

/** Vietnam's calendar day of an instant: dashboards count days in Vietnam, whatever the server's timezone. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

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

async function releaseMessage(db: Db, messageId: string): Promise<void> {
  await db.update(messages).set({ leaseUntil: null }).where(eq(messages.id, messageId));
}

/**
 * The mood check's bookkeeping on the conversation (D-mood-8): a check sent now is remembered (and the pending concern
 * cleared), an answer is remembered (it counts once), and a counted concern makes a later check possible.
 */
function moodCheckFields(commit: TurnCommit, capture: MoodCapture | null): PgUpdateSetSource<typeof conversations> {
  if (commit.replies.some((reply) => reply.kind === 'mood_check')) return { moodCheckAt: commit.now, moodTopic: null };
  if (typeof commit.notes.moodRating === 'number') return { moodRatedAt: commit.now };
  if (capture?.kind === 'counted') return { moodTopic: capture.topic };
  return {};
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
      // The conversation's last bot reply rides along as a subquery: one round trip per turn instead of two.
      const lastBotReply = sql<{ meta: Record<string, unknown>; content: unknown } | null>`(
        select jsonb_build_object('meta', b.meta, 'content', b.content) from messages b
        where b.conversation_id = ${messages.conversationId} and b.direction = 'out' and b.author = 'bot' order by b.seq desc limit 1)`;
      const [row] = await db
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
        .where(eq(messages.id, messageId));
      if (!row) throw new AppError('NOT_FOUND', `message ${messageId} not found`);
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
    },

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
        return await db.transaction(async (tx) => {
          // Lock order: the conversation, then its messages, as the ingest path does (it bumps the conversation's
          // sequence before its insert checks the unique platform id); the other order deadlocked with redeliveries.
          if (!options.exclusiveConnection) {
            await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, commit.conversationId)).for('no key update');
          }
          // A member without consent: the turn was answered, but its words (and, unless kept, its labels) are not.
          const keepLabels = !commit.anonymous || noConsentKeep === 'labels';
          const nlu = keepLabels ? commit.nlu : null;
          const done = await tx
            .update(messages)
            .set({
              ...(commit.anonymous ? { text: '', content: { type: 'text', text: '' } } : {}),
              status: commit.messageStatus,
              processedAt: commit.now,
              leaseUntil: null,
              route: nlu?.route ?? null,
              topic: nlu?.topic ?? null,
              sentiment: nlu?.sentiment ?? null,
              routeConfidence: nlu?.confidence.route ?? null,
              topicConfidence: nlu?.confidence.topic ?? null,
              sentimentConfidence: nlu?.confidence.sentiment ?? null,
              nluModel: nlu?.model ?? null,
              meta: sql`${commit.anonymous ? sql`(${messages.meta} - 'address')` : messages.meta} || ${JSON.stringify({ ...commit.notes, ...(commit.anonymous ? { withheld: true } : {}), flags: nlu?.flags ?? [], entities: nlu?.entities.map((e) => ({ type: e.type, value: personalValue(e.type) ? null : e.value })) ?? [] })}::jsonb`,
            })
            .where(and(eq(messages.id, commit.messageId), eq(messages.status, 'received')))
            .returning({ id: messages.id, channel: messages.channel });
          if (done.length === 0) return { ok: false, reason: 'already_done' } as const;
          const state = commit.newState;
          const capture = nlu && !commit.anonymous ? moodCaptureOf(nlu, moodThresholds) : null;
          const [conversation] = await tx
            .update(conversations)
            .set({
              version: sql`${conversations.version} + 1`,
              lowConfidenceStreak: commit.lowConfidenceStreak,
              updatedAt: commit.now,
              ...(state ? { state, closedAt: state === 'closed' ? commit.now : null } : {}),
              ...(commit.replies.length > 0 ? { lastOutboundAt: commit.now } : {}),
              ...handoffFields(commit),
              ...(commit.memberAcked ? { memberAckAt: commit.now } : {}),
              ...(state === 'bot' ? BACK_WITH_THE_BOT : {}),
              ...moodCheckFields(commit, capture),
            })
            .where(and(eq(conversations.id, commit.conversationId), eq(conversations.version, commit.expectedVersion)))
            .returning({
              unitId: conversations.unitId,
              channel: conversations.channel,
              memberId: conversations.memberId,
              state: conversations.state,
              urgent: conversations.urgent,
              assignedOfficerId: conversations.assignedOfficerId,
              queueUnitId: conversations.queueUnitId,
              ...(options.exclusiveConnection
                ? {
                    morePending: sql<boolean>`exists (select 1 from messages p where p.conversation_id = ${commit.conversationId}
                      and p.direction = 'in' and p.status = 'received' and p.id <> ${commit.messageId})`,
                  }
                : {}),
            });
          if (!conversation) throw new VersionConflict();
          const pendingHint = 'morePending' in conversation ? { morePending: Boolean(conversation.morePending) } : {};
          // All the turn's replies in one INSERT; their ids (and serial seq, the sending order) follow the list's order.
          const outboundIds: string[] =
            commit.replies.length === 0
              ? []
              : (
                  await tx
                    .insert(messages)
                    .values(
                      commit.replies.map((reply) => ({
                        conversationId: commit.conversationId,
                        direction: 'out',
                        channel: conversation.channel,
                        author: 'bot',
                        content: reply.content as unknown as Record<string, unknown>,
                        text: contentText(reply.content),
                        status: 'queued',
                        replyToMessageId: commit.messageId,
                        meta: { kind: reply.kind, citations: reply.citations ?? [], ...(reply.expects ? { expects: reply.expects } : {}) },
                        createdAt: commit.now,
                      })),
                    )
                    .returning({ id: messages.id, seq: messages.seq })
                ).sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => row.id);
          if (commit.learning) {
            await tx
              .insert(unansweredQuestions)
              .values({
                messageId: commit.messageId,
                conversationId: commit.conversationId,
                unitId: conversation.unitId,
                text: commit.learning.text,
                route: nlu?.route ?? null,
                topic: nlu?.topic ?? null,
                confidence: nlu?.confidence.route ?? null,
                reason: commit.learning.reason,
              })
              .onConflictDoNothing();
          }
          await recordConsent(tx, conversation.memberId, commit);
          if (capture) {
            // The mood rollups move in the same transaction as the message: never double-counted, never lost.
            await recordMood(tx, { day: vietnamDay(commit.now), unitId: conversation.unitId, memberId: conversation.memberId, channel: conversation.channel, capture });
          }
          if (!commit.handoff) return { ok: true, outboundIds, ...pendingHint } as const;
          const [queueUnit] = conversation.queueUnitId
            ? await tx.select({ code: units.code, path: units.path }).from(units).where(eq(units.id, conversation.queueUnitId))
            : [];
          const handoff: CommittedHandoff = {
            state: conversation.state as ConversationState,
            urgent: conversation.urgent,
            fresh: commit.newState === 'waiting_officer',
            assignedOfficerId: conversation.assignedOfficerId,
            queueUnitId: conversation.queueUnitId,
            queueUnitCode: queueUnit?.code ?? null,
            queueUnitPath: queueUnit?.path ?? null,
          };
          return { ok: true, outboundIds, handoff, ...pendingHint } as const;
        });
      } catch (error) {
        if (error instanceof VersionConflict) return { ok: false, reason: 'version_conflict' };
        throw error;
      }
    },
  };
}

/**
 * The queue fields a hand-off sets. A fresh one (bot → waiting) starts the queue in the member's unit (or the
 * conversation's unit when the member has none); its confirmation is the member's first acknowledgement.
 * An urgent request on a conversation already waiting or held only marks it urgent. sla_due_at belongs to
 * the inbox's SLA code, which reads handed_off_at and urgent.
 */
/**
 * Back with the bot (the member said "quay lại trợ lý", a page admin's hold ended, a closed thread reopened):
 * out of every queue and away from any officer. handed_off_at and claimed_at stay as the record of the last
 * hand-off (the expected-wait figure reads them); the next hand-off overwrites them.
 */
const BACK_WITH_THE_BOT = {
  urgent: false,
  queueUnitId: null,
  slaDueAt: null,
  escalationLevel: 0,
  overdue: false,
  assignedOfficerId: null,
  memberAckAt: null,
  echoTakeoverUntil: null,
} as const;

function handoffFields(commit: TurnCommit): PgUpdateSetSource<typeof conversations> {
  const handoff = commit.handoff;
  if (!handoff) return {};
  const queueUnit = handoff.queueUnitId ?? sql`${conversations.unitId}`;
  if (commit.newState === 'waiting_officer') {
    return {
      urgent: handoff.urgent,
      handedOffAt: commit.now,
      queueUnitId: queueUnit,
      escalationLevel: 0,
      overdue: false,
      claimedAt: null,
      memberAckAt: commit.replies.length > 0 ? commit.now : null,
    };
  }
  if (!handoff.urgent) return {};
  return {
    urgent: true,
    handedOffAt: sql`coalesce(${conversations.handedOffAt}, ${commit.now.toISOString()}::timestamptz)`,
    queueUnitId: sql`coalesce(${conversations.queueUnitId}, ${handoff.queueUnitId}::uuid, ${conversations.unitId})`,
  };
}

/**
 * The member's answer to the privacy notice, or that it was shown. A refusal also drops what the platform told us
 * about the person (display name, profile): only anonymous answers from then on.
 */
async function recordConsent(tx: Db, memberId: string, commit: TurnCommit): Promise<void> {
  if (commit.consent) {
    const refused = commit.consent.decision === 'refused';
    await tx
      .update(members)
      .set({ consent: commit.consent.decision, consentAt: commit.now, consentVersion: commit.consent.noticeVersion, updatedAt: commit.now, ...(refused ? { displayName: null } : {}) })
      .where(eq(members.id, memberId));
    if (refused) await tx.update(channelIdentities).set({ profile: {} }).where(eq(channelIdentities.memberId, memberId));
  } else if (commit.consentAsked) {
    await tx.update(members).set({ consentAskedAt: commit.now }).where(eq(members.id, memberId));
  }
}

function personalValue(type: string): boolean {
  return ['phone', 'national_id', 'social_insurance_no', 'email', 'bank_account', 'person_name'].includes(type);
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

export function createOutboundDeliveryStore(db: Db): OutboundDeliveryStore {
  return {
    leaseMessage: (messageId, until, now) => leaseMessage(db, messageId, 'queued', until, now),
    releaseMessage: (messageId) => releaseMessage(db, messageId),

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
      // One statement (atomic on its own): the message is sent and its conversation's last outbound time moves.
      const state = channelState ? sql`, channel_state = ${JSON.stringify(channelState)}::jsonb` : sql``;
      await executeRows(db, sql`
        with sent as (
          update messages set status = 'sent', sent_at = ${now}, lease_until = null, platform_message_id = ${platformMessageIds[0] ?? null},
                 meta = meta || ${JSON.stringify({ platformMessageIds })}::jsonb
          where id = ${messageId}
          returning conversation_id
        )
        update conversations c set last_outbound_at = ${now} ${state} from sent where c.id = sent.conversation_id`);
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
