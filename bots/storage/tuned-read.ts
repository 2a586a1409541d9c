import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';

/** Planner settings for one heavy read; each applies to that read only (docs/decisions.md D-dashboard-7). */
export interface ReadTuning {
  /** Memory a sort or hash of this read may use before spilling to disk, in MB (the server default is 4). */
  workMemMb: number;
  /** Plain index scans off: an index read whole only for its order costs more than a sequential scan and a sort. */
  noIndexScan?: boolean;
  /**
   * Just-in-time compilation off: the planner asks for it by the read's estimated cost, and for a read of many grouping
   * sets it compiles dozens of functions in the leader and in each parallel worker, seconds of CPU that a sort-bound read
   * does not win back (docs/decisions.md D-mood-16).
   */
  noJit?: boolean;
}

/**
 * Runs one read in its own transaction with `SET LOCAL` settings, so they end with it and never leak into the
 * pooled connection's next user. Worth a transaction only for reads that take seconds.
 */
export async function executeTunedRows<T>(db: Db, query: SQL, tuning: ReadTuning): Promise<T[]> {
  const workMem = Math.max(1, Math.floor(tuning.workMemMb));
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${workMem}MB'`));
    if (tuning.noIndexScan) await tx.execute(sql`set local enable_indexscan = off`);
    if (tuning.noJit) await tx.execute(sql`set local jit = off`);
    return executeRows<T>(tx, query);
  });
}
