// Fault benchmark (issue #13): web chat messages sent while Redis, then PostgreSQL, is taken away for a while
// (through TCP proxies this process controls: the shared servers are never stopped). The client behaves like a
// platform: a message not acknowledged with a 2xx (a 503, a timeout) is delivered again with the same id.
// Prints, per scenario: sent, acknowledged at first try, acknowledged only after redelivery, 503s seen,
// answered, lost (must be 0) and duplicated (must be 0). PostgreSQL + Redis only.
import { randomUUID } from 'node:crypto';
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

const MESSAGES = Number(process.env.BENCH_FAULT_MESSAGES ?? 200);
const FAULT_MS = Number(process.env.BENCH_FAULT_S ?? 10) * 1000;
const RATE = Number(process.env.BENCH_FAULT_RATE ?? 20);
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
  const count = async (query: string, values: unknown[] = []) => Number((await observer.query(query, values)).rows[0].n);

  async function scenario(name: string, fault: { start(): void; stop(): void } | null): Promise<void> {
    const ids = Array.from({ length: MESSAGES }, () => randomUUID());
    const sessions = Array.from({ length: 25 }, () => randomUUID());
    let firstTry = 0;
    let afterRedelivery = 0;
    let unavailable = 0;
    let other = 0;
    const deliver = async (id: string, index: number): Promise<void> => {
      for (let attempt = 0; attempt < 120; attempt++) {
        let status = 0;
        try {
          const response = await fetch(`${t.baseUrl}/api/webchat/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ sessionId: sessions[index % sessions.length], clientMessageId: id, text: TEXT }),
            signal: AbortSignal.timeout(5000),
          });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0;
        }
        if (status >= 200 && status < 300) {
          if (attempt === 0) firstTry++;
          else afterRedelivery++;
          return;
        }
        if (status === 503) unavailable++;
        else other++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const started = Date.now();
    const deliveries: Promise<void>[] = [];
    let faultOn = false;
    for (const [index, id] of ids.entries()) {
      // The fault starts a quarter into the sending and lasts FAULT_MS.
      if (fault && !faultOn && index === Math.floor(MESSAGES / 4)) {
        faultOn = true;
        fault.start();
        setTimeout(() => fault.stop(), FAULT_MS);
      }
      deliveries.push(deliver(id, index));
      await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
    }
    await Promise.all(deliveries);
    // Wait for the answers (the sweep re-enqueues what the outage left behind).
    const deadline = Date.now() + 120_000;
    const answeredNow = () =>
      count(`select count(distinct m.id) as n from messages m join messages r on r.reply_to_message_id = m.id and r.direction = 'out' where m.direction = 'in' and m.platform_message_id = any($1)`, [ids]);
    while ((await answeredNow()) < MESSAGES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await count(`select count(distinct platform_message_id) as n from messages where direction = 'in' and platform_message_id = any($1)`, [ids]);
    const duplicatedInbound = await count(`select count(*) as n from (select platform_message_id from messages where direction = 'in' and platform_message_id = any($1) group by 1 having count(*) > 1) d`, [ids]);
    const duplicatedReplies = await count(
      `select count(*) as n from (select r.reply_to_message_id from messages r join messages m on m.id = r.reply_to_message_id where r.direction = 'out' and m.platform_message_id = any($1) group by 1 having count(*) > 1) d`,
      [ids],
    );
    const answered = await answeredNow();
    process.stdout.write(
      `${JSON.stringify({
        bench: 'faults',
        scenario: name,
        fault_s: fault ? FAULT_MS / 1000 : 0,
        sent: MESSAGES,
        acknowledged_first_try: firstTry,
        acknowledged_after_redelivery: afterRedelivery,
        responses_503: unavailable,
        responses_other_failures: other,
        stored,
        answered,
        lost: MESSAGES - stored + (stored - answered),
        duplicated: duplicatedInbound + duplicatedReplies,
        elapsed_s: Math.round((Date.now() - started) / 100) / 10,
      })}\n`,
    );
  }

  try {
    await scenario('baseline', null);
    await scenario('redis_down', { start: () => redisProxy.cut(), stop: () => redisProxy.restore() });
    await scenario('postgres_down', { start: () => pgProxy.cut(), stop: () => pgProxy.restore() });
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
