import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { MOOD_CHECK_MODEL, MOOD_CHECK_WEIGHT, MOOD_ROUTES, MOOD_WEIGHTS, type MoodCapture } from '../../../core/mood/mood-rules.js';
import type { NluThresholds } from '../../../core/nlu/thresholds.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { MemberPseudonyms } from '../../privacy/member-pseudonyms.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { readMoodAggregate, scopeFilter, SEGMENT_START } from './mood-aggregate-read.js';
import type { MoodAggregateRow, MoodScope } from './mood-scope.js';
import { invalidateAllMoodPeriods, moodPeriodInvalidation } from './mood-period-cache.js';
import { retentionHorizon } from './retention-repository.js';

/** One captured member message, written in the transaction that handles it. */
export interface MoodRecord {
  day: string;
  unitId: string | null;
  /** The member's pseudonym (bots/privacy/member-pseudonyms.ts), never the member's id: rollups outlive raw data. */
  memberPseudonym: string;
  channel: string;
  capture: MoodCapture;
}

export type { MoodAggregateRow, MoodScope } from './mood-scope.js';

export interface MoodTrendRow {
  start: string;
  members: number;
  positiveWeight: number;
  negativeWeight: number;
  totalWeight: number;
}

/** A trend point as the per-unit and the per-level reads both select it (start, members and the three weights). */
export function trendRowOf(row: Record<string, unknown>): MoodTrendRow {
  return {
    start: String(row.start),
    members: Number(row.members),
    positiveWeight: Number(row.positive_weight),
    negativeWeight: Number(row.negative_weight),
    totalWeight: Number(row.total_weight),
  };
}

/**
 * The SQL twin of `trendRowOf`, over member-day rows named `m`: the point's start (week of the month or calendar
 * month) and its figures. The per-unit and the per-level reads select them alike (D-mood-17: one text, no drift).
 */
export function trendStart(bucket: 'week' | 'month'): SQL {
  return sql`to_char(${bucket === 'week' ? SEGMENT_START : sql`date_trunc('month', m.day)`}, 'YYYY-MM-DD')`;
}
export const TREND_FIGURES = sql`count(distinct m.member_id)::int as members,
              coalesce(sum(m.weight) filter (where m.sentiment = 'positive'), 0)::float8 as positive_weight,
              coalesce(sum(m.weight) filter (where m.sentiment = 'negative'), 0)::float8 as negative_weight,
              sum(m.weight)::float8 as total_weight`;

export type MoodRepository = ReturnType<typeof createMoodRepository>;

/** Records one captured message into the rollups. `db` is the caller's transaction. */
export async function recordMood(db: Db, record: MoodRecord): Promise<void> {
  const { capture } = record;
  if (capture.kind === 'ignored') return;
  if (capture.kind === 'excluded') {
    await db.execute(sql`
      with ${moodPeriodInvalidation(record.day)}
      insert into mood_excluded_daily (day, unit_id, channel, reason, messages)
      values (${record.day}, ${record.unitId}, ${record.channel}, ${capture.reason}, 1)
      on conflict on constraint mood_excluded_daily_uq do update set messages = mood_excluded_daily.messages + 1`);
    return;
  }
  // One statement (a round trip less per turn, issue #12): the member's day row, then the cell, whose distinct-member
  // count moves only when the member's row was inserted rather than updated (`xmax = 0`: new in this cell today).
  // Kept answers of periods holding this day are dropped in the same statement (D-mood-12).
  await db.execute(sql`
    with ${moodPeriodInvalidation(record.day)},
    member_day as (
      insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
      values (${record.day}, ${record.unitId}, ${capture.topic}, ${capture.sentiment}, ${record.channel}, ${record.memberPseudonym}, 1, ${capture.weight})
      on conflict on constraint mood_member_day_uq do update
        set messages = mood_member_day.messages + 1, weight = mood_member_day.weight + excluded.weight
      returning (xmax = 0) as inserted
    )
    insert into mood_daily (day, unit_id, topic, sentiment, channel, messages, members, weight)
    select ${record.day}, ${record.unitId}, ${capture.topic}, ${capture.sentiment}, ${record.channel}, 1, case when member_day.inserted then 1 else 0 end, ${capture.weight}
    from member_day
    on conflict on constraint mood_daily_cell_uq do update
      set messages = mood_daily.messages + 1, members = mood_daily.members + excluded.members, weight = mood_daily.weight + excluded.weight`);
}

