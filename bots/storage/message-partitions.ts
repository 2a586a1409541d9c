import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';
import { ENSURE_MESSAGE_PARTITIONS_SQL } from './migrate.js';

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
