import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
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
  PendingOutbound,
  TurnCommit,
} from '../../../core/processing/processing-store.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Citation } from '../../../core/knowledge/law.js';
import type { Db } from '../database.js';
import { conversations, members, messages, unansweredQuestions, units } from '../schema/index.js';
import { moodCaptureOf } from '../../../core/mood/mood-rules.js';
import { DEFAULT_NLU_THRESHOLDS, type NluThresholds } from '../../../core/nlu/thresholds.js';
import { recordMood } from './mood-repository.js';


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

async function releaseMessage(db: Db, messageId: string): Promise<void> {
  await db.update(messages).set({ leaseUntil: null }).where(eq(messages.id, messageId));
}

/** `moodThresholds`: below these the classification is too unsure to count in the mood figures (the bot's own thresholds). */
export function createInboundProcessingStore(db: Db, moodThresholds: Pick<NluThresholds, 'route' | 'topic'> = DEFAULT_NLU_THRESHOLDS): InboundProcessingStore {
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
      const [row] = await db
        .select({ message: messages, conversation: conversations, member: { id: members.id, unitId: members.unitId, unitPath: units.path } })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .innerJoin(members, eq(members.id, conversations.memberId))
        .leftJoin(units, eq(units.id, members.unitId))
        .where(eq(messages.id, messageId));
      if (!row) throw new AppError('NOT_FOUND', `message ${messageId} not found`);
      const [lastBot] = await db
        .select({ meta: messages.meta, content: messages.content })
        .from(messages)
        .where(and(eq(messages.conversationId, row.conversation.id), eq(messages.direction, 'out'), eq(messages.author, 'bot')))
        .orderBy(desc(messages.seq))
        .limit(1);
      const lastContent = lastBot?.content as OutboundContent | undefined;
      return {
        message: {
          id: row.message.id,
          platformMessageId: row.message.platformMessageId ?? '',
          content: row.message.content as InboundContent,
          receivedAt: row.message.createdAt,
          ...(row.message.meta.join ? { join: row.message.meta.join as JoinNote } : {}),
          ...(typeof row.message.meta.address === 'string' ? { address: row.message.meta.address } : {}),
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
        },
        member: { id: row.member.id, unitId: row.member.unitId, unitPath: row.member.unitPath },
        lastBotReply: lastBot
          ? {
              kind: (lastBot.meta.kind as ReplyKind | undefined) ?? 'system',
              choices: lastContent?.type === 'choices' ? lastContent.choices : ([] as Choice[]),
              ...(lastBot.meta.expects === 'question' || lastBot.meta.expects === 'feedback' ? { expects: lastBot.meta.expects } : {}),
            }
          : null,
      };
    },

    async commitTurn(commit: TurnCommit): Promise<CommitResult> {
      try {
        return await db.transaction(async (tx) => {
          // Lock order: the conversation, then its messages, as the ingest path does (it bumps the conversation's
          // sequence before its insert checks the unique platform id); the other order deadlocked with redeliveries.
          await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, commit.conversationId)).for('no key update');
          const nlu = commit.nlu;
          const done = await tx
            .update(messages)
            .set({
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
              meta: sql`${messages.meta} || ${JSON.stringify({ ...commit.notes, flags: nlu?.flags ?? [], entities: nlu?.entities.map((e) => ({ type: e.type, value: personalValue(e.type) ? null : e.value })) ?? [] })}::jsonb`,
            })
            .where(and(eq(messages.id, commit.messageId), eq(messages.status, 'received')))
            .returning({ id: messages.id, channel: messages.channel });
          if (done.length === 0) return { ok: false, reason: 'already_done' } as const;
          const state = commit.newState;
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
            });
          if (!conversation) throw new VersionConflict();
          const outboundIds: string[] = [];
          for (const reply of commit.replies) {
            const [row] = await tx
              .insert(messages)
              .values({
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
              })
              .returning({ id: messages.id });
            outboundIds.push((row as { id: string }).id);
          }
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
          if (nlu) {
            // The mood rollups move in the same transaction as the message: never double-counted, never lost.
            await recordMood(tx, { day: vietnamDay(commit.now), unitId: conversation.unitId, memberId: conversation.memberId, channel: conversation.channel, capture: moodCaptureOf(nlu, moodThresholds) });
          }
          if (!commit.handoff) return { ok: true, outboundIds } as const;
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
          return { ok: true, outboundIds, handoff } as const;
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

function personalValue(type: string): boolean {
  return ['phone', 'national_id', 'social_insurance_no', 'email', 'bank_account', 'person_name'].includes(type);
}

export function createOutboundDeliveryStore(db: Db): OutboundDeliveryStore {
  return {
    async oldestPendingOutbound(conversationId) {
      const [row] = await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'), eq(messages.status, 'queued')))
        .orderBy(asc(messages.seq))
        .limit(1);
      return row ?? null;
    },

    leaseMessage: (messageId, until, now) => leaseMessage(db, messageId, 'queued', until, now),
    releaseMessage: (messageId) => releaseMessage(db, messageId),

    async loadPendingOutbound(messageId, now): Promise<PendingOutbound> {
      const [row] = await db
        .select({ message: messages, conversation: conversations })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(eq(messages.id, messageId));
      if (!row) throw new AppError('NOT_FOUND', `message ${messageId} not found`);
      const replyTo = row.message.replyToMessageId
        ? await db.select({ platformMessageId: messages.platformMessageId }).from(messages).where(eq(messages.id, row.message.replyToMessageId))
        : [];
      const [latestInbound] = await db
        .select({ platformMessageId: messages.platformMessageId })
        .from(messages)
        .where(and(eq(messages.conversationId, row.conversation.id), eq(messages.direction, 'in')))
        .orderBy(desc(messages.seq))
        .limit(1);
      return {
        attempts: row.message.attempts,
        message: {
          id: row.message.id,
          conversationId: row.conversation.id,
          channel: row.conversation.channel as ChannelId,
          recipient: { platformUserId: row.conversation.platformUserId, threadId: row.conversation.threadKey },
          content: row.message.content as unknown as OutboundContent,
          author: row.message.author as 'bot' | 'officer' | 'system',
          kind: (row.message.meta.kind as ReplyKind | undefined) ?? 'system',
          replyToPlatformMessageId: replyTo[0]?.platformMessageId ?? null,
          attempt: row.message.attempts + 1,
          citations: Array.isArray(row.message.meta.citations) ? (row.message.meta.citations as Citation[]) : [],
        },
        delivery: {
          now,
          lastInboundAt: row.conversation.lastInboundAt,
          lastInboundPlatformMessageId: latestInbound?.platformMessageId ?? null,
          channelState: row.conversation.channelState,
        },
      };
    },

    async markSent(messageId, platformMessageIds, channelState, now) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(messages)
          .set({
            status: 'sent',
            sentAt: now,
            leaseUntil: null,
            platformMessageId: platformMessageIds[0] ?? null,
            meta: sql`${messages.meta} || ${JSON.stringify({ platformMessageIds })}::jsonb`,
          })
          .where(eq(messages.id, messageId))
          .returning({ conversationId: messages.conversationId });
        if (row) {
          await tx
            .update(conversations)
            .set({ lastOutboundAt: now, ...(channelState ? { channelState } : {}) })
            .where(eq(conversations.id, row.conversationId));
        }
      });
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