/**
 * The rows to insert (member-days, exclusions) in one fixed order, their key, as the cells are (the statement's `order by`): two batches
 * committed at once by two workers then lock the rows they share in the same order and cannot deadlock — each
 * locks all its member-day rows before any cell, and within each table lower keys first.
 */
function inLockOrder<T>(rows: ReadonlyMap<string, T>): T[] {
  return [...rows.keys()].sort().map((key) => rows.get(key)!);
}

/**
 * `recordMood` for the turns of a batch (issue #12), in ONE statement: the same rows and counts as recording them one
 * by one. Records of the same member-day cell are summed first (one statement may not update a row twice); the cell's
 * distinct-member count moves by the member-day rows inserted rather than updated. `db` is the caller's transaction.
 */
export async function recordMoodBatch(db: Db, records: readonly MoodRecord[]): Promise<void> {
  const counted = new Map<string, { day: string; unit_id: string | null; topic: string; sentiment: string; channel: string; member_id: string; messages: number; weight: number }>();
  const excluded = new Map<string, { day: string; unit_id: string | null; channel: string; reason: string; messages: number }>();
  for (const record of records) {
    const { capture } = record;
    if (capture.kind === 'counted') {
      const key = JSON.stringify([record.day, record.unitId, capture.topic, capture.sentiment, record.channel, record.memberPseudonym]);
      const row = counted.get(key) ?? { day: record.day, unit_id: record.unitId, topic: capture.topic, sentiment: capture.sentiment, channel: record.channel, member_id: record.memberPseudonym, messages: 0, weight: 0 };
      row.messages += 1;
      row.weight += capture.weight;
      counted.set(key, row);
    } else if (capture.kind === 'excluded') {
      const key = JSON.stringify([record.day, record.unitId, record.channel, capture.reason]);
      const row = excluded.get(key) ?? { day: record.day, unit_id: record.unitId, channel: record.channel, reason: capture.reason, messages: 0 };
      row.messages += 1;
      excluded.set(key, row);
    }
  }
  if (counted.size === 0 && excluded.size === 0) return;
  const days = [...new Set(records.filter((record) => record.capture.kind !== 'ignored').map((record) => record.day))];
  await db.execute(sql`
    with invalidated as (
      delete from mood_period_cache c
      where exists (select 1 from jsonb_array_elements_text(${JSON.stringify(days)}::jsonb) d where c.to_day >= d.value::date and c.from_day <= d.value::date)
    ),
    excluded_rows as (
      insert into mood_excluded_daily (day, unit_id, channel, reason, messages)
      select day, unit_id, channel, reason, messages
      from jsonb_to_recordset(${JSON.stringify(inLockOrder(excluded))}::jsonb) as r(day date, unit_id uuid, channel text, reason text, messages integer)
      on conflict on constraint mood_excluded_daily_uq do update set messages = mood_excluded_daily.messages + excluded.messages
    ),
    input as (
      select * from jsonb_to_recordset(${JSON.stringify(inLockOrder(counted))}::jsonb)
        as r(day date, unit_id uuid, topic text, sentiment text, channel text, member_id uuid, messages integer, weight real)
    ),
    member_day as (
      insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
      select day, unit_id, topic, sentiment, channel, member_id, messages, weight from input
      on conflict on constraint mood_member_day_uq do update
        set messages = mood_member_day.messages + excluded.messages, weight = mood_member_day.weight + excluded.weight
      returning day, unit_id, topic, sentiment, channel, member_id, (xmax = 0) as inserted
    )
    insert into mood_daily (day, unit_id, topic, sentiment, channel, messages, members, weight)
    select i.day, i.unit_id, i.topic, i.sentiment, i.channel, sum(i.messages), count(*) filter (where md.inserted), sum(i.weight)
    from input i
    join member_day md on md.day = i.day and md.unit_id is not distinct from i.unit_id and md.topic = i.topic
      and md.sentiment = i.sentiment and md.channel = i.channel and md.member_id = i.member_id
    group by i.day, i.unit_id, i.topic, i.sentiment, i.channel
    order by i.day, i.unit_id, i.topic, i.sentiment, i.channel
    on conflict on constraint mood_daily_cell_uq do update
      set messages = mood_daily.messages + excluded.messages, members = mood_daily.members + excluded.members, weight = mood_daily.weight + excluded.weight`);
}

