// Fault benchmark, processes and a real database restart (issue #13): web chat messages sent while the worker
// process is killed (-9), the server process is killed (-9), or PostgreSQL itself is stopped and started again.
// The database is a private cluster of this bench (initdb in a temp folder): the machine's shared PostgreSQL is
// never touched. The client behaves like a platform: anything not acknowledged with a 2xx (a refused connection,
// a 503, a timeout) is delivered again with the same id. Prints, per scenario: sent, acknowledged (first try /
// after redelivery), answered, lost (must be 0) and duplicated (must be 0). Needs Redis and the PostgreSQL 15
// binaries (BENCH_PG_BIN).
import pg from 'pg';
import { parseEnv } from '../../core/config/env-schema.js';
import { silentLogger } from '../../core/ports/logger.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { openDatabase } from '../../bots/storage/database.js';
import { freePort, spawnEntryPoint, type SpawnedProcess } from '../support/spawned-process.js';
import { countStoredOutcome, quantile, sendLikeAPlatform } from './support/platform-like-load.js';
import { startPrivatePostgres } from './support/private-postgres.js';

const MESSAGES = Number(process.env.BENCH_FAULT_MESSAGES ?? 100);
const FAULT_MS = Number(process.env.BENCH_FAULT_S ?? 5) * 1000;
const RATE = Number(process.env.BENCH_FAULT_RATE ?? 20);
const TEXT = 'xin chào';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const database = await startPrivatePostgres();
const port = await freePort();
const env: Record<string, string> = {
  DATABASE_URL: database.url,
  REDIS_URL: REDIS,
  QUEUE_PREFIX: `faultcrash${process.pid}`,
  WORKERS_IN_PROCESS: 'false',
  PORT: String(port),
  HOST: '127.0.0.1',
  // No law corpus: starting a process stays quick (the bench restarts them); the FAQ answers the greeting's turn.
  LAW_CORPUS_PATH: 'tests/.tmp/no-corpus-here.jsonl',
  // The deployment's default lease unless BENCH_LEASE_MS says otherwise: how long a killed worker's messages wait.
  ...(process.env.BENCH_LEASE_MS ? { INBOUND_LEASE_MS: process.env.BENCH_LEASE_MS } : {}),
  SWEEP_INTERVAL_MS: '1000',
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
};
const progress = (what: string) => process.stderr.write(`faults-crash: ${what}\n`);
progress(`private PostgreSQL at ${database.url}`);
const seeded = await openDatabase({ databaseUrl: database.url });
await seedKnowledgeIfEmpty({ env: parseEnv(env), database: seeded, logger: silentLogger });
await seeded.close();
progress('seeded');
// The observer reconnects by itself after the restart (a pool drops broken clients).
const observer = new pg.Pool({ connectionString: database.url, max: 2, connectionTimeoutMillis: 2000 });
observer.on('error', () => undefined);
const base = `http://127.0.0.1:${port}`;

const running: { server: SpawnedProcess | null; worker: SpawnedProcess | null } = { server: null, worker: null };
async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    let ok = false;
    try {
      ok = await probe();
    } catch (error) {
      if (error instanceof Error && error.message.includes('exited at start')) throw error;
    }
    if (ok) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
