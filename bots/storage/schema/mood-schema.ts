import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Daily rollups for dashboards (issue #10): per (Vietnam day, unit, topic, sentiment, channel) the counted
 * member messages, their weight (a "góp ý" counts more than a question) and the distinct members of that day.
 * Maintained in the transaction that handles the message; `congdoan mood rebuild` recomputes it.
 */
export const moodDaily = pgTable(
  'mood_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    topic: text('topic').notNull(),
    sentiment: text('sentiment').notNull(),
    channel: text('channel').notNull().default(''),
    messages: integer('messages').notNull().default(0),
    members: integer('members').notNull().default(0),
    weight: real('weight').notNull().default(0),
  },
  (t) => [unique('mood_daily_cell_uq').on(t.day, t.unitId, t.topic, t.sentiment, t.channel).nullsNotDistinct(), index('mood_daily_unit_day_idx').on(t.unitId, t.day)],
);

/**
 * The exact per-day member set behind `mood_daily.members`: one row per member and cell. Distinct members over
 * any period and subtree are counted from here (day counts cannot be added up). No foreign key to members: on
 * erasure the member id is replaced by a random one, so the counts stay right and nothing links to the person.
 */
export const moodMemberDay = pgTable(
  'mood_member_day',
  {
    day: date('day', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    topic: text('topic').notNull(),
    sentiment: text('sentiment').notNull(),
    channel: text('channel').notNull(),
    memberId: uuid('member_id').notNull(),
    messages: integer('messages').notNull().default(0),
    weight: real('weight').notNull().default(0),
  },
  (t) => [
    unique('mood_member_day_uq').on(t.day, t.unitId, t.topic, t.sentiment, t.channel, t.memberId).nullsNotDistinct(),
    index('mood_member_day_unit_day_idx').on(t.unitId, t.day),
    index('mood_member_day_member_idx').on(t.memberId),
  ],
);

/** Member messages kept out of the figures (injection, spam, unsure classification), counted apart for admins. */
export const moodExcludedDaily = pgTable(
  'mood_excluded_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    channel: text('channel').notNull(),
    reason: text('reason').notNull(),
    messages: integer('messages').notNull().default(0),
  },
  (t) => [unique('mood_excluded_daily_uq').on(t.day, t.unitId, t.channel, t.reason).nullsNotDistinct()],
);

/** An unusual rise of a topic in a unit against its own baseline, found by the early-warning job. */
export const moodAlerts = pgTable(
  'mood_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    topic: text('topic').notNull(),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    observed: integer('observed').notNull(),
    baseline: real('baseline').notNull(),
    score: real('score').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('open'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('mood_alerts_window_uq').on(t.unitId, t.topic, t.windowEnd), index('mood_alerts_status_idx').on(t.status, t.createdAt)],
);

/** Every change of an alert (created, acknowledged, annotated, resolved, reopened): its history. */
export const moodAlertEvents = pgTable(
  'mood_alert_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => moodAlerts.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    note: text('note'),
  },
  (t) => [index('mood_alert_events_alert_idx').on(t.alertId, t.at)],
);

/** Monthly reports generated on the first day of the month (or on demand): the summary as it was then. */
export const moodReports = pgTable(
  'mood_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('mood_reports_unit_month_uq').on(t.unitId, t.month)],
);

/**
 * The figures of closed periods, kept once computed (docs/decisions.md D-mood-12). Only completed weeks are
 * published (D-mood-7) and live capture writes into the day in progress, so a published period's figures change only
 * through `congdoan mood rebuild` (which moves `generation` on) or a write into one of its days (which deletes the
 * entries covering that day). `payload` is the JSON of the query's rows, kept as text: it is only ever read whole.
 */
export const moodPeriodCache = pgTable(
  'mood_period_cache',
  {
    kind: text('kind').notNull(),
    scopeKey: text('scope_key').notNull(),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    toDay: date('to_day', { mode: 'string' }).notNull(),
    generation: integer('generation').notNull(),
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.scopeKey] }), index('mood_period_cache_to_day_idx').on(t.toDay, t.fromDay)],
);

/** One row: the generation of the rollups, moved on by every rebuild so that figures computed before it are ignored. */
export const moodRollupGeneration = pgTable('mood_rollup_generation', {
  id: integer('id').primaryKey(),
  generation: integer('generation').notNull().default(0),
});