/**
 * On erasure the member's mood rows keep counting as one member (one new random id for all of them, so distinct
 * counts do not change) and no longer link to the person, not even through the pseudonym key. Rows still carrying
 * the member's own id (written before D-privacy-6 and not yet converted) are unlinked too. `memberIds` are the member
 * and those merged into it: each keeps its own random id, as two pseudonyms they counted as two members and may
 * share a cell's day (one id for both would break the row's uniqueness and lower the counts).
 */
export async function unlinkMoodMembers(db: Db, memberIds: readonly string[], pseudonyms: MemberPseudonyms): Promise<void> {
  for (const memberId of memberIds) {
    await db.execute(sql`update mood_member_day set member_id = ${randomUUID()} where member_id in (${pseudonyms.of(memberId)}, ${memberId})`);
  }
}

const routeList = sql.join(
  MOOD_ROUTES.map((route) => sql`${route}`),
  sql`, `,
);
const weightCase = sql.raw(
  `case when m.nlu_model = '${MOOD_CHECK_MODEL}' then ${MOOD_CHECK_WEIGHT} else case m.route ${Object.entries(MOOD_WEIGHTS).map(([route, weight]) => `when '${route}' then ${weight}`).join(' ')} else 1 end end`,
);
const vietnamDay = sql`((m.processed_at at time zone 'UTC') + interval '7 hours')::date`;

/**
 * Fills a transaction-local table (member id → pseudonym) for the members `members` selects (one `id` column), in
 * chunks, so that a rebuild's single insert can write pseudonyms without the key entering SQL.
 */
export async function stagePseudonyms(tx: Db, pseudonyms: MemberPseudonyms, members: SQL): Promise<void> {
  await tx.execute(sql`create temporary table if not exists mood_pseudonym_stage (member_id uuid primary key, pseudonym uuid not null) on commit drop`);
  await tx.execute(sql`delete from mood_pseudonym_stage`);
  const ids = (await executeRows<{ id: string }>(tx, members)).map((row) => row.id);
  for (let start = 0; start < ids.length; start += PSEUDONYM_CHUNK) {
    const chunk = ids.slice(start, start + PSEUDONYM_CHUNK).map((id) => ({ member_id: id, pseudonym: pseudonyms.of(id) }));
    await tx.execute(sql`insert into mood_pseudonym_stage (member_id, pseudonym)
      select member_id, pseudonym from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(member_id uuid, pseudonym uuid)`);
  }
}
const PSEUDONYM_CHUNK = 5_000;

function dayRange(column: SQL, from?: string, to?: string): SQL {
  return sql`${from ? sql`${column} >= ${from}::date` : sql`true`} and ${to ? sql`${column} <= ${to}::date` : sql`true`}`;
}

