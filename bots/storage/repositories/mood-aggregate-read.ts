import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeTunedRows, type ReadTuning } from '../tuned-read.js';
import type { MoodAggregateRow, MoodScope } from './mood-scope.js';

/**
 * The subtrees of every unit of one depth, read in one pass (docs/decisions.md D-mood-15): all `scopePaths` are
 * `pathLength` characters long, so a unit's subtree is exactly the units whose path starts with those characters —
 * `left(path, pathLength) = scopePath`, the same set as the single-subtree read's `path like scopePath%`.
 */
export interface MoodLevelScope {
  pathLength: number;
  scopePaths: readonly string[];
  from: string;
  to: string;
  channel?: string | undefined;
}

/** What one aggregate read covers: one subtree (the dashboard's request) or every subtree of one depth (the daily job). */
export type MoodAggregateTarget = { scope: MoodScope } | { level: MoodLevelScope };

/** The SQL twin of `segmentStart` (core/mood/period-grid.ts): the week of the month, starting the 1st, 8th, 15th or 22nd. */
export const SEGMENT_START = sql`(date_trunc('month', m.day)::date + least((extract(day from m.day)::int - 1) / 7, 3) * 7)`;

/** The member-day rows (`m`, joined to their unit `u`) of one subtree and period, with the scope's filters. */
export function scopeFilter(scope: MoodScope): SQL {
  return sql`u.path like ${`${scope.scopePath}%`} and m.day between ${scope.from}::date and ${scope.to}::date
    ${scope.channel ? sql`and m.channel = ${scope.channel}` : sql``}
    ${scope.topic ? sql`and m.topic = ${scope.topic}` : sql``}`;
}

/** The rows (`m` joined to `u`) of every subtree of a level and period; `left(u.path, n)` names the subtree. */
export function levelFilter(level: MoodLevelScope): SQL {
  return sql`${levelRoot(level)} in (select jsonb_array_elements_text(${JSON.stringify(level.scopePaths)}::jsonb))
    and m.day between ${level.from}::date and ${level.to}::date
    ${level.channel ? sql`and m.channel = ${level.channel}` : sql``}`;
}

/** The root path of the level's subtree a row belongs to (its unit's path cut to the level's length). */
export function levelRoot(level: MoodLevelScope): SQL {
  return sql`left(u.path, ${sql.raw(String(Math.trunc(level.pathLength)))})`;
}

/**
 * The summary's two per-member reads are CPU-bound (D-dashboard-7). With the default 4 MB their sorts merge on disk;
 * and the per-member pass, which groups by member, was planned as a walk of the whole member index for its order:
 * 830,000 random buffer reads for a national year at 1,000,000 messages, against a sequential scan and one sort.
 * Measured there as the server's CPU per query: per-member 3.4–3.7 s → 2.9 s, per-segment 2.1–2.3 s → 1.75 s.
 * 64 MB was worse for the per-member pass (the planner switches to hashing grouping sets, which spills). Its
 * just-in-time compilation is off (D-mood-16): 70 functions compiled per process cost it 1–4 s of the server's CPU
 * (national custom year, 1,000,000 messages), while the per-segment reads, whose JIT pays for itself, keep it.
 */
const PER_MEMBER_TUNING: ReadTuning = { workMemMb: 32, noIndexScan: true, noJit: true };
const SEGMENT_TUNING: ReadTuning = { workMemMb: 32 };
/** The bit each column sets in `grouping(child, topic, sentiment)` when a set leaves it out. */
const GROUPING_BITS: readonly (readonly [string, number])[] = [
  ['child', 4],
  ['topic', 2],
  ['sentiment', 1],
];

export type MoodAggregateReadRow = MoodAggregateRow & { channel: string | null };

