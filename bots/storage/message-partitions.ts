import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';

/** How many months ahead the partitions of `messages` exist; every start and the daily privacy job extend it. */
export const MESSAGE_PARTITION_MONTHS_AHEAD = 3;

/**
 * Creates the missing monthly partitions of `messages` from last month (a fresh database that receives last month's
 * messages, e.g. an import) to MESSAGE_PARTITION_MONTHS_AHEAD ahead (migration 0020's function; a no-op on PGlite,
 * whose table is not partitioned; D-scale-6).
 */
export const ENSURE_MESSAGE_PARTITIONS_SQL = `select messages_ensure_partitions(now() - interval '1 month', now() + interval '${MESSAGE_PARTITION_MONTHS_AHEAD} months') as made`;

/** The daily job's call of ENSURE_MESSAGE_PARTITIONS_SQL; returns how many partitions it created. */
export async function ensureMessagePartitions(db: Db): Promise<number> {
  const rows = await executeRows<{ made: number }>(db, sql.raw(ENSURE_MESSAGE_PARTITIONS_SQL));
  return Number(rows[0]?.made ?? 0);
}

/** Partitions for a range of past or future messages (the demo generator backdates two years). */
export async function ensureMessagePartitionsBetween(db: Db, from: Date, to: Date): Promise<number> {
  const rows = await executeRows<{ made: number }>(db, sql`select messages_ensure_partitions(${from}, ${to}) as made`);
  return Number(rows[0]?.made ?? 0);
}
