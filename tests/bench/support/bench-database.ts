import pg from 'pg';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database of the bench's own (`cdbench_<suite>_<pid>`) on the machine's PostgreSQL, or null when
 * PostgreSQL does not answer on 127.0.0.1 (the bench then says it skipped). `drop` removes it and ends the admin
 * connection; a failed drop is left for the next run's `drop database if exists`.
 */
export async function createBenchDatabase(suite: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `cdbench_${suite}_${process.pid}`;
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}
