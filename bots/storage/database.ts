import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { AppError } from '../../core/errors/app-error.js';
import type { Logger } from '../../core/ports/logger.js';
import { silentLogger } from '../../core/ports/logger.js';
import * as schema from './schema/index.js';
import { migratePglite, migratePostgres } from './migrate.js';
import { createStatementLanes } from './pglite-lanes.js';
import { createDatabaseCircuit, DatabaseCircuitOpenError, type DatabaseCircuit } from './database-circuit.js';
import { gatePoolCheckouts } from './pool-checkout-gate.js';
import { guardPoolWithCircuit } from './pool-circuit-guard.js';

export type Schema = typeof schema;
/** The drizzle database, the same type for PostgreSQL and PGlite so repositories are written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly db: Db;
  /**
   * For the dashboards' and reports' heavy reads (a national year computed for the first time may run for tens of
   * seconds): on PostgreSQL a small pool of its own with the longer `analyticsTimeoutMs`, so those statements neither
   * hit the request path's short time-out nor take its connections; elsewhere the same as `db`.
   */
  readonly analyticsDb: Db;
  readonly kind: DatabaseKind;
  /**
   * PostgreSQL's fail-fast circuit (database-circuit.ts); the embedded database has no connection to lose, so its
   * circuit never opens.
   */
  readonly circuit: DatabaseCircuit;
  /** Throws when the database does not answer; used by /readyz. */
  ping(): Promise<void>;
  /**
   * Runs `work` with its statements ahead of those waiting for the embedded database's single connection (the
   * acknowledgement path, issue #12); on PostgreSQL, with its pool, it simply runs `work`.
   */
  first<T>(work: () => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent). */
  migrate(logger: Logger): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite under `dataDir/pglite` (or in memory with `memory`). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** How long to wait when this process already has `dataDir` open (default 120 s; tests shorten it). */
  dataDirWaitMs?: number | undefined;
  /** PGlite only: keep the database in memory (tests). */
  memory?: boolean;
  /** PGlite in memory only: start from a data directory dumped by `dumpPglite` (a migrated template). */
  pgliteSnapshot?: Blob;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** PostgreSQL only: how long a query waits for a connection (new or from the pool) before failing as unavailable. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL only: a statement running longer is cancelled by the server, and one with no answer a second later
   * (a partitioned network, a frozen server) fails here and opens the circuit; 0 (default) = no limit, for the CLI's
   * long commands. Migrations never have one (they run on their own connection).
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL only: the time-out of `analyticsDb`'s statements (same rule as `statementTimeoutMs`, 0 = no limit).
   * Used only when `statementTimeoutMs` is set; without it `analyticsDb` is `db`.
   */
  analyticsTimeoutMs?: number;
  /** PostgreSQL only: how long requests fail at once after a connection failure before one probe may try (0 = off). */
  circuitOpenMs?: number;
  /** The circuit's clock in milliseconds (tests move it instead of waiting); default `performance.now`. */
  circuitNow?: () => number;
  /** Embedded database only (debugging, DB_STATEMENT_LOG): append every statement sent to PGlite to this file. */
  statementLog?: string;
  logger?: Logger;
}

/** Opens the configured database and applies pending migrations, so every entry point starts on the same schema. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const logger = options.logger ?? silentLogger;
  const database = options.databaseUrl
    ? await openPostgres(
        options.databaseUrl,
        {
          poolSize: options.poolSize ?? 10,
          connectTimeoutMs: options.connectTimeoutMs ?? 3000,
          statementTimeoutMs: options.statementTimeoutMs ?? 0,
          analyticsTimeoutMs: options.analyticsTimeoutMs ?? 0,
        },
        createDatabaseCircuit({ openMs: options.circuitOpenMs ?? 2000, ...(options.circuitNow ? { now: options.circuitNow } : {}) }),
        logger,
      )
    : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await database.migrate(logger);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/** The grace after the server's statement_timeout before the client stops waiting for any answer. */
const UNANSWERED_GRACE_MS = 1000;
/** Connections of the analytics pool (dashboards, reports, daily mood jobs): half the request path's, at least 2. */
const analyticsPoolSize = (poolSize: number) => Math.max(2, Math.floor(poolSize / 2));

