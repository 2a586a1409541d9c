import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import type { Logger } from '../../core/ports/logger.js';

/**
 * How many months ahead the partitions of `messages` exist; every start and the daily privacy job extend it. Kept
 * here rather than in message-partitions.ts because every migration run ends with it (database.ts imports this file).
 */
export const MESSAGE_PARTITION_MONTHS_AHEAD = 3;

/**
 * Creates the missing monthly partitions of `messages` from last month (a fresh database that receives last month's
 * messages, e.g. an import) to MESSAGE_PARTITION_MONTHS_AHEAD ahead (migration 0020's function; a no-op on PGlite,
 * whose table is not partitioned; D-scale-6).
 */
export const ENSURE_MESSAGE_PARTITIONS_SQL = `select messages_ensure_partitions(now() - interval '1 month', now() + interval '${MESSAGE_PARTITION_MONTHS_AHEAD} months') as made`;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same for every process of this platform.
const MIGRATION_LOCK_KEY = 71_142_019;

/**
 * Applies pending drizzle-kit migrations on PostgreSQL. A session advisory lock, held on one dedicated
 * connection, keeps a server and a worker that start together from migrating at the same time.
 */
export async function migratePostgres(pool: Pool, logger: Logger): Promise<void> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      // Migration 0020 partitions `messages` by month on PostgreSQL only (PGlite keeps one table, D-scale-6).
      await client.query("set congdoan.partition_messages = 'on'");
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
      await client.query('reset congdoan.partition_messages');
      await client.query(ENSURE_MESSAGE_PARTITIONS_SQL);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  logger.debug({ folder: MIGRATIONS_FOLDER }, 'migrations applied');
}

/** PGlite is single-process (see database.ts), so no lock is needed. */
export async function migratePglite(db: unknown): Promise<void> {
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
}
