import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { hasErrorCode } from '../error-code.js';
import { executeRows } from '../execute-rows.js';

/** What dropping whole months removed: the same counts as the row-by-row purge, plus the months. */
export interface MonthPurgeCounts {
  months: string[];
  messages: number;
  learningItems: number;
  deliveries: number;
}

const MONTH_PARTITION = /^messages_\d{4}_\d{2}$/;
const LOCK_NOT_AVAILABLE = new Set(['55P03']);
/**
 * How long the detach may wait for the table's lock. The detach needs `messages` to itself for a moment, and while
 * it waits every new statement on `messages` queues behind it: a short wait, then the month is left to the row purge.
 */
const DETACH_LOCK_TIMEOUT = '1s';

/**
 * Retention on a partitioned `messages` (PostgreSQL, D-scale-6): a month whose every message is purgeable goes as a
 * whole partition — its learning-queue copies, delivery records and dedupe rows deleted first, then the partition
 * detached and dropped — instead of millions of row deletes (their WAL, their dead tuples, the vacuum after). A month
 * that still holds in-flight work (`purgeable` false for one row) is left to the row-by-row purge, which keeps
 * that work and deletes the rest. No-op on PGlite, whose `messages` is one plain table.
 */
export async function purgeWholeMonths(db: Db, cutoff: Date, purgeable: SQL): Promise<MonthPurgeCounts> {
  const counts: MonthPurgeCounts = { months: [], messages: 0, learningItems: 0, deliveries: 0 };
  for (const month of await monthsEndingBy(db, cutoff)) {
    const table = sql.identifier(month);
    // Every row must be purgeable by the row purge's own rule (in-flight work, messages handled after the cutoff).
    const [state] = await executeRows<{ total: number; purgeable: number }>(
      db,
      sql`select count(*)::int as total, count(*) filter (where ${purgeable})::int as purgeable from ${table} m`,
    );
    if (!state || state.total !== state.purgeable) continue;
    // Dependent rows go first, outside the lock: they are many (a month of them), and a month that turns out not to
    // detach loses nothing by it — the row purge that follows deletes the same messages with their dependants.
    const deliveries = await executeRows<{ n: number }>(db, sql`with d as (delete from channel_deliveries where outbound_message_id in (select id from ${table}) returning 1) select count(*)::int as n from d`);
    const learning = await executeRows<{ n: number }>(db, sql`with d as (delete from unanswered_questions where message_id in (select id from ${table}) returning 1) select count(*)::int as n from d`);
    // The dedupe rows reference the month (a foreign key that would refuse the detach).
    await db.execute(sql`delete from inbound_dedupe d using ${table} m where d.message_id = m.id`);
    const detached = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${DETACH_LOCK_TIMEOUT}'`));
      await tx.execute(sql`savepoint month_detach`);
      try {
        await tx.execute(sql`lock table messages in access exclusive mode`);
      } catch (error) {
        if (!hasErrorCode(error, LOCK_NOT_AVAILABLE)) throw error;
        // lock_not_available: traffic held the table; the row purge deletes this month's rows instead.
        await tx.execute(sql`rollback to savepoint month_detach`);
        return false;
      }
      // Under the lock, only work in flight (found through the status index) could have made a row unpurgeable since
      // the count above: an old message re-queued in between. Old months take no inserts (rows are created now).
      const [busy] = await executeRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${table} m where (m.direction = 'in' and m.status = 'received') or (m.direction = 'out' and m.status = 'queued')`,
      );
      if ((busy?.n ?? 0) > 0) return false;
      await tx.execute(sql`alter table messages detach partition ${table}`);
      await tx.execute(sql`drop table ${table}`);
      return true;
    });
    // Deleted either way: the row purge will not find them again.
    counts.deliveries += Number(deliveries[0]?.n ?? 0);
    counts.learningItems += Number(learning[0]?.n ?? 0);
    if (!detached) continue;
    counts.months.push(month);
    counts.messages += state.total;
  }
  return counts;
}

/** The month partitions of `messages` whose upper bound is at or before the cutoff, oldest first. */
async function monthsEndingBy(db: Db, cutoff: Date): Promise<string[]> {
  const rows = await executeRows<{ name: string }>(
    db,
    sql`select name from (
          select c.relname as name, (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1] as upper
          from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
          where p.relname = 'messages' and p.relkind = 'p' and p.relnamespace = 'public'::regnamespace
        ) months
        where upper is not null and upper::timestamptz <= ${cutoff.toISOString()}::timestamptz
        order by 1`,
  );
  return rows.map((row) => row.name).filter((name) => MONTH_PARTITION.test(name));
}
