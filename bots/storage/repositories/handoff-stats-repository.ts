import { sql } from 'drizzle-orm';
import type { HandoffStats, HandoffUnitStats } from '../../../core/contracts/mood-api.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { childUnitsOf } from './mood-repository.js';

/** Vietnam has no daylight saving: a Vietnam day starts at 00:00+07:00. */
const vietnamMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);
const nextDay = (day: string) => new Date(vietnamMidnight(day).getTime() + 86_400_000);

interface Row {
  bucket: string | null;
  requested: number;
  handled: number;
  waiting: number;
  overdue: number;
  median_s: number | string | null;
}

export interface HandoffStatsUnit {
  id: string;
  code: string;
  name: string;
  path: string;
}

export type HandoffStatsRepository = ReturnType<typeof createHandoffStatsRepository>;

/**
 * Hand-off statistics of a subtree (issue #10 item 6) from the `handoffs` history (migration 0018): the hand-offs
 * requested in the period by members of the subtree, in total and per direct child, one statement.
 */
export function createHandoffStatsRepository(db: Db) {
  return {
    async stats(unit: HandoffStatsUnit, from: string, to: string): Promise<HandoffStats> {
      const children = await childUnitsOf(db, unit.id);
      const rows = await executeRows<Row>(
        db,
        sql`with h as (
              select h.claimed_at, h.handed_off_at, h.ended_at, h.overdue, coalesce(ch.code, ${unit.code}) as bucket
              from handoffs h
              join units u on u.id = h.unit_id
              left join units ch on ch.parent_id = ${unit.id} and u.path like ch.path || '%'
              where u.path like ${`${unit.path}%`} and h.handed_off_at >= ${vietnamMidnight(from)} and h.handed_off_at < ${nextDay(to)})
            select bucket, count(*)::int as requested, count(claimed_at)::int as handled,
                   (count(*) filter (where claimed_at is null and ended_at is null))::int as waiting,
                   (count(*) filter (where overdue))::int as overdue,
                   percentile_cont(0.5) within group (order by case when claimed_at is not null then greatest(0, extract(epoch from (claimed_at - handed_off_at))) end) as median_s
            from h group by rollup (bucket)`,
      );
      const figures = (row: Row | undefined): Omit<HandoffUnitStats, 'unit' | 'name'> => {
        const seconds = row?.median_s === null || row?.median_s === undefined ? null : Number(row.median_s);
        return {
          requested: Number(row?.requested ?? 0),
          handled: Number(row?.handled ?? 0),
          waiting: Number(row?.waiting ?? 0),
          overdue: Number(row?.overdue ?? 0),
          median_minutes_to_claim: seconds === null || Number.isNaN(seconds) ? null : Math.round(seconds / 6) / 10,
        };
      };
      const byBucket = new Map(rows.filter((row) => row.bucket !== null).map((row) => [row.bucket, row]));
      // The unit itself is listed only when members are attached to it directly (as the mood summary does).
      const own = byBucket.get(unit.code);
      const listed = [...(own ? [{ code: unit.code, name: unit.name }] : []), ...children];
      return {
        unit: unit.code,
        name: unit.name,
        from,
        to,
        ...figures(rows.find((row) => row.bucket === null)),
        children: listed.map((child) => ({ unit: child.code, name: child.name, ...figures(byBucket.get(child.code)) })),
      };
    },
  };
}
