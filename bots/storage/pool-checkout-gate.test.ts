import pg from 'pg';
import { sql } from 'drizzle-orm';
import { requirePostgres } from '../../tests/support/backends.js';
import { openDatabase } from './database.js';
import { executeRows } from './execute-rows.js';
import { gatePoolCheckouts } from './pool-checkout-gate.js';

// Pool behaviour exists only on PostgreSQL (PGlite has one connection and no pool).
requirePostgres();
// The admin database, not the template: a session on the template would block other suites' CREATE DATABASE.
const url = process.env.CD_TEST_PG_ADMIN_URL as string;
const sleepers = (pool: pg.Pool, n: number, seconds: number) =>
  Promise.allSettled(Array.from({ length: n }, () => pool.query(`select pg_sleep(${seconds})`)));

describe('the analytics pool checkout gate (PostgreSQL)', () => {
  it('without the gate, reads queued behind a busy pool fail after the short connect bound (the bug it fixes)', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 150 });
    try {
      const results = await sleepers(pool, 5, 0.4);
      expect(results.filter((result) => result.status === 'rejected').length).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });

  it('with the gate, every read waits its turn and the connect bound applies to connecting only', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 500 });
    gatePoolCheckouts(pool, { slots: 2, maxWaitMs: 0 });
    try {
      const results = await sleepers(pool, 5, 0.6);
      expect(results.map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
      // Transactions (drizzle's connect() form) release their slot too.
      const client = await pool.connect();
      await client.query('select 1');
      client.release();
      // A second release by a careless caller fails as pg-pool's own, and must not free a second slot: with both
      // slots taken, a third checkout still waits at the gate, not in pg-pool's queue (where the short bound applies).
      expect(() => client.release()).toThrow(/already been released/);
      const held = [await pool.connect(), await pool.connect()];
      const third = pool.connect();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const inPgPoolQueue = pool.waitingCount;
      held[0]?.release();
      (await third).release();
      held[1]?.release();
      expect(inPgPoolQueue).toBe(0);
      expect((await sleepers(pool, 3, 0.05)).every((result) => result.status === 'fulfilled')).toBe(true);
      expect(pool.totalCount).toBeLessThanOrEqual(2);
    } finally {
      await pool.end();
    }
  });

  it('a wait longer than maxWaitMs fails like an exhausted pool, and the slots stay counted right afterwards', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1000 });
    gatePoolCheckouts(pool, { slots: 1, maxWaitMs: 100 });
    try {
      const [slow, late] = await Promise.allSettled([pool.query('select pg_sleep(0.4)'), pool.query('select 1')]);
      expect(slow.status).toBe('fulfilled');
      expect(late.status).toBe('rejected');
      expect(String((late as PromiseRejectedResult).reason)).toMatch(/timeout exceeded when trying to connect/);
      expect((await pool.query('select 2 as n')).rows[0]).toEqual({ n: 2 });
    } finally {
      await pool.end();
    }
  });

  it('a failed connection attempt gives its slot back', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 500 });
    gatePoolCheckouts(pool, { slots: 1, maxWaitMs: 1000 });
    try {
      const results = await Promise.allSettled([pool.query('select 1'), pool.query('select 1')]);
      // Both tried to connect (the second got the slot back) rather than the second waiting out maxWaitMs.
      for (const result of results) {
        expect(String((result as PromiseRejectedResult).reason)).toMatch(/ECONNREFUSED|connect/);
        expect(String((result as PromiseRejectedResult).reason)).not.toMatch(/became free/); // not the gate's wait limit
      }
    } finally {
      await pool.end();
    }
  });

  it("the CLI's database (no statement time-out) lets a cold summary's parallel reads queue instead of failing", async () => {
    const database = await openDatabase({ databaseUrl: url, poolSize: 2, connectTimeoutMs: 500, migrate: false });
    try {
      const reads = await Promise.allSettled(Array.from({ length: 5 }, () => executeRows(database.analyticsDb, sql`select pg_sleep(0.6)`)));
      expect(reads.map((read) => read.status)).toEqual(Array(5).fill('fulfilled'));
    } finally {
      await database.close();
    }
  });

  it("the server's analytics pool (statement time-outs on) queues its reads too, while the request path keeps its bound", async () => {
    const database = await openDatabase({ databaseUrl: url, poolSize: 2, connectTimeoutMs: 500, statementTimeoutMs: 5000, analyticsTimeoutMs: 5000, migrate: false });
    try {
      const reads = await Promise.allSettled(Array.from({ length: 5 }, () => executeRows(database.analyticsDb, sql`select pg_sleep(0.6)`)));
      expect(reads.map((read) => read.status)).toEqual(Array(5).fill('fulfilled'));
      const requests = await Promise.allSettled(Array.from({ length: 5 }, () => executeRows(database.db, sql`select pg_sleep(0.6)`)));
      expect(requests.filter((request) => request.status === 'rejected').length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it("a read queued for an analytics slot does not hold the circuit's probe: the request path recovers at once (half-open)", async () => {
    let now = 0;
    const database = await openDatabase({ databaseUrl: url, poolSize: 4, connectTimeoutMs: 1000, statementTimeoutMs: 5000, analyticsTimeoutMs: 5000, circuitOpenMs: 1000, circuitNow: () => now, migrate: false });
    try {
      // Both analytics slots busy, then an outage's first failure opens the circuit, and its open time passes.
      const busy = Array.from({ length: 2 }, () => executeRows(database.analyticsDb, sql`select pg_sleep(0.6)`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      database.circuit.failed({ probe: false }, true);
      now += 1500;
      // A dashboard read arrives (it has to queue for a slot), then a member's message.
      const queued = executeRows(database.analyticsDb, sql`select 1 as n`);
      const startedAt = Date.now();
      await expect(executeRows(database.db, sql`select 1 as n`)).resolves.toEqual([{ n: 1 }]);
      expect(Date.now() - startedAt).toBeLessThan(300); // not after the busy reads (the probe waited behind them)
      expect(database.circuit.snapshot().state).toBe('closed');
      await expect(queued).resolves.toEqual([{ n: 1 }]);
      await Promise.all(busy);
    } finally {
      await database.close();
    }
  });

  it('with the circuit open, a read that would queue for a slot is refused at once', async () => {
    const database = await openDatabase({ databaseUrl: url, poolSize: 4, connectTimeoutMs: 1000, statementTimeoutMs: 5000, analyticsTimeoutMs: 5000, circuitOpenMs: 1000, circuitNow: () => 0, migrate: false });
    try {
      const busy = Array.from({ length: 2 }, () => executeRows(database.analyticsDb, sql`select pg_sleep(0.5)`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      database.circuit.failed({ probe: false }, true);
      const startedAt = Date.now();
      await expect(executeRows(database.analyticsDb, sql`select 1`)).rejects.toMatchObject({ cause: { code: 'DB_CIRCUIT_OPEN' } }); // drizzle wraps it
      expect(Date.now() - startedAt).toBeLessThan(200);
      await Promise.all(busy);
    } finally {
      await database.close();
    }
  });
});
