import type { SQL } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Runs raw SQL and returns its rows. node-postgres and PGlite both answer `{ rows }`, but the shared `Db`
 * type cannot know which driver it is, so the result shape is asserted here, once.
 */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