async function openPostgres(
  url: string,
  { poolSize, connectTimeoutMs, statementTimeoutMs, analyticsTimeoutMs }: { poolSize: number; connectTimeoutMs: number; statementTimeoutMs: number; analyticsTimeoutMs: number },
  circuit: DatabaseCircuit,
  logger: Logger,
): Promise<Database> {
  const { Pool } = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // A bounded wait for a connection: with the server down or unreachable a request fails within this time (the
  // edge answers 503 + Retry-After) instead of hanging until the platform's own timeout; keep-alive notices a
  // silently dropped connection.
  // keepAlive alone would take minutes to notice a partition; the statement time-outs bound every query instead.
  const openCircuitRefusal = () => {
    const { state, retryInMs } = circuit.snapshot();
    return state === 'open' ? new DatabaseCircuitOpenError(Math.max(retryInMs, 1)) : undefined;
  };
  const openPool = (max: number, timeoutMs: number, gate?: { maxWaitMs: number }) => {
    const timeouts = timeoutMs > 0 ? { statement_timeout: timeoutMs, query_timeout: timeoutMs + UNANSWERED_GRACE_MS } : {};
    const created = new Pool({ connectionString: url, max, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true, ...timeouts });
    // An idle client that errors (server restart) must not crash the process; the next query reconnects.
    created.on('error', () => undefined);
    // Nor a client checked out for a transaction when its connection dies (a restart, a failover): pg emits
    // 'error' on it with no listener attached, which would end the process. Its queries fail on their own (the
    // request answers 503); the pool discards the broken client.
    created.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    guardPoolWithCircuit(created, circuit);
    // Outside the guard: a checkout queued for a slot must not hold a half-open circuit's one probe (shared with
    // the request path) while it waits; one that would queue while the circuit is open is refused at once.
    if (gate) gatePoolCheckouts(created, { slots: max, maxWaitMs: gate.maxWaitMs, refuseWait: openCircuitRefusal });
    return created;
  };
  // With time-outs (the server, the workers) the heavy reads get a pool of their own whose checkouts queue behind a
  // gate for as long as such a read may run; the request path keeps its short bound (exhausted = 503 at once).
  // Without (the CLI's long commands, benchmarks) there is no request path to protect: one pool, gated, no limit.
  const pool = openPool(poolSize, statementTimeoutMs, statementTimeoutMs > 0 ? undefined : { maxWaitMs: 0 });
  const analyticsPool = statementTimeoutMs > 0 ? openPool(analyticsPoolSize(poolSize), analyticsTimeoutMs, { maxWaitMs: analyticsTimeoutMs }) : null;
  circuit.onChange((state) => {
    if (state === 'open') logger.warn({ retryInMs: circuit.snapshot().retryInMs }, 'database unreachable: requests fail at once (503) until a probe connects');
    else if (state === 'closed') logger.info({}, 'database reachable again: circuit closed');
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    analyticsDb: analyticsPool ? (drizzle(analyticsPool, { schema }) as unknown as Db) : db,
    kind: 'postgres',
    circuit,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    first: (work) => work(),
    // A migration may rewrite a large table: on a pool of its own, without the statement time-outs.
    migrate: async (logger) => {
      if (statementTimeoutMs === 0) return migratePostgres(pool, logger);
      const unbounded = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: connectTimeoutMs });
      unbounded.on('error', () => undefined);
      try {
        await migratePostgres(unbounded, logger);
      } finally {
        await unbounded.end();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), analyticsPool?.end()]);
    },
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let releaseLock = () => undefined as void;
  let client;
  if (options.memory) {
    client = options.pgliteSnapshot ? new PGlite({ loadDataDir: options.pgliteSnapshot }) : new PGlite();
  } else {
    if (!options.dataDir) throw new AppError('CONFIG_INVALID', 'DATA_DIR is required for the embedded database');
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = await acquireDataDirLock(options.dataDir, options.dataDirWaitMs ?? DATA_DIR_WAIT_MS);
    client = new PGlite(join(options.dataDir, 'pglite'));
  }
  await client.waitReady;
  const lanes = createStatementLanes(client, options.statementLog ? { statementLog: options.statementLog } : {});
  const db = drizzle(lanes.client, { schema }) as unknown as Db;
  return {
    db,
    analyticsDb: db,
    kind: 'pglite',
    circuit: createDatabaseCircuit({ openMs: 0 }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    first: lanes.first,
    migrate: () => migratePglite(db),
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock();
        await lanes.closeLog();
      }
    },
  };
}

/** How long a second opener in the same process waits for the first to close the folder. */
const DATA_DIR_WAIT_MS = 120_000;

/** Data folders this process has open, each with the promise its holder resolves on close. */
const openDataDirs = new Map<string, Promise<void>>();

/**
 * PGlite is one instance's database: two instances writing the same folder corrupt it — two processes, and just as
 * well two instances in ONE process (each keeps its own buffers; four `congdoan mood report` commands run at once by
 * a test read "unexpected chunk number 0 (expected 3) for toast value …"). Another live process holding the pid file
 * is a clear error at once (use DATABASE_URL to share a database between processes); a second opener in this
 * process waits for the first to close, up to `waitMs`, then fails the same way.
 */
async function acquireDataDirLock(dataDir: string, waitMs: number): Promise<() => void> {
  checkOtherProcess(dataDir);
  const key = resolve(dataDir);
  const deadline = Date.now() + waitMs;
  for (let held = openDataDirs.get(key); held; held = openDataDirs.get(key)) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([held.then(() => false), new Promise<boolean>((done) => (timer = setTimeout(() => done(true), Math.max(0, remaining))))]);
    clearTimeout(timer);
    if (timedOut) throw new AppError('DEPENDENCY_UNAVAILABLE', `the embedded database in ${dataDir} is open elsewhere in this process; close it first or set DATABASE_URL`);
  }
  let release = () => undefined as void;
  openDataDirs.set(key, new Promise<void>((done) => (release = done)));
  const lockFile = join(dataDir, 'pglite.lock');
  writeFileSync(lockFile, String(process.pid));
  return () => {
    openDataDirs.delete(key);
    rmSync(lockFile, { force: true });
    release();
  };
}

function checkOtherProcess(dataDir: string): void {
  const lockFile = join(dataDir, 'pglite.lock');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isProcessAlive(holder)) {
      throw new AppError(
        'DEPENDENCY_UNAVAILABLE',
        `the embedded database in ${dataDir} is in use by process ${holder}; stop it, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL database`,
      );
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Dumps a PGlite database's data directory, to start other in-memory databases from it quickly. */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (database.kind !== 'pglite') throw new AppError('INTERNAL', 'only an embedded database can be dumped');
  const client = (database.db as unknown as { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } }).$client;
  return client.dumpDataDir('none');
}
