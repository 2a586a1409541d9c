import { sql } from 'drizzle-orm';
import type { HandoffFacts, HandoffFactsSource } from '../../../core/ports/handoff-facts.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

/** How far back and how many claimed hand-offs the expected wait looks at. */
const RECENT_DAYS = 30;
const RECENT_COUNT = 50;

/**
 * Office hours along the unit's ancestry and the honest expected wait: the median of claimed_at − handed_off_at
 * over the unit's latest claimed hand-offs (by the member's unit, which stays put when the queue escalates).
 */
export function createHandoffFactsRepository(db: Db): HandoffFactsSource {
  return {
    async facts(unitId, now): Promise<HandoffFacts> {
      if (!unitId) {
        const roots = await executeRows<{ officeHours: unknown }>(db, sql`select office_hours as "officeHours" from units where parent_id is null order by path limit 1`);
        return { unitName: null, officeHoursChain: roots.map((r) => r.officeHours), medianWaitMinutes: null };
      }
      const chain = await executeRows<{ name: string; officeHours: unknown; self: boolean }>(
        db,
        sql`select a.name, a.office_hours as "officeHours", a.id = u.id as self
            from units u join units a on u.path like a.path || '%'
            where u.id = ${unitId}
            order by length(a.path) desc`,
      );
      const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
      const [wait] = await executeRows<{ median: number | string | null }>(
        db,
        sql`select percentile_cont(0.5) within group (order by extract(epoch from (claimed_at - handed_off_at))) as median
            from (select claimed_at, handed_off_at from conversations
                  where unit_id = ${unitId} and claimed_at is not null and handed_off_at is not null
                    and claimed_at >= handed_off_at and handed_off_at > ${since.toISOString()}::timestamptz
                  order by handed_off_at desc limit ${RECENT_COUNT}) recent`,
      );
      const seconds = wait?.median === null || wait?.median === undefined ? null : Number(wait.median);
      return {
        unitName: chain.find((row) => row.self)?.name ?? null,
        officeHoursChain: chain.map((row) => row.officeHours),
        medianWaitMinutes: seconds === null || Number.isNaN(seconds) ? null : seconds / 60,
      };
    },
  };
}
