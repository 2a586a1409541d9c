import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The union hierarchy. `path` is the materialized path of ids (`/root/…/self/`), so "this unit and all
 * below it" is one indexed prefix query (`path LIKE '/…/self/%'`).
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    /**
     * When the unit's officers answer, as `{ timezone, days: { mon: [["08:00","17:00"]], ... } }`; null means
     * the parent's hours apply (the national level's default is in the code). Read by the hand-off replies and SLA.
     */
    officeHours: jsonb('office_hours').$type<Record<string, unknown>>(),
    /** Minutes an unclaimed hand-off may wait before it escalates to the parent unit; null = the default. */
    slaMinutes: integer('sla_minutes'),
    urgentSlaMinutes: integer('urgent_sla_minutes'),
    /** Whether waiting conversations are handed to the least-busy available officer instead of claimed by hand. */
    autoAssign: boolean('auto_assign').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code), index('units_path_idx').using('btree', t.path.op('text_pattern_ops'))],
);

/** One person. Personal fields are nullable and wiped by erasure (`erased_at`). */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').references(() => units.id),
    displayName: text('display_name'),
    /** core/privacy/consent.ts: unknown, granted, refused, withdrawn (erased). */
    consent: text('consent').notNull().default('unknown'),
    /** When the member answered the privacy notice, and which version of the notice they answered. */
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentVersion: text('consent_version'),
    /** When the privacy notice was last shown to a member who has not answered (shown again at most daily). */
    consentAskedAt: timestamp('consent_asked_at', { withTimezone: true }),
    language: text('language').notNull().default('vi'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [index('members_unit_idx').on(t.unitId)],
);

/** A member's account on one channel; the same person on two channels is one member once linked. */
export const channelIdentities = pgTable(
  'channel_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    channel: text('channel').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('channel_identities_platform_uq').on(t.channel, t.platformUserId),
    index('channel_identities_member_idx').on(t.memberId),
  ],
);

/**
 * One thread per member and channel. `version` is the optimistic lock of the state machine (the bot's turn
 * and an officer's action may race); `inbound_seq` numbers the member's messages in arrival order.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    channel: text('channel').notNull(),
    threadKey: text('thread_key').notNull(),
    /** Who the thread is with on the platform: the recipient of our replies. */
    platformUserId: text('platform_user_id').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    state: text('state').notNull().default('bot'),
    assignedOfficerId: uuid('assigned_officer_id'),
    version: integer('version').notNull().default(0),
    inboundSeq: integer('inbound_seq').notNull().default(0),
    lowConfidenceStreak: integer('low_confidence_streak').notNull().default(0),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    lastOutboundAt: timestamp('last_outbound_at', { withTimezone: true }),
    channelState: jsonb('channel_state').$type<Record<string, unknown>>().notNull().default({}),
    /** Inbox fields (issue #9): the hand-off, its urgency, the queue it waits in and its deadline. */
    urgent: boolean('urgent').notNull().default(false),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
    /** The unit whose queue holds the hand-off now: the member's unit, or an ancestor after escalation. */
    queueUnitId: uuid('queue_unit_id').references(() => units.id),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    escalationLevel: integer('escalation_level').notNull().default(0),
    overdue: boolean('overdue').notNull().default(false),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Until when the officer who holds it has read the member's messages: unread = inbound after this. */
    officerReadAt: timestamp('officer_read_at', { withTimezone: true }),
    /** The last "an officer will answer" acknowledgement sent to the member, to send it at most once per interval. */
    memberAckAt: timestamp('member_ack_at', { withTimezone: true }),
    /** A page admin replying in the platform's own inbox holds the conversation until this time (then the bot resumes). */
    echoTakeoverUntil: timestamp('echo_takeover_until', { withTimezone: true }),
    /** Why it was closed: resolved / legal_aid / employer_contacted / no_action / spam. */
    resolution: text('resolution'),
    /** When the member was last offered the 1–5 mood check (issue #10 item 1), so it is not asked too often. */
    moodCheckAt: timestamp('mood_check_at', { withTimezone: true }),
    /** When the member answered the last check: an answer counts once per check, even from an old button. */
    moodRatedAt: timestamp('mood_rated_at', { withTimezone: true }),
    /** The topic of the member's latest counted concern since the last mood check: set = a check may be offered. */
    moodTopic: text('mood_topic'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('conversations_thread_uq').on(t.channel, t.threadKey),
    index('conversations_queue_idx').on(t.queueUnitId, t.state, t.handedOffAt),
    index('conversations_assigned_idx').on(t.assignedOfficerId, t.state),
    index('conversations_unit_state_idx').on(t.unitId, t.state),
    index('conversations_member_idx').on(t.memberId),
    // The inbox lists (bots/storage/repositories/inbox-read-repository.ts): each index matches one ORDER BY
    // exactly, so a page is an index walk, not a sort of every open or closed conversation.
    index('conversations_open_recent_idx')
      .on(sql`(coalesce(greatest(last_inbound_at, last_outbound_at), created_at)) desc`, sql`id desc`)
      .where(sql`state in ('waiting_officer', 'officer')`),
    index('conversations_state_recent_idx').on(t.state, sql`(coalesce(greatest(last_inbound_at, last_outbound_at), created_at)) desc`, sql`id desc`),
    index('conversations_waiting_order_idx')
      .on(sql`(case when urgent then 0 else 1 end)`, sql`(coalesce(handed_off_at, created_at))`, t.id)
      .where(sql`state = 'waiting_officer'`),
  ],
);