/** `pseudonyms` is needed by `rebuild` only (it writes mood rows); readers do without the key. */
export function createMoodRepository(db: Db, pseudonyms?: MemberPseudonyms) {
  return {
    /**
     * Recomputes the rollups of the given days (all when open-ended) from the stored messages, with the same rule
     * as the live capture (core/mood/mood-rules.ts), in one transaction: readers see the old or the new figures.
     * Days before the retention horizon have no raw messages left (bots/storage/repositories/retention-repository.ts):
     * their figures are kept as they are, never recomputed from nothing.
     */
    async rebuild(options: { from?: string; to?: string; thresholds: Pick<NluThresholds, 'route' | 'topic'> }): Promise<{ memberDays: number; cells: number; excluded: number }> {
      const { to, thresholds } = options;
      if (!pseudonyms) throw new AppError('CONFIG_INVALID', "rebuilding the mood rollups needs the members' pseudonym key");
      const horizon = await retentionHorizon(db);
      const from = horizon && (!options.from || options.from < horizon) ? horizon : options.from;
      if (from && to && to < from) return { memberDays: 0, cells: 0, excluded: 0 };
      const counts = await db.transaction(async (tx) => {
        await invalidateAllMoodPeriods(tx);
        await tx.execute(sql`delete from mood_member_day m where ${dayRange(sql`m.day`, from, to)}`);
        await tx.execute(sql`delete from mood_daily m where ${dayRange(sql`m.day`, from, to)}`);
        await tx.execute(sql`delete from mood_excluded_daily m where ${dayRange(sql`m.day`, from, to)}`);
        const flagged = (flag: string) => sql`(m.meta -> 'flags') @> ${JSON.stringify([flag])}::jsonb`;
        const processed = sql`m.direction = 'in' and m.route is not null and m.processed_at is not null
            and ${dayRange(vietnamDay, from, to)}`;
        const base = sql`
          from messages m join conversations c on c.id = m.conversation_id
          where ${processed}`;
        const countedWhere = sql`${processed}
              and m.route in (${routeList}) and not ${flagged('injection')} and not ${flagged('spam')}
              and m.route_confidence >= ${thresholds.route}::real and m.topic_confidence >= ${thresholds.topic}::real`;
        // The rows carry each member's pseudonym, computed here (the key never enters SQL) for the members counted.
        await stagePseudonyms(tx, pseudonyms, sql`select distinct c.member_id::text as id from messages m join conversations c on c.id = m.conversation_id where ${countedWhere}`);
        const memberDays = await executeRows<{ n: number }>(
          tx,
          sql`with inserted as (
            insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
            select ${vietnamDay}, c.unit_id, m.topic, m.sentiment, m.channel, p.pseudonym, count(*), sum(${weightCase})
            from messages m join conversations c on c.id = m.conversation_id join mood_pseudonym_stage p on p.member_id = c.member_id
            where ${countedWhere}
            group by 1, 2, 3, 4, 5, 6
            returning 1) select count(*)::int as n from inserted`,
        );
        const cells = await executeRows<{ n: number }>(
          tx,
          sql`with inserted as (
            insert into mood_daily (day, unit_id, topic, sentiment, channel, messages, members, weight)
            select m.day, m.unit_id, m.topic, m.sentiment, m.channel, sum(m.messages), count(*), sum(m.weight)
            from mood_member_day m where ${dayRange(sql`m.day`, from, to)}
            group by 1, 2, 3, 4, 5
            returning 1) select count(*)::int as n from inserted`,
        );
        const reason = sql`case when ${flagged('injection')} then 'injection' when ${flagged('spam')} then 'spam' else 'low_confidence' end`;
        const excluded = await executeRows<{ n: number }>(
          tx,
          sql`with inserted as (
            insert into mood_excluded_daily (day, unit_id, channel, reason, messages)
            select ${vietnamDay}, c.unit_id, m.channel, ${reason}, count(*)
            ${base}
              and (${flagged('injection')} or ${flagged('spam')}
                or (m.route in (${routeList}) and (m.route_confidence < ${thresholds.route}::real or m.topic_confidence < ${thresholds.topic}::real)))
            group by 1, 2, 3, 4
            returning 1) select count(*)::int as n from inserted`,
        );
        return { memberDays: memberDays[0]?.n ?? 0, cells: cells[0]?.n ?? 0, excluded: excluded[0]?.n ?? 0 };
      });
      // A rebuild (or a demo fill) rewrites most rows at once, and autovacuum may take long to notice: with the old
      // statistics the planner took a national subtree for ~60 units and a year for ~2,500 rows, and read 10,000
      // units' member-days one index probe at a time (1.6 s a query instead of 0.4 s at 1,000,000 messages, D-dashboard-6).
      // Units too: a demo fill adds thousands at once.
      await db.execute(sql`analyze units, mood_member_day, mood_daily, mood_excluded_daily`);
      return counts;
    },

    /** Every rollup row, ordered: for tests that compare the incremental figures with rebuilt ones. */
    async snapshot(): Promise<{ daily: unknown[]; memberDays: unknown[]; excluded: unknown[] }> {
      const daily = await executeRows(db, sql`select day::text, unit_id, topic, sentiment, channel, messages, members, weight from mood_daily order by 1, 2, 3, 4, 5`);
      const memberDays = await executeRows(db, sql`select day::text, unit_id, topic, sentiment, channel, member_id, messages, weight from mood_member_day order by 1, 2, 3, 4, 5, 6`);
      const excluded = await executeRows(db, sql`select day::text, unit_id, channel, reason, messages from mood_excluded_daily order by 1, 2, 3, 4`);
      return { daily, memberDays, excluded };
    },

    /**
     * The figures of a subtree and period in one pass over the member-day rows, grouped at once by the levels the
     * dashboard publishes (grouping sets): total, child unit, topic, sentiment, child × topic, child × topic × sentiment.
     */
    async aggregate(scope: MoodScope, options: { byChannel?: boolean; unitsOnly?: boolean } = {}): Promise<(MoodAggregateRow & { channel: string | null })[]> {
      // The same statement as the daily job's read of a whole level (mood-aggregate-read.ts), for one subtree; the
      // rows keep their shape (no `scopePath`): they are what the kept figures hold.
      return (await readMoodAggregate(db, { scope }, options)).map(({ scopePath: _scopePath, ...row }) => row);
    },

    /** Distinct members per topic in a period: the "previous period" side of the topic change. */
    async topicMembers(scope: MoodScope): Promise<Map<string, number>> {
      const rows = await executeRows<{ topic: string; members: number }>(
        db,
        sql`select m.topic, count(distinct m.member_id)::int as members
            from mood_member_day m join units u on u.id = m.unit_id where ${scopeFilter(scope)} group by m.topic`,
      );
      return new Map(rows.map((row) => [row.topic, Number(row.members)]));
    },

    /** The mood index over time: distinct members and weights per week of the month (the period grid) or calendar month. */
    async trend(scope: MoodScope, bucket: 'week' | 'month'): Promise<MoodTrendRow[]> {
      const rows = await executeRows<Record<string, unknown>>(
        db,
        sql`select ${trendStart(bucket)} as start, ${TREND_FIGURES}
            from mood_member_day m join units u on u.id = m.unit_id where ${scopeFilter(scope)}
            group by 1 order by 1`,
      );
      return rows.map(trendRowOf);
    },

    /** Messages kept out of the figures, per reason, in a subtree and period. */
    async excluded(scope: MoodScope): Promise<Record<string, number>> {
      const rows = await executeRows<{ reason: string; messages: number }>(
        db,
        sql`select m.reason, sum(m.messages)::int as messages from mood_excluded_daily m join units u on u.id = m.unit_id
            where u.path like ${`${scope.scopePath}%`} and m.day between ${scope.from}::date and ${scope.to}::date
              ${scope.channel ? sql`and m.channel = ${scope.channel}` : sql``}
            group by m.reason`,
      );
      return Object.fromEntries(rows.map((row) => [row.reason, Number(row.messages)]));
    },

  };
}

/** The direct children of a unit, and whether each has children of its own (so the dashboard can drill). */
export async function childUnitsOf(db: Db, parentId: string): Promise<{ id: string; code: string; name: string; level: string; hasChildren: boolean }[]> {
  const rows = await executeRows<{ id: string; code: string; name: string; level: string; has_children: boolean }>(
    db,
    sql`select u.id, u.code, u.name, u.level, exists (select 1 from units c where c.parent_id = u.id) as has_children
        from units u where u.parent_id = ${parentId} order by u.code`,
  );
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, level: row.level, hasChildren: row.has_children }));
}

/** The units above a unit (its path's ids, top down), with their paths. */
export async function ancestorsOf(db: Db, path: string): Promise<{ code: string; name: string; path: string }[]> {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await executeRows<{ code: string; name: string; path: string }>(
    db,
    sql`select code, name, path from units where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by length(path)`,
  );
  return rows;
}

/** The channels that have mood figures. */
export async function moodChannels(db: Db): Promise<string[]> {
  const rows = await executeRows<{ channel: string }>(db, sql`select distinct channel from mood_daily order by channel`);
  return rows.map((row) => row.channel);
}
