import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import type { Logger } from '../../core/ports/logger.js';
import { ENSURE_MESSAGE_PARTITIONS_SQL } from './message-partitions.js';

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
