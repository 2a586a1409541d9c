import pg from 'pg';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database of the bench's own (`cdbench_<suite>_<pid>`) on the machine's PostgreSQL, or null when
 * PostgreSQL does not answer on 127.0.0.1 (the bench then says it skipped). `drop` removes it and ends the admin
 * connection; a failed drop is left for the next run's `drop database if exists`. With `keepAs` the database is
 * `cdbench_<keepAs>`, kept after the run and reused (`reused: true`) by the next run that names it.
 */
export async function createBenchDatabase(suite: string, options: { keepAs?: string } = {}): Promise<{ url: string; reused: boolean; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  // `keepAs`: a named database that outlives the run (filled once, measured again later); otherwise a fresh one.
  const name = options.keepAs ? `cdbench_${options.keepAs.replace(/[^a-z0-9_]/gi, '_')}` : `cdbench_${suite}_${process.pid}`;
  const reused = options.keepAs ? (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1 : false;
  if (!reused) {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  }
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reused,
    drop: async () => {
      if (!options.keepAs) await admin.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}
