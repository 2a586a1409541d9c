import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { openDatabase } from '../../bots/storage/database.js';
import { MIGRATIONS_FOLDER } from '../../bots/storage/migrate.js';

export interface TestServices {
  postgresAdminUrl: string | null;
  postgresTemplateUrl: string | null;
  redisUrl: string | null;
}

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

/**
 * Finds the real Postgres and Redis when they are reachable (TEST_DATABASE_URL / TEST_REDIS_URL override the
 * defaults) and prepares a migrated template database, so each suite can clone a fresh database in milliseconds.
 */
export async function detectTestServices(): Promise<TestServices> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  const redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS;
  const postgresOk = process.env.TEST_BACKENDS === 'embedded' ? false : await canConnectPostgres(adminUrl);
  const redisOk = process.env.TEST_BACKENDS === 'embedded' ? false : await canConnectRedis(redisUrl);
  if (!postgresOk) return { postgresAdminUrl: null, postgresTemplateUrl: null, redisUrl: redisOk ? redisUrl : null };
  const templateUrl = await ensureTemplateDatabase(adminUrl);
  return { postgresAdminUrl: adminUrl, postgresTemplateUrl: templateUrl, redisUrl: redisOk ? redisUrl : null };
}

async function canConnectPostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function canConnectRedis(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  // The journal's stamps decide which migrations drizzle applies: a restamped journal needs a new template too.
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json')));
  return hash.digest('hex').slice(0, 12);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One template per schema version, built under an advisory lock because several test runs may start at once. */
async function ensureTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `cd_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(424242)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}"`);
      const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 1 });
      await database.close();
    }
    await dropAbandonedTestDatabases(admin);
    await admin.query('select pg_advisory_unlock(424242)');
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

/** Test databases are named `cdt_<pid>_<n>`; those whose process is gone were left by a crashed run. */
async function dropAbandonedTestDatabases(admin: pg.Client): Promise<void> {
  const result = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'cdt\\_%'");
  for (const { datname } of result.rows) {
    const pid = Number(datname.split('_')[1]);
    if (Number.isFinite(pid) && !isAlive(pid)) {
      await admin.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