/**
 * Every inbound and outbound message. Messages of a conversation are handled one at a time in `seq` order;
 * `lease_until` marks one being worked on, so the recovery sweep leaves it alone until a crashed worker's lease
 * has expired. On PostgreSQL the table is partitioned by month of `created_at` (migration 0020, D-scale-6), so
 * the key is `(id, created_at)` and the inbound dedupe lives in `inbound_dedupe` (a partitioned table's unique
 * indexes must contain the partition key; a platform id must be unique across all months).
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    convSeq: integer('conv_seq'),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    platformMessageId: text('platform_message_id'),
    author: text('author').notNull(),
    officerId: uuid('officer_id'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    text: text('text').notNull().default(''),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    route: text('route'),
    topic: text('topic'),
    sentiment: text('sentiment'),
    routeConfidence: real('route_confidence'),
    topicConfidence: real('topic_confidence'),
    sentimentConfidence: real('sentiment_confidence'),
    nluModel: text('nlu_model'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    replyToMessageId: uuid('reply_to_message_id'),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'messages_pkey', columns: [t.id, t.createdAt] }),
    index('messages_conversation_idx').on(t.conversationId, t.direction, t.status, t.convSeq),
    index('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    index('messages_status_idx').on(t.direction, t.status, t.createdAt),
  ],
);

/**
 * The inbound dedupe: one row per (channel, platform message id) ever stored, written in the same statement as the
 * message (ingest-repository.ts), so a platform's redelivery is recognised whichever month's partition holds the
 * first copy. `message_created_at` completes the message's key: deleting the message (erasure, retention) deletes
 * this row with it (on delete cascade), so an erased member's redelivered message is a new message again.
 */
export const inboundDedupe = pgTable(
  'inbound_dedupe',
  {
    channel: text('channel').notNull(),
    platformMessageId: text('platform_message_id').notNull(),
    messageId: uuid('message_id').notNull(),
    messageCreatedAt: timestamp('message_created_at', { withTimezone: true }).notNull(),
    conversationId: uuid('conversation_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'inbound_dedupe_pkey', columns: [t.channel, t.platformMessageId] }),
    foreignKey({ name: 'inbound_dedupe_message_fk', columns: [t.messageId, t.messageCreatedAt], foreignColumns: [messages.id, messages.createdAt] }).onDelete('cascade'),
    index('inbound_dedupe_message_idx').on(t.messageId),
  ],
);

/** Admin accounts: `admin | leader | officer`, each bound to a home unit whose subtree they see. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    displayName: text('display_name').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Officers set themselves available or away; auto-assignment only picks available officers. */
    availability: text('availability').notNull().default('away'),
    /** How many open conversations auto-assignment may give this officer at once. */
    capacity: integer('capacity').notNull().default(5),
    createdAt: createdAt(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/**
 * Admin sessions, server-side, so that logout revokes at once. `fingerprint` is a hash of what the session was
 * granted on (role, unit, password hash, disabled): when any of them changes, by whatever code, the session
 * no longer matches and is refused.
 */
export const adminSessions = pgTable(
  'admin_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fingerprint: text('fingerprint').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('admin_sessions_user_idx').on(t.userId), index('admin_sessions_expires_idx').on(t.expiresAt)],
);

/** Officers' internal notes on a conversation: never sent to the member. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_notes_conversation_idx').on(t.conversationId, t.createdAt)],
);

/**
 * One row per hand-off (issue #10 item 6: hand-off statistics in the monthly report). The conversation row forgets
 * its hand-off once it leaves the queue, so the history is kept here, written by triggers on `conversations`
 * (migration 0018) in the same statement as the change: every path that hands off, claims, escalates or ends a
 * conversation is recorded, none can forget to. No personal data: an erased member's rows lose the conversation id.
 */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id'),
    /** The member's unit when the hand-off began (the queue may escalate; the statistics stay with the member's unit). */
    unitId: uuid('unit_id'),
    urgent: boolean('urgent').notNull().default(false),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }).notNull(),
    /** The first claim by an officer; null while unclaimed (or if it ended without one). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** It passed its deadline unclaimed at least once. */
    overdue: boolean('overdue').notNull().default(false),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    resolution: text('resolution'),
  },
  (t) => [
    index('handoffs_unit_time_idx').on(t.unitId, t.handedOffAt),
    uniqueIndex('handoffs_open_uq').on(t.conversationId).where(sql`ended_at is null`),
  ],
);

/** Who saw or changed what. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    unitId: uuid('unit_id'),
    /**
     * The member whose personal data this action read or changed (Law 91/2025/QH15: every access by an officer is
     * recorded), so "who read my data" is one indexed query. Lists that show several members (the inbox) keep
     * their ids in `details.memberIds` instead (GIN-indexed).
     */
    memberId: uuid('member_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_member_idx').on(t.memberId, t.at).where(sql`member_id is not null`),
    index('audit_log_listed_members_idx').using('gin', sql`(details -> 'memberIds') jsonb_path_ops`).where(sql`details ? 'memberIds'`),
  ],
);

/** The learning loop: messages the bot was unsure about or could not answer, for officers to turn into FAQ. */
export const unansweredQuestions = pgTable(
  'unanswered_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // No foreign key: `messages` is partitioned on PostgreSQL, its key is (id, created_at). Erase and the retention
    // purge delete these rows with their message (D-scale-6).
    messageId: uuid('message_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    unitId: uuid('unit_id'),
    text: text('text').notNull(),
    route: text('route'),
    topic: text('topic'),
    confidence: real('confidence'),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'),
    /** The FAQ entry an officer wrote from this question (FAQ ids are readable slugs). */
    faqEntryId: text('faq_entry_id'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('unanswered_message_uq').on(t.messageId), index('unanswered_unit_status_idx').on(t.unitId, t.status)],
);

/** Small key/value settings the platform generates itself (signing secret, seed markers). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});
