import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ConversationState } from '../../../core/conversations/conversation-state.js';
import { contentText } from '../../../core/messages/content.js';
import type { CommitResult, CommittedHandoff, TurnCommit } from '../../../core/processing/processing-store.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import type { Db } from '../database.js';
import { channelIdentities, conversations, members, messages, unansweredQuestions, units } from '../schema/index.js';
import type { NoConsentKeep } from '../../../core/privacy/consent.js';
import { moodCaptureOf, type MoodCapture } from '../../../core/mood/mood-rules.js';
import type { NluThresholds } from '../../../core/nlu/thresholds.js';
import { recordMood } from './mood-repository.js';

// One turn's writes in the caller's transaction: the single-turn commit and the batch commit's uncommon turns.
/** The conversation moved on while the turn was computed (thrown inside a transaction to roll it back). */
export class VersionConflict extends Error {}

/** Vietnam's calendar day of an instant: dashboards count days in Vietnam, whatever the server's timezone. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The mood check's bookkeeping on the conversation (D-mood-8): a check sent now is remembered (and the pending concern
 * cleared), an answer is remembered (it counts once), and a counted concern makes a later check possible.
 */
export function moodCheckFields(commit: TurnCommit, capture: MoodCapture | null): PgUpdateSetSource<typeof conversations> {
  if (commit.replies.some((reply) => reply.kind === 'mood_check')) return { moodCheckAt: commit.now, moodTopic: null };
  if (typeof commit.notes.moodRating === 'number') return { moodRatedAt: commit.now };
  if (capture?.kind === 'counted') return { moodTopic: capture.topic };
  return {};
}

/** How a store commits: see createInboundProcessingStore. */
export interface CommitSettings {
  moodThresholds: Pick<NluThresholds, 'route' | 'topic'>;
  /** What the mood rows carry instead of the member's id (D-privacy-6). */
  pseudonyms: MemberPseudonyms;
  noConsentKeep: NoConsentKeep;
  exclusiveConnection: boolean;
  /** The caller's transaction already locked the conversation (the batch commit locks them all in id order). */
  conversationLocked?: boolean;
}

/**
 * One turn's writes inside the caller's transaction. Throws VersionConflict when the conversation moved on (the
 * caller rolls back, or back to its savepoint). The batch commit uses it for the turns its set-based statements do
 * not cover (hand-offs, state changes, consent), so those keep exactly this code.
 */
export async function commitTurnIn(tx: Db, commit: TurnCommit, settings: CommitSettings): Promise<Exclude<CommitResult, { reason: 'version_conflict' }>> {
  const { moodThresholds, noConsentKeep } = settings;
  const options = settings;
  // Lock order: the conversation, then its messages, as the ingest path does (it bumps the conversation's
  // sequence before its insert checks the unique platform id); the other order deadlocked with redeliveries.
  if (!options.exclusiveConnection && !options.conversationLocked) {
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
      meta: sql`${commit.anonymous ? sql`(${messages.meta} - 'address')` : messages.meta} || ${JSON.stringify(messageMetaPatch(commit, nlu))}::jsonb`,
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
              commit.replies.map((reply) => botReplyRow(commit, reply, conversation.channel)),
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
    await recordMood(tx, { day: vietnamDay(commit.now), unitId: conversation.unitId, memberPseudonym: settings.pseudonyms.of(conversation.memberId), channel: conversation.channel, capture });
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

/** What a turn adds to its message's meta: its notes, and the classification's flags and (non-personal) entities. */
export function messageMetaPatch(commit: TurnCommit, nlu: TurnCommit['nlu']): Record<string, unknown> {
  return {
    ...commit.notes,
    ...(commit.anonymous ? { withheld: true } : {}),
    flags: nlu?.flags ?? [],
    entities: nlu?.entities.map((e) => ({ type: e.type, value: personalValue(e.type) ? null : e.value })) ?? [],
  };
}

function personalValue(type: string): boolean {
  return ['phone', 'national_id', 'social_insurance_no', 'email', 'bank_account', 'person_name'].includes(type);
}

/** The queued outbound row of one bot reply of a turn; the single and the batched commit insert the same rows. */
export function botReplyRow(commit: TurnCommit, reply: TurnCommit['replies'][number], channel: string) {
  return {
    conversationId: commit.conversationId,
    direction: 'out' as const,
    channel,
    author: 'bot' as const,
    content: reply.content as unknown as Record<string, unknown>,
    text: contentText(reply.content),
    status: 'queued' as const,
    replyToMessageId: commit.messageId,
    meta: { kind: reply.kind, citations: reply.citations ?? [], ...(reply.expects ? { expects: reply.expects } : {}) },
    createdAt: commit.now,
  };
}
