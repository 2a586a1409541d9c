// Fault benchmark (issue #13): web chat messages sent while Redis, then PostgreSQL, is taken away for a while
// (through TCP proxies this process controls: the shared servers are never stopped). The client behaves like a
// platform: a message not acknowledged with a 2xx (a 503, a timeout) is delivered again with the same id.
// Prints, per scenario: sent, acknowledged at first try, acknowledged only after redelivery, 503s seen,
// answered, lost (must be 0) and duplicated (must be 0), and the acknowledgement's p50/p99 for the deliveries made
// during the outage. Redis is down 30 s (issue #13; BENCH_FAULT_REDIS_S), PostgreSQL 10 s (BENCH_FAULT_S); each
// scenario sends long enough that its outage starts a quarter in and ends before the sending does.
// PostgreSQL + Redis only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../bots/storage/database.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTestPlatform } from '../support/test-platform.js';
import { benchBackends } from './support/bench-backends.js';
import { countStoredOutcome, quantile, sendLikeAPlatform } from './support/platform-like-load.js';

const MESSAGES = Number(process.env.BENCH_FAULT_MESSAGES ?? 200);
const FAULT_MS = Number(process.env.BENCH_FAULT_S ?? 10) * 1000;
const REDIS_FAULT_MS = Number(process.env.BENCH_FAULT_REDIS_S ?? 30) * 1000;
const RATE = Number(process.env.BENCH_FAULT_RATE ?? 20);
/** Enough messages that the outage (starting a quarter in) ends with 40 % of the sending still to come. */
const messagesFor = (faultMs: number) => Math.max(MESSAGES, Math.ceil((RATE * faultMs) / 1000 / 0.35));
const TEXT = 'lương tháng này trả chậm';

const tmp = mkdtempSync(join(tmpdir(), 'cd-fault-bench-'));
const backend = (await benchBackends(tmp)).find((b) => b.name === 'postgres+redis');
if (!backend) {
  process.stdout.write(`${JSON.stringify({ bench: 'faults', skipped: 'PostgreSQL and Redis not reachable' })}\n`);
} else {
  const databaseUrl = backend.env.DATABASE_URL as string;
  await (await openDatabase({ databaseUrl })).close(); // migrate
  const pgTarget = new URL(databaseUrl);
  const redisTarget = new URL(backend.env.REDIS_URL as string);
  const pgProxy = await startTcpProxy({ host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
  const redisProxy = await startTcpProxy({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.port = new URL(pgProxy.url).port;
  const opened = await openDatabase({ databaseUrl: viaProxy.toString(), migrate: false, poolSize: 10, connectTimeoutMs: 1000 });
  const t = await startTestPlatform(
    { name: 'postgres', redisUrl: redisProxy.url },
    {
      classifier: createScriptedClassifier({ [TEXT]: { route: 'question', topic: 'wage_arrears' } }),
      knowledge: createEchoKnowledge(),
      database: { ...opened, url: viaProxy.toString() },
      env: { ENQUEUE_TIMEOUT_MS: '200', INBOUND_LEASE_MS: '10000', SWEEP_INTERVAL_MS: '1000' },
    },
  );
  const observer = new pg.Client({ connectionString: databaseUrl });
  await observer.connect();
  const count = async (query: string, values: unknown[]) => Number((await observer.query(query, values)).rows[0].n);

  async function scenario(name: string, fault: { start(): void; stop(): void; ms: number } | null): Promise<void> {
    const started = Date.now();
    const messages = fault ? messagesFor(fault.ms) : MESSAGES;
    // The fault starts a quarter into the sending and lasts FAULT_MS.
    const acks = await sendLikeAPlatform({
      baseUrl: t.baseUrl,
      text: TEXT,
      messages,
      rate: RATE,
      maxAttempts: 120,
      atQuarter: () => {
        if (!fault) return;
        fault.start();
        return { over: new Promise<void>((resolve) => setTimeout(resolve, fault.ms)).then(() => fault.stop()) };
      },
    });
    const outcome = await countStoredOutcome({
      count,
      ids: acks.ids,
      waitMs: 120_000,
      answeredSql: `select count(distinct m.id) as n from messages m join messages r on r.reply_to_message_id = m.id and r.direction = 'out' where m.direction = 'in' and m.platform_message_id = any($1)`,
      duplicatedRepliesSql: `select count(*) as n from (select r.reply_to_message_id from messages r join messages m on m.id = r.reply_to_message_id where r.direction = 'out' and m.platform_message_id = any($1) group by 1 having count(*) > 1) d`,
    });
    process.stdout.write(
      `${JSON.stringify({
        bench: 'faults',
        scenario: name,
        fault_s: fault ? fault.ms / 1000 : 0,
        sent: messages,
        acknowledged_first_try: acks.firstTry,
        acknowledged_after_redelivery: acks.afterRedelivery,
        responses_503: acks.responses503,
        no_answer: acks.noAnswer,
        responses_other_failures: acks.failedAttempts - acks.responses503 - acks.noAnswer,
        outage_deliveries: acks.outageLatenciesMs.length,
        // The acknowledgement (or the failure) of each delivery started during the outage, as the client saw it.
        outage_ack_p50_ms: Math.round(quantile(acks.outageLatenciesMs, 0.5)),
        outage_ack_p99_ms: Math.round(quantile(acks.outageLatenciesMs, 0.99)),
        stored: outcome.stored,
        answered: outcome.answered,
        lost: outcome.lost,
        duplicated: outcome.duplicated,
        elapsed_s: Math.round((Date.now() - started) / 100) / 10,
        load_avg_1m: Math.round(((await import('node:os')).loadavg()[0] ?? 0) * 10) / 10,
      })}\n`,
    );
  }

  try {
    await scenario('baseline', null);
    await scenario('redis_down', { start: () => redisProxy.cut(), stop: () => redisProxy.restore(), ms: REDIS_FAULT_MS });
    await scenario('postgres_down', { start: () => pgProxy.cut(), stop: () => pgProxy.restore(), ms: FAULT_MS });
  } finally {
    await observer.end();
    await t.close();
    await opened.close();
    await pgProxy.close();
    await redisProxy.close();
    await backend.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
}