async function startServer(): Promise<void> {
  progress('starting the server');
  const child = spawnEntryPoint('bots/server-main.ts', env);
  running.server = child;
  await waitFor('the server', async () => {
    if (child.child.exitCode !== null) throw new Error(`the server exited at start:\n${child.output().slice(-2000)}`);
    return (await fetch(`${base}/readyz`)).ok;
  });
}
/** Like a process supervisor: a process that fails at start (the database still recovering) is started again. */
async function supervised(start: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 5) throw error;
      progress(`start failed (${(error as Error).message.split('\n').slice(0, 3).join(' ')}); again`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
async function startWorker(): Promise<void> {
  progress('starting a worker');
  const child = spawnEntryPoint('bots/worker-main.ts', env);
  running.worker = child;
  await waitFor('the worker', async () => {
    if (child.child.exitCode !== null) throw new Error(`the worker exited at start:\n${child.output().slice(-2000)}`);
    return child.output().includes('workers started');
  });
}

const count = async (query: string, values: unknown[]) => {
  for (;;) {
    try {
      return Number((await observer.query(query, values)).rows[0].n);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the database is restarting
    }
  }
};

/** BENCH_FAULT_ONLY=postgres_restart (comma-separated names) runs only those scenarios. */
const ONLY = (process.env.BENCH_FAULT_ONLY ?? '').split(',').filter(Boolean);

/**
 * worker_kill9 only: when the worker was killed and started again. `resume_ms` is the time from the new worker's start
 * to the last answer to a message received before the kill: the messages the dead worker held wait for their lease.
 */
const kill9 = { killedAt: 0, restartedAt: 0, heldAtKill: 0 };
const HELD_SQL = `select count(*) as n from messages where lease_until > now() and status in ('received', 'queued')`;

async function resumeFigures(ids: string[]): Promise<Record<string, number>> {
  if (kill9.killedAt === 0) return {};
  const rows = await observer.query(
    `select max(r.sent_at) as last from messages m join messages r on r.reply_to_message_id = m.id and r.direction = 'out' and r.status = 'sent'
     where m.direction = 'in' and m.platform_message_id = any($1) and m.created_at <= $2`,
    [ids, new Date(kill9.killedAt)],
  );
  const last = rows.rows[0]?.last ? new Date(rows.rows[0].last as string).getTime() : kill9.restartedAt;
  return { held_at_kill: kill9.heldAtKill, lease_ms: Number(env.INBOUND_LEASE_MS ?? 15_000), resume_ms: Math.max(0, last - kill9.restartedAt) };
}

async function scenario(name: string, fault: { start(): Promise<void> | void; stop(): Promise<void> | void }): Promise<void> {
  if (ONLY.length > 0 && !ONLY.includes(name)) return;
  const started = Date.now();
  const acks = await sendLikeAPlatform({
    baseUrl: base,
    text: TEXT,
    messages: MESSAGES,
    rate: RATE,
    maxAttempts: 400,
    atQuarter: async () => {
      await fault.start();
      return { over: new Promise((resolve) => setTimeout(resolve, FAULT_MS)).then(() => fault.stop()) };
    },
  });
  const outcome = await countStoredOutcome({
    count,
    ids: acks.ids,
    waitMs: 180_000,
    answeredSql: `select count(distinct m.id) as n from messages m join messages r on r.reply_to_message_id = m.id and r.direction = 'out' and r.status = 'sent' where m.direction = 'in' and m.platform_message_id = any($1)`,
    // A turn stores all its replies at once: the same reply twice to one message means the message was answered twice.
    duplicatedRepliesSql: `select count(*) as n from (select r.reply_to_message_id, r.text from messages r join messages m on m.id = r.reply_to_message_id
       where r.direction = 'out' and m.platform_message_id = any($1) group by 1, 2 having count(*) > 1) d`,
  });
  const load = (await import('node:os')).loadavg()[0] ?? 0;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'faults',
      scenario: name,
      fault_s: FAULT_MS / 1000,
      sent: MESSAGES,
      acknowledged: acks.firstTry + acks.afterRedelivery,
      acknowledged_first_try: acks.firstTry,
      acknowledged_after_redelivery: acks.afterRedelivery,
      failed_attempts: acks.failedAttempts,
      responses_503: acks.responses503,
      no_answer: acks.noAnswer,
      // Deliveries started during the fault: how long each took to get its answer (a 2xx, a 503) or to fail.
      outage_deliveries: acks.outageLatenciesMs.length,
      outage_answer_p50_ms: Math.round(quantile(acks.outageLatenciesMs, 0.5)),
      outage_answer_p99_ms: Math.round(quantile(acks.outageLatenciesMs, 0.99)),
      stored: outcome.stored,
      answered: outcome.answered,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      elapsed_s: Math.round((Date.now() - started) / 100) / 10,
      load_avg_1m: Math.round(load * 10) / 10,
      circuit_open_ms: Number(process.env.DATABASE_CIRCUIT_OPEN_MS ?? 2000),
      ...(name === 'worker_kill9' ? await resumeFigures(acks.ids) : {}),
    })}\n`,
  );
}

try {
  await startServer();
  await startWorker();
  await scenario('worker_kill9', {
    // Killed while it holds a message (a turn or a send under way), as a crash mid-work: waits up to 2 s for one.
    start: async () => {
      for (const deadline = Date.now() + 2000; Date.now() < deadline; ) {
        if ((await count(HELD_SQL, [])) > 0) break;
      }
      await running.worker?.kill('SIGKILL');
      kill9.killedAt = Date.now();
      kill9.heldAtKill = await count(HELD_SQL, []);
    },
    stop: async () => {
      await supervised(startWorker);
      kill9.restartedAt = Date.now();
    },
  });
  await scenario('server_kill9', {
    start: () => running.server?.kill('SIGKILL'),
    stop: () => supervised(startServer),
  });
  await scenario('postgres_restart', {
    start: () => database.stop('immediate'),
    stop: () => database.start(),
  });
} finally {
  await running.server?.kill('SIGKILL');
  await running.worker?.kill('SIGKILL');
  await observer.end().catch(() => undefined);
  database.close();
}
