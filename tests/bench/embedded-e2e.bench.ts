// The embedded default end to end (issue #12 item 2): ONE process with PGlite and the in-process queue takes web
// chat messages at an offered rate while its own workers classify, answer and send the replies. Prints, per
// offered rate, the acknowledgement figures (durable before 202) and the reply figures read back from the
// database afterwards: how many member messages were answered, how fast (inbound stored → reply sent), and the
// rate the process sustained. The server starts with the FAQ starter pack (and the law corpus when present), so
// the turns do real matching. `BENCH_E2E_RATES` (default "100,200,300"), `BENCH_DURATION_S` (default 15).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { startBenchServer } from './support/bench-backends.js';
import { loadFigures, measuredLoad, processTicks, TICKS } from './support/load-figures.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const RATES = (process.env.BENCH_E2E_RATES ?? '100,200,300').split(',').map(Number);
// What members write: questions the FAQ answers, a legal question, a concern, small talk (no hand-off requests:
// those leave the bot and stop getting bot answers).
const TEXTS = [
  'công ty nợ lương em 2 tháng thì làm sao ạ',
  'lương tối thiểu vùng năm 2026 là bao nhiêu',
  'nghỉ thai sản được mấy tháng',
  'cty bắt lm thêm giờ ko trả tiền',
  'đóng bhxh bao nhiêu năm thì được lương hưu',
  'chào bạn',
  'cảm ơn nhiều nha',
  'bị sa thải không báo trước có được bồi thường không',
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function metricSum(port: number, name: string, label?: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(name) && (!label || line.includes(label)))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** Waits until the process has handled every stored message and sent every reply (no change for 1 s), max 120 s. */
async function waitUntilDrained(port: number): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const now = (await metricSum(port, 'cd_turns_total')) + (await metricSum(port, 'cd_outbound_messages_total'));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 1000) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runRate(rate: number): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'cd-e2e-bench-'));
  const dataDir = join(tmp, 'data');
  const sessions = Array.from({ length: 2000 }, () => randomUUID());
  try {
    const server = await startBenchServer({ DATA_DIR: dataDir, WORKERS_IN_PROCESS: 'true', BENCH_SEED_KNOWLEDGE: 'true', FLOOD_MAX_MESSAGES: '0' });
    let n = 0;
    const load = (overallRate: number, duration: number) =>
      measuredLoad(
        {
          url: `http://127.0.0.1:${server.port}`,
          connections: CONNECTIONS,
          duration,
          overallRate,
          requests: [
            {
              method: 'POST',
              path: '/api/webchat/messages',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => {
                n++;
                return { ...request, body: JSON.stringify({ sessionId: sessions[n % sessions.length], clientMessageId: randomUUID(), text: `${TEXTS[n % TEXTS.length]} (${n})` }) };
              },
            },
          ],
        },
        [server.child.pid ?? 0],
      );
    let measuredFrom = new Date();
    let cpuSeconds = 0;
    try {
      // Warm-up: JIT, and each member's first message (member and conversation creation), then let it drain.
      await load(Math.min(rate, 200), 10);
      await waitUntilDrained(server.port);
      measuredFrom = new Date();
      const ticks = processTicks(server.child.pid ?? 0);
      const result = await load(rate, DURATION_S);
      await waitUntilDrained(server.port);
      cpuSeconds = (processTicks(server.child.pid ?? 0) - ticks) / TICKS;
      process.stdout.write(`${JSON.stringify({ bench: 'embedded_e2e_ack', backend: 'embedded', workers: 'in-process', connections: CONNECTIONS, duration_s: DURATION_S, ...loadFigures(result, rate) })}\n`);
    } finally {
      await server.stop();
    }
    // The process is gone: read its database to see what became of every message of the measured run.
    const database = await openDatabase({ dataDir, migrate: false });
    try {
      const rows = await executeRows<{ received: string; replied: string | null; status: string }>(
        database.db,
        sql`select i.created_at as received, i.status,
                   (select min(o.sent_at) from messages o where o.reply_to_message_id = i.id and o.status = 'sent') as replied
            from messages i
            where i.direction = 'in' and i.created_at >= ${measuredFrom}`,
      );
      // DB_STATEMENT_LOG (passed on to the server): statements sent to PGlite per member message, warm-up included
      // (the log covers the server's whole life; its start-up seeding, a few hundred statements, is left out).
      const statementLog = process.env.DB_STATEMENT_LOG;
      if (statementLog && existsSync(statementLog)) {
        const lines = readFileSync(statementLog, 'utf8').split('\n').filter(Boolean);
        const firstIngest = lines.findIndex((line) => /^(select "member_id" from "channel_identities"|with known as)/.test(line));
        const [all] = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from messages where direction = 'in'`);
        const statements = lines.slice(Math.max(0, firstIngest)).filter((line) => line !== 'begin' && line !== 'end').length;
        process.stdout.write(`${JSON.stringify({ bench: 'embedded_e2e_statements', member_messages: all!.n, statements, per_message: Math.round((statements / Math.max(1, all!.n)) * 100) / 100 })}\n`);
      }
      const replied = rows.filter((row) => row.replied);
      const latencies = replied.map((row) => new Date(row.replied!).getTime() - new Date(row.received).getTime()).sort((a, b) => a - b);
      const first = Math.min(...rows.map((row) => new Date(row.received).getTime()));
      const last = Math.max(...replied.map((row) => new Date(row.replied!).getTime()));
      process.stdout.write(
        `${JSON.stringify({
          bench: 'embedded_e2e_reply',
          offered_rate: rate,
          stored: rows.length,
          handled: rows.filter((row) => row.status !== 'received').length,
          answered: replied.length,
          answered_msg_s: Math.round((replied.length / Math.max(1, last - first)) * 1000),
          // Machine-load independent: the server's CPU for the run and its drain, per member message answered.
          server_cpu_ms_per_message: Math.round((cpuSeconds * 1000 * 100) / Math.max(1, replied.length)) / 100,
          reply_latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
          note: 'reply latency: inbound stored (before the 202) → its first reply marked sent',
        })}\n`,
      );
    } finally {
      await database.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

for (const rate of RATES) await runRate(rate);
