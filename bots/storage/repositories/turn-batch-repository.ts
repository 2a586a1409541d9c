import { sql } from 'drizzle-orm';
import { moodCaptureOf, type MoodCapture } from '../../../core/mood/mood-rules.js';
import type { CommitResult, PendingInbound, TurnCommit } from '../../../core/processing/processing-store.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { messages, unansweredQuestions } from '../schema/index.js';
import { recordMoodBatch, type MoodRecord } from './mood-repository.js';
import { botReplyRow, commitTurnIn, messageMetaPatch, moodCheckFields, vietnamDay, VersionConflict, type CommitSettings } from './turn-commit.js';

// The batched turn (issue #12, D-embedded-speed-2): the turns of several conversations claimed, loaded and written
// with a handful of set-based statements. On the embedded database every statement costs ~0.3–1 ms of CPU on the one
// event loop whatever its size, so N turns in ~6 statements instead of ~6 N is what divides that cost.

/** A JSON array parameter read back as a set of uuids (drizzle would spread a JavaScript array into a tuple). */
function uuidSet(ids: readonly string[]) {
  return sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/**
 * The oldest pending inbound message of each conversation, leased in one statement. A conversation whose oldest
 * message another worker holds is skipped (that worker drains it), exactly as `claimOldestPending` does for one.
 */
export async function claimOldestPendingOf(db: Db, conversationIds: readonly string[], until: Date, now: Date): Promise<PendingInbound[]> {
  if (conversationIds.length === 0) return [];
  const rows = await executeRows<{ id: string; conversation_id: string }>(db, sql`
    update messages set lease_until = ${until}
    where id in (
        select (select m.id from messages m where m.conversation_id = c.id and m.direction = 'in' and m.status = 'received' order by m.conv_seq limit 1)
        from ${uuidSet(conversationIds)} as c(id))
      and status = 'received' and (lease_until is null or lease_until < ${now})
    returning id, conversation_id`);
  return rows.map((row) => ({ id: row.id, conversationId: row.conversation_id }));
}

export async function releaseMessages(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db.execute(sql`update messages set lease_until = null where id in ${uuidSet(messageIds)}`);
}

/**
 * The common turn, written set-based: it changes no state and carries no hand-off, no member acknowledgement and no
 * consent answer. It may have shown the privacy notice (`consentAsked`: every member's first contact, so half the
 * turns of a campaign; D-embedded-speed-6). The others go through the single-turn code under a savepoint of the
 * same transaction.
 */
function isPlain(commit: TurnCommit): boolean {
  return commit.newState === null && !commit.handoff && !commit.memberAcked && !commit.consent;
}

interface PlainTurn {
  index: number;
  commit: TurnCommit;
  nlu: TurnCommit['nlu'];
  capture: MoodCapture | null;
}

interface UpdatedConversation {
  conversation_id: string;
  unit_id: string | null;
  channel: string;
  member_id: string;
  more_pending?: boolean;
}

/**
 * Several turns of different conversations in ONE transaction, with the guarantees of `commitTurn` for each: a
 * message no longer `received` is `already_done`, a conversation whose version moved is a `version_conflict`; either
 * way nothing of that turn is written and the others are. A result per commit, in order.
 */
export async function commitTurnBatch(db: Db, commits: readonly TurnCommit[], settings: CommitSettings): Promise<CommitResult[]> {
  if (commits.length === 0) return [];
  return db.transaction(async (tx) => {
    const results: CommitResult[] = new Array<CommitResult>(commits.length);
    if (!settings.exclusiveConnection) {
      // PostgreSQL: the conversations first, in id order (as the ingest batch locks them), then their messages.
      await executeRows(tx, sql`select id from conversations where id in ${uuidSet(commits.map((c) => c.conversationId))} order by id for no key update`);
    }
    const plain: PlainTurn[] = [];
    for (const [index, commit] of commits.entries()) {
      if (isPlain(commit)) {
        const nlu = !commit.anonymous || settings.noConsentKeep === 'labels' ? commit.nlu : null;
        plain.push({ index, commit, nlu, capture: nlu && !commit.anonymous ? moodCaptureOf(nlu, settings.moodThresholds) : null });
        continue;
      }
      try {
        results[index] = await tx.transaction((savepoint) => commitTurnIn(savepoint, commit, { ...settings, conversationLocked: true }));
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        results[index] = { ok: false, reason: 'version_conflict' };
      }
    }
    if (plain.length > 0) await commitPlainTurns(tx, plain, results, settings);
    return results;
  });
}

async function commitPlainTurns(tx: Db, turns: readonly PlainTurn[], results: CommitResult[], settings: CommitSettings): Promise<void> {
  // 1. The conversations, each guarded by its expected version and by its message still waiting.
  const conversationRows = turns.map(({ commit, capture }) => {
    const mood = moodCheckFields(commit, capture);
    return {
      conversation_id: commit.conversationId,
      message_id: commit.messageId,
      expected_version: commit.expectedVersion,
      streak: commit.lowConfidenceStreak,
      now: commit.now.toISOString(),
      replied: commit.replies.length > 0,
      mood_check: 'moodCheckAt' in mood,
      mood_topic_set: 'moodTopic' in mood,
      mood_topic: typeof mood.moodTopic === 'string' ? mood.moodTopic : null,
      mood_rated: 'moodRatedAt' in mood,
    };
  });
  const updated = await executeRows<UpdatedConversation>(tx, sql`
    update conversations c set
      version = c.version + 1, low_confidence_streak = r.streak, updated_at = r.now,
      last_outbound_at = case when r.replied then r.now else c.last_outbound_at end,
      mood_check_at = case when r.mood_check then r.now else c.mood_check_at end,
      mood_topic = case when r.mood_topic_set then r.mood_topic else c.mood_topic end,
      mood_rated_at = case when r.mood_rated then r.now else c.mood_rated_at end
    from jsonb_to_recordset(${JSON.stringify(conversationRows)}::jsonb) as r(conversation_id uuid, message_id uuid,
      expected_version integer, streak integer, now timestamptz, replied boolean, mood_check boolean, mood_topic_set boolean,
      mood_topic text, mood_rated boolean)
    where c.id = r.conversation_id and c.version = r.expected_version
      and exists (select 1 from messages m where m.id = r.message_id and m.status = 'received')
    returning c.id as conversation_id, c.unit_id, c.channel, c.member_id
      ${settings.exclusiveConnection
        ? sql`, exists (select 1 from messages p where p.conversation_id = c.id and p.direction = 'in' and p.status = 'received'
              and p.id <> r.message_id) as more_pending`
        : sql``}`);
  const byConversation = new Map(updated.map((row) => [row.conversation_id, row]));
  const written = turns.filter((turn) => byConversation.has(turn.commit.conversationId));
  const refused = turns.filter((turn) => !byConversation.has(turn.commit.conversationId));
  if (refused.length > 0) {
    // Rare: someone handled the message first, or the conversation moved on (an officer took it): say which.
    const waiting = await executeRows<{ id: string }>(tx, sql`
      select id from messages where id in ${uuidSet(refused.map((turn) => turn.commit.messageId))} and status = 'received'`);
    const stillWaiting = new Set(waiting.map((row) => row.id));
    for (const turn of refused) {
      results[turn.index] = stillWaiting.has(turn.commit.messageId) ? { ok: false, reason: 'version_conflict' } : { ok: false, reason: 'already_done' };
    }
  }
  if (written.length === 0) return;

  // 2. Their messages: status, labels, notes; a member without consent keeps the row, not the words.
  const messageRows = written.map(({ commit, nlu }) => ({
    id: commit.messageId,
    status: commit.messageStatus,
    now: commit.now.toISOString(),
    route: nlu?.route ?? null,
    topic: nlu?.topic ?? null,
    sentiment: nlu?.sentiment ?? null,
    route_confidence: nlu?.confidence.route ?? null,
    topic_confidence: nlu?.confidence.topic ?? null,
    sentiment_confidence: nlu?.confidence.sentiment ?? null,
    nlu_model: nlu?.model ?? null,
    anonymous: commit.anonymous === true,
    meta: messageMetaPatch(commit, nlu),
  }));
  await tx.execute(sql`
    update messages m set
      status = r.status, processed_at = r.now, lease_until = null,
      route = r.route, topic = r.topic, sentiment = r.sentiment, route_confidence = r.route_confidence,
      topic_confidence = r.topic_confidence, sentiment_confidence = r.sentiment_confidence, nlu_model = r.nlu_model,
      text = case when r.anonymous then '' else m.text end,
      content = case when r.anonymous then ${JSON.stringify({ type: 'text', text: '' })}::jsonb else m.content end,
      meta = (case when r.anonymous then m.meta - 'address' else m.meta end) || r.meta
    from jsonb_to_recordset(${JSON.stringify(messageRows)}::jsonb) as r(id uuid, status text, now timestamptz, route text,
      topic text, sentiment text, route_confidence real, topic_confidence real, sentiment_confidence real, nlu_model text,
      anonymous boolean, meta jsonb)
    where m.id = r.id and m.status = 'received'`);

  // 2b. The members shown the privacy notice in these turns (as `recordConsent` does for one turn). One row per
  // member: two conversations of one member (linked channels) may be in the same round.
  const asked = new Map<string, string>();
  for (const { commit } of written) {
    if (commit.consentAsked) asked.set(byConversation.get(commit.conversationId)!.member_id, commit.now.toISOString());
  }
  if (asked.size > 0) {
    await tx.execute(sql`
      update members m set consent_asked_at = r.now
      from jsonb_to_recordset(${JSON.stringify([...asked].map(([member_id, now]) => ({ member_id, now })))}::jsonb) as r(member_id uuid, now timestamptz)
      where m.id = r.member_id`);
  }

  // 3. All the replies in one INSERT; within a turn their serial seq (the sending order) follows the list's order.
  const replyRows = written.flatMap(({ commit }) =>
    commit.replies.map((reply) => botReplyRow(commit, reply, byConversation.get(commit.conversationId)!.channel)),
  );
  const inserted =
    replyRows.length === 0
      ? []
      : await tx.insert(messages).values(replyRows).returning({ id: messages.id, seq: messages.seq, replyTo: messages.replyToMessageId });
  const repliesOf = new Map<string, { id: string; seq: number }[]>();
  for (const row of inserted) {
    const list = repliesOf.get(row.replyTo ?? '') ?? [];
    list.push({ id: row.id, seq: Number(row.seq) });
    repliesOf.set(row.replyTo ?? '', list);
  }

  // 4. The questions the bot could not answer, for the learning queue.
  const learning = written.filter(({ commit }) => commit.learning);
  if (learning.length > 0) {
    await tx
      .insert(unansweredQuestions)
      .values(
        learning.map(({ commit, nlu }) => ({
          messageId: commit.messageId,
          conversationId: commit.conversationId,
          unitId: byConversation.get(commit.conversationId)!.unit_id,
          text: commit.learning!.text,
          route: nlu?.route ?? null,
          topic: nlu?.topic ?? null,
          confidence: nlu?.confidence.route ?? null,
          reason: commit.learning!.reason,
        })),
      )
      .onConflictDoNothing();
  }

  // 5. The mood rollups, in the same transaction as the messages: never double-counted, never lost.
  const moods: MoodRecord[] = written.flatMap(({ commit, capture }) => {
    if (!capture) return [];
    const conversation = byConversation.get(commit.conversationId)!;
    return [{ day: vietnamDay(commit.now), unitId: conversation.unit_id, memberPseudonym: settings.pseudonyms.of(conversation.member_id), channel: conversation.channel, capture }];
  });
  if (moods.length > 0) await recordMoodBatch(tx, moods);

  for (const { index, commit } of written) {
    const conversation = byConversation.get(commit.conversationId)!;
    const outboundIds = (repliesOf.get(commit.messageId) ?? []).sort((a, b) => a.seq - b.seq).map((reply) => reply.id);
    results[index] = { ok: true, outboundIds, ...(conversation.more_pending === undefined ? {} : { morePending: Boolean(conversation.more_pending) }) };
  }
}
