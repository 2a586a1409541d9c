import pg from 'pg';
import { openDatabase, type Database } from '../../bots/storage/database.js';
import { migratedPgliteDump } from './pglite-template.js';
import { withDatabase } from './test-services.js';

/**
 * The backends every storage/queue suite runs on: the embedded pair always, the real pair when
 * Postgres (and Redis) were reachable at the start of the run (tests/support/global-setup.ts).
 */
export interface TestBackend {
  name: 'embedded' | 'postgres';
  /** Set for the real pair: the queue runs on BullMQ/Redis, else in-process. */
  redisUrl: string | null;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'embedded', redisUrl: null }];
  if (process.env.CD_TEST_PG_TEMPLATE_URL) {
    backends.push({ name: 'postgres', redisUrl: process.env.CD_TEST_REDIS_URL || null });
  }
  return backends;
}

/**
 * The backend pairs that have Redis, for suites about the real queue. Without Redis such a suite has nothing
 * to test. Redis runs on every machine of this project (CI included), so its absence is an error with a clear
 * message, never a skipped or silently empty suite.
 */
export function backendsWithRedis(): TestBackend[] {
  const withRedis = testBackends().filter((backend) => backend.redisUrl !== null);
  if (withRedis.length === 0) {
    throw new Error('Redis was not reachable on 127.0.0.1:6379 (or TEST_REDIS_URL): the Redis suites cannot run; start it with `redis-server --daemonize yes`');
  }
  return withRedis;
}

/**
 * The PostgreSQL backend, for suites about what only PostgreSQL does (the partitioned `messages` table). PostgreSQL
 * runs on every machine of this project (CI included), so its absence fails the suite with a clear message instead
 * of skipping it.
 */
export function requirePostgres(): TestBackend {
  const backend = testBackends().find((candidate) => candidate.name === 'postgres');
  if (!backend) {
    throw new Error('PostgreSQL was not reachable on 127.0.0.1:5432 (or TEST_DATABASE_URL): the PostgreSQL suites cannot run; start it with `pg_ctlcluster <version> main start`');
  }
  return backend;
}

/** `describe.each` over the backends with Redis; without Redis the suite fails to load (see `backendsWithRedis`). */
export function describeWithRedis() {
  return describe.each(backendsWithRedis());
}

export interface TestDatabase extends Database {
  /** A connection string for other processes (Postgres only; null for in-memory PGlite). */
  readonly url: string | null;
}

let counter = 0;
// Migrating a fresh PGlite takes seconds; each test process reads the migrated template once and copies it.
let pgliteTemplate: Promise<Blob> | null = null;

function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= migratedPgliteDump();
  return pgliteTemplate;
}

/** A fresh, migrated, empty database for one suite. Call `close()` in afterAll: it also drops the database. */
export async function createTestDatabase(backend: TestBackend): Promise<TestDatabase> {
  if (backend.name === 'embedded') {
    const database = await openDatabase({ memory: true, pgliteSnapshot: await migratedPgliteTemplate() });
    return { ...database, url: null };
  }
  const templateUrl = process.env.CD_TEST_PG_TEMPLATE_URL as string;
  const adminUrl = process.env.CD_TEST_PG_ADMIN_URL as string;
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `cdt_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  // CREATE DATABASE ... TEMPLATE fails while another session is copying the same template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if (attempt >= 20 || !String((error as Error).message).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    } finally {
      await client.end();
    }
  }
}
