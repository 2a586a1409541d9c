// Web chat inbound: acknowledgement throughput and latency under concurrent load, on both backends.
// Each request is a new message (fresh clientMessageId) from one of 2,000 members, so the ack path does the
// full durable write (message row, conversation sequence) and the enqueue before answering 202.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBackends, startBenchServer } from './support/bench-backends.js';
import { loadFigures, measuredLoad } from './support/load-figures.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// 10,000 members; the warm-up run sends each one's first message (member and conversation creation). The flood
// guard (FLOOD_MAX_MESSAGES, 20 a minute per member) stays on as in production: with 10,000 members a plan's
// ~70,000 messages are ~7 per member, none limited. With 2,000 (before 2026-12-05) a third or more of the
// requests at 2,000 msg/s were 429s, fast refusals that made the latency figures look better than they are.
const sessions = Array.from({ length: Number(process.env.BENCH_WEBCHAT_MEMBERS ?? 10_000) }, () => randomUUID());

async function runLoad(port: number, serverPid: number, rate: number | undefined) {
  let n = 0;
  const result = await measuredLoad({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/api/webchat/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n++;
          return { ...request, body: JSON.stringify({ sessionId: sessions[n % sessions.length], clientMessageId: randomUUID(), text: `công ty nợ lương em 2 tháng thì làm sao ạ (${n})` }) };
        },
      },
    ],
  }, [serverPid]);
  return result;
}

// Offered rates per backend and worker placement. The embedded pair shares one event loop between the HTTP
// server, PGlite (WASM) and the workers, so with workers on it is measured at a demo-sized rate.
const PLANS: Record<string, { workers: 'off' | 'in-process'; rates: (number | undefined)[] }[]> = {
  embedded: [
    { workers: 'off', rates: [undefined, 500] },
    { workers: 'in-process', rates: [undefined, 50] },
  ],
  'postgres+redis': [
    { workers: 'off', rates: [undefined, 2000] },
    { workers: 'in-process', rates: [undefined, 2000] },
  ],
};

const tmp = mkdtempSync(join(tmpdir(), 'cd-bench-'));
try {
  const names = (await benchBackends(join(tmp, 'probe'))).map((backend) => backend.name);
  for (const name of names) {
    for (const [i, plan] of (PLANS[name] ?? []).entries()) {
      // BENCH_WEBCHAT_ONLY=postgres+redis:off (a prefix of backend:workers) measures one plan, for A/B runs.
      if (process.env.BENCH_WEBCHAT_ONLY && !`${name}:${plan.workers}`.startsWith(process.env.BENCH_WEBCHAT_ONLY)) continue;
      // Every plan starts from an empty store: a workers-off run leaves tens of thousands of unanswered messages,
      // which in-process workers would then work through while the next plan is measured.
      const backend = (await benchBackends(join(tmp, `plan-${i}`))).find((candidate) => candidate.name === name)!;
      const server = await startBenchServer({ ...backend.env, WORKERS_IN_PROCESS: plan.workers === 'off' ? 'false' : 'true' });
      try {
        await runLoad(server.port, server.child.pid ?? 0, plan.rates.at(-1)); // warm-up: JIT, pools, and every member's first message
        for (const rate of plan.rates) {
          const r = await runLoad(server.port, server.child.pid ?? 0, rate);
          process.stdout.write(
            `${JSON.stringify({
              bench: 'webchat_ingest',
              backend: backend.name,
              workers: plan.workers,
              connections: CONNECTIONS,
              duration_s: DURATION_S,
              ...loadFigures(r, rate),
            })}\n`,
          );
        }
      } finally {
        await server.stop();
        await backend.cleanup();
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
