// Scale-out (issue #12 item 6): two servers and three workers as separate processes on PostgreSQL + Redis, the
// load split evenly over both servers (what a round-robin balancer does). Prints the acknowledgement figures of
// the whole cluster and the end-to-end rate: member messages received, classified, answered and the reply
// recorded, from the first post to the last handled message. Skipped without PostgreSQL and Redis.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../support/cluster.js';
import { benchBackends } from './support/bench-backends.js';
import { loadFigures, measuredLoad } from './support/load-figures.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 400);
const sessions = Array.from({ length: 2000 }, () => randomUUID());

const tmp = mkdtempSync(join(tmpdir(), 'cd-scale-bench-'));
const backend = (await benchBackends(tmp)).find((b) => b.name === 'postgres+redis');
if (!backend) {
  process.stdout.write(`${JSON.stringify({ bench: 'scale_out', skipped: 'PostgreSQL and Redis not reachable' })}\n`);
} else {
  const cluster = startCluster({ ...backend.env, WORKERS_IN_PROCESS: 'false', LOG_LEVEL: 'warn' });
  const client = new pg.Client({ connectionString: backend.env.DATABASE_URL });
  try {
    // One after the other: the first seeds the knowledge, the second finds it there.
    const servers = [await cluster.server({ LOG_LEVEL: 'info' }), await cluster.server({ LOG_LEVEL: 'info' })];
    await Promise.all([cluster.worker({ LOG_LEVEL: 'info' }), cluster.worker({ LOG_LEVEL: 'info' }), cluster.worker({ LOG_LEVEL: 'info' })]);
    await client.connect();
    const processed = async () => Number((await client.query("select count(*) as n from messages where direction = 'in' and status = 'processed'")).rows[0].n);
    const stored = async () => Number((await client.query("select count(*) as n from messages where direction = 'in'")).rows[0].n);
    let n = 0;
    const started = Date.now();
    const results = await Promise.all(
      servers.map((server) =>
        measuredLoad(
          {
            url: server.url,
            connections: Math.max(1, Math.round(CONNECTIONS / 2)),
            duration: DURATION_S,
            overallRate: Math.round(RATE / 2),
            requests: [
              {
                method: 'POST',
                path: '/api/webchat/messages',
                headers: { 'content-type': 'application/json' },
                setupRequest: (request) => {
                  n++;
                  return { ...request, body: JSON.stringify({ sessionId: sessions[n % sessions.length], clientMessageId: randomUUID(), text: `lương tối thiểu vùng năm 2026 là bao nhiêu (${n})` }) };
                },
              },
            ],
          },
          cluster.processes.map((child) => child.child.pid ?? 0),
        ),
      ),
    );
    const total = await stored();
    const deadline = Date.now() + 300_000;
    while ((await processed()) < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const handled = await processed();
    const elapsedS = (Date.now() - started) / 1000;
    for (const [i, result] of results.entries()) {
      process.stdout.write(`${JSON.stringify({ bench: 'scale_out_ack', server: i + 1, servers: 2, workers: 3, connections: Math.round(CONNECTIONS / 2), duration_s: DURATION_S, ...loadFigures(result, Math.round(RATE / 2)) })}\n`);
    }
    process.stdout.write(
      `${JSON.stringify({ bench: 'scale_out_end_to_end', servers: 2, workers: 3, offered_rate: RATE, messages: total, handled, seconds: Math.round(elapsedS * 10) / 10, handled_msg_s: Math.round(handled / elapsedS), note: 'cpu_cores.server in the ack lines counts all five platform processes' })}\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await cluster.close();
    await backend.cleanup();
  }
}
rmSync(tmp, { recursive: true, force: true });