/**
 * The figures of a subtree and period in one pass over the member-day rows, grouped at once by the levels the
 * dashboard publishes (grouping sets): total, child unit, topic, sentiment, child × topic, child × topic × sentiment.
 * For a level, every grouping set is also grouped by the subtree (its root path): the rows of each subtree are the
 * rows its own read would return, keyed by `scopePath`. One statement text for both, so they cannot drift apart.
 */
export async function readMoodAggregate(
  db: Db,
  target: MoodAggregateTarget,
  options: { byChannel?: boolean; unitsOnly?: boolean } = {},
): Promise<(MoodAggregateReadRow & { scopePath: string })[]> {
  // `unitsOnly`: the total and the child units only, all a previous period's document is read for (its units'
  // change, D-dashboard-4). Those two levels are suppressed from their own rows alone (core/mood/summary-document.ts),
  // so they come out as in the full pass, at about a third of its per-member rows (D-dashboard-6).
  // The per-member pass reads every set in one statement (split, it costs a fifth more CPU: each read scans, joins
  // and sorts the rows again). The per-segment count(distinct) is read in two chains sent at once, each set a
  // prefix of the next plus a column so that one sort serves a chain: less CPU than one statement, on two
  // connections (D-dashboard-7).
  const allSets: string[][] = options.unitsOnly ? [[], ['child']] : [[], ['child'], ['topic'], ['sentiment'], ['child', 'topic'], ['child', 'topic', 'sentiment']];
  const segmentChains: string[][][] = options.unitsOnly
    ? [allSets]
    : [
        [[], ['child'], ['child', 'topic'], ['child', 'topic', 'sentiment']],
        [['topic'], ['sentiment']],
      ];
  const level = 'level' in target ? target.level : null;
  // By level, the subtree is one more column of every set, of the window's partition and of the final grouping.
  const scopeColumns = level ? ['scope_path'] : [];
  const scopeList = level ? 'scope_path, ' : '';
  const setsWith = (sets: string[][], extra: string[]) => sql.raw(sets.map((set) => `(${[...extra, ...set].join(', ')})`).join(', '));
  const channelColumns = options.byChannel ? ['channel'] : [];
  const rootLength = level ? level.pathLength : (target as { scope: MoodScope }).scope.scopePath.length;
  const scoped = sql`
        with scoped as (
          select ${level ? sql`${levelRoot(level)} as scope_path, ` : sql``}split_part(substr(u.path, ${rootLength + 1}), '/', 1) as child, m.channel, m.topic, m.sentiment, m.member_id, m.messages, m.weight,
            ${SEGMENT_START} as seg
          from mood_member_day m join units u on u.id = m.unit_id
          where ${level ? levelFilter(level) : scopeFilter((target as { scope: MoodScope }).scope)}
        )`;
  const channelSelect = options.byChannel ? sql`channel` : sql`null::text as channel`;
  // The bits of grouping(child, topic, sentiment) (child=4, topic=2, sentiment=1), written per column: PostgreSQL
  // accepts in grouping() only columns the read groups by, and a column no set of the read holds is always left out.
  const groupingSelect = (sets: string[][]) => {
    const grouped = new Set(sets.flat());
    const parts = GROUPING_BITS.map(([column, bit]) => (grouped.has(column) ? [`grouping(${column}) * ${bit}`, column] : [`${bit}`, `null::text as ${column}`]));
    return sql`${sql.raw(scopeList)}${sql.raw(parts.map(([bit]) => bit).join(' + '))} as g, ${channelSelect}, ${sql.raw(parts.map(([, column]) => column).join(', '))}`;
  };
  const groupKey = sql.raw(`${scopeList}g, channel, child, topic, sentiment`);
  // Per member first (what each group knows of each member), then per group: distinct members without a
  // count(distinct), and when members first and last appear, which the differencing rules need.
  const perMemberRead = (sets: string[][]) =>
    executeTunedRows<Record<string, unknown>>(
      db,
      sql`${scoped},
          per_member as (
            select ${groupingSelect(sets)}, member_id,
              bool_or(sentiment = 'negative') as negative, sum(messages) as messages,
              coalesce(sum(weight) filter (where sentiment = 'positive'), 0) as positive_weight,
              coalesce(sum(weight) filter (where sentiment = 'negative'), 0) as negative_weight,
              sum(weight) as total_weight, min(seg) as first_seg, max(seg) as last_seg
            from scoped
            group by grouping sets (${setsWith(sets, [...scopeColumns, ...channelColumns, 'member_id'])})),
          edged as (
            select *, min(first_seg) over w as group_first, max(last_seg) over w as group_last,
              max(first_seg) over w as latest_first, min(last_seg) over w as earliest_last
            from per_member window w as (partition by ${groupKey}))
          select ${groupKey},
            count(*)::int as members, (count(*) filter (where negative))::int as negative_members,
            sum(messages)::int as messages, sum(positive_weight)::float8 as positive_weight,
            sum(negative_weight)::float8 as negative_weight, sum(total_weight)::float8 as total_weight,
            (count(*) filter (where first_seg = group_first))::int as first_n,
            (count(*) filter (where last_seg = group_last))::int as last_n,
            (count(*) filter (where first_seg = latest_first))::int as newcomers_n,
            (count(*) filter (where last_seg = earliest_last))::int as leavers_n
          from edged group by ${groupKey}`,
      PER_MEMBER_TUNING,
    );
  // Members per segment of each group: the smallest one decides whether message counts may be shown.
  const segmentRead = (chain: string[][]) =>
    executeTunedRows<Record<string, unknown>>(
      db,
      sql`${scoped},
          per_segment as (
            select ${groupingSelect(chain)}, seg, count(distinct member_id)::int as n
            from scoped
            group by grouping sets (${setsWith(chain, [...scopeColumns, ...channelColumns, 'seg'])}))
          select ${groupKey}, min(n) as min_n
          from per_segment group by ${groupKey}`,
      SEGMENT_TUNING,
    );
  const [rows, segmentParts] = await Promise.all([perMemberRead(allSets), Promise.all(segmentChains.map(segmentRead))]);
  const segments = segmentParts.flat();
  const oneScope = level ? null : (target as { scope: MoodScope }).scope.scopePath;
  const scopeOf = (row: Record<string, unknown>) => oneScope ?? String(row.scope_path);
  const key = (row: Record<string, unknown>) =>
    `${scopeOf(row)}|${Number(row.g)}|${String(row.channel ?? '')}|${String(row.child ?? '')}|${String(row.topic ?? '')}|${String(row.sentiment ?? '')}`;
  const edges = new Map(segments.map((row) => [key(row), row]));
  // grouping() sets a bit per column left out: child=4, topic=2, sentiment=1.
  const levels: Record<number, MoodAggregateRow['level']> = { 7: 'total', 3: 'child', 5: 'topic', 6: 'sentiment', 1: 'child_topic', 0: 'cell' };
  return rows.map((row) => {
    const edge = edges.get(key(row));
    const members = Number(row.members);
    return {
      scopePath: scopeOf(row),
      level: levels[Number(row.g)] ?? 'total',
      channel: (row.channel as string | null) ?? null,
      child: (row.child as string | null) ?? null,
      topic: (row.topic as string | null) ?? null,
      sentiment: (row.sentiment as string | null) ?? null,
      members,
      negativeMembers: Number(row.negative_members),
      messages: Number(row.messages),
      positiveWeight: Number(row.positive_weight),
      negativeWeight: Number(row.negative_weight),
      totalWeight: Number(row.total_weight),
      firstSegmentMembers: Number(row.first_n),
      lastSegmentMembers: Number(row.last_n),
      newcomersInLastSegment: Number(row.newcomers_n),
      leaversInFirstSegment: Number(row.leavers_n),
      minSegmentMembers: edge ? Number(edge.min_n) : members,
    };
  });
}
