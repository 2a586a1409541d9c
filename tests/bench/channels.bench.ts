// Channel webhooks: acknowledgement throughput and latency per channel, signature checks on, workers off,
// on both backends. Every request is a new, correctly signed member message, so the ack path does verify →
// decode → durable write → enqueue before answering 200. Two member mixes per channel:
//   returning     — members already known (5,000 of them, seen during the warm-up): the common case;
//   first_contact — every message from a member never seen before (member, identity, conversation created).
//   node --import tsx tests/bench/channels.bench.ts            (prints one JSON line per channel and backend)
// The same file, run with --serve, is the platform process under load (its own event loop).
import { spawn } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../bots/project-root.js';
import { benchBackends } from './support/bench-backends.js';
import { loadFigures, measuredLoad } from './support/load-figures.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// Enough that none reaches the flood guard's 20 messages a minute (it stays on, as in production): the warm-up and
// two 8 s runs at up to ~3,000 msg/s are ~11 messages each. With 500, most of a run was over the limit and acknowledged
// without being stored, a cheaper path than the one measured.
const RETURNING_MEMBERS = 5000;
const OFFERED_RATE = Number(process.env.BENCH_OFFERED_RATE ?? 2000);
const SECRETS = {
  ZALO_APP_ID: '2553928453557884079',
  ZALO_OA_ID: '3662729599332560487',
  ZALO_OA_SECRET_KEY: 'bench-oa-secret',
  ZALO_APP_SECRET: 'bench-app-secret',
  ZALO_REFRESH_TOKEN: 'bench-refresh',
  MESSENGER_APP_SECRET: 'bench-meta-secret',
  MESSENGER_VERIFY_TOKEN: 'bench-verify',
  MESSENGER_PAGE_ACCESS_TOKEN: 'bench-page-token',
  TELEGRAM_BOT_TOKEN: '7000003:bench',
  TELEGRAM_WEBHOOK_SECRET: 'bench_secret',
};
// Nothing listens here: the platforms' background checks fail quietly, which the ack path never waits for.
const UNREACHABLE = 'http://127.0.0.1:9';

interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest?: (request: { body?: string; headers: Record<string, string> }) => { body: string; headers: Record<string, string> };
}
type LoadResult = Parameters<typeof loadFigures>[0];

/** A signed request generator per channel: `next(member)` makes a new message of that member. */
const CHANNELS: Record<string, { path: string; next: (member: number) => { body: string; headers: Record<string, string> } }> = {
  zalo: {
    path: '/webhooks/zalo',
    next: (n) => {
      const timestamp = String(Date.now());
      const body = JSON.stringify({
        app_id: SECRETS.ZALO_APP_ID,
        event_name: 'user_send_text',
        timestamp,
        sender: { id: `6142494823${String(n).padStart(9, '0')}` },
        recipient: { id: SECRETS.ZALO_OA_ID },
        message: { msg_id: randomUUID().replace(/-/g, ''), text: `công ty nợ lương em 2 tháng thì làm sao ạ (${n})` },
      });
      const mac = createHash('sha256').update(SECRETS.ZALO_APP_ID + body + timestamp + SECRETS.ZALO_OA_SECRET_KEY).digest('hex');
      return { body, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
    },
  },
  messenger: {
    path: '/webhooks/messenger',
    next: (n) => {
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: '105301234567890', time: Date.now(), messaging: [{ sender: { id: `2402${String(n).padStart(12, '0')}` }, recipient: { id: '105301234567890' }, timestamp: Date.now(), message: { mid: `m_${randomUUID()}`, text: `tăng ca quá 40 giờ một tháng có đúng luật không (${n})` } }] }],
      });
      return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRETS.MESSENGER_APP_SECRET).update(body).digest('hex')}` } };
    },
  },
  telegram: {
    path: '/webhooks/telegram',
    next: (n) => {
      const user = 1_000_000_000 + n;
      const body = JSON.stringify({ update_id: n, message: { message_id: Math.floor(Math.random() * 2 ** 31), date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'An' }, text: `nghỉ thai sản được mấy tháng (${n})` } });
      return { body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRETS.TELEGRAM_WEBHOOK_SECRET } };
    },
  },
};

async function serve(): Promise<void> {
  const { bootBase, bootPlatform } = await import('../../bots/bootstrap.js');
  const base = await bootBase();
  // Every channel configured in the environment (the registry in bots/channels/create-channel-modules.ts).
  const platform = await bootPlatform(base);
  const server = platform.createHttpApp().listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  });
  process.on('SIGTERM', () => {
    // Requests still in flight when the load stops must finish before the database closes: stop accepting,
    // drop idle keep-alive sockets, wait for the busy ones (forcibly after 10 s).
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
    // Requests the load generator abandoned at its deadline still run after their socket closed: let them end.
    void closed
      .then(() => new Promise((resolve) => setTimeout(resolve, 2000)))
      .then(() => platform.stop())
      .then(() => base.database.close())
      .finally(() => process.exit(0));
  });
}

async function startServer(env: Record<string, string>): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/channels.bench.ts', '--serve'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      DEMO_SEED: 'false',
      WORKERS_IN_PROCESS: 'false',
      ...SECRETS,
      ZALO_API_BASE_URL: UNREACHABLE,
      ZALO_OAUTH_BASE_URL: UNREACHABLE,
      MESSENGER_API_BASE_URL: UNREACHABLE,
      TELEGRAM_API_ROOT: UNREACHABLE,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return { port, pid: child.pid ?? 0, stop: () => new Promise((resolve) => child.once('exit', () => resolve()).kill('SIGTERM')) };
}

type Mix = 'returning' | 'first_contact';
let firstContactCounter = 10_000_000;

/** `amount` requests (warm-up) or `durationS` seconds of load (at `rate` msg/s when given) with the given member mix. */
async function load(port: number, serverPid: number, channel: string, mix: Mix, run: { durationS: number; rate?: number } | { amount: number }): Promise<LoadResult> {
  let n = 0;
  const { path, next } = CHANNELS[channel] as (typeof CHANNELS)[string];
  const member = () => (mix === 'returning' ? n++ % RETURNING_MEMBERS : firstContactCounter++);
  const request: LoadRequest = { method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, ...next(member()) }) };
  const limit = 'amount' in run ? { amount: run.amount } : { duration: run.durationS, ...(run.rate ? { overallRate: run.rate } : {}) };
  // LoadRequest's loose method type is what autocannon accepts at run time (POST).
  return measuredLoad({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, ...limit, requests: [request] } as unknown as Parameters<typeof measuredLoad>[0], [serverPid]);
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'cd-chbench-'));
  try {
    for (const backend of await benchBackends(tmp)) {
      const server = await startServer(backend.env);
      try {
        for (const channel of Object.keys(CHANNELS)) {
          // Warm-up: JIT and pools, and every returning member is known afterwards.
          await load(server.port, server.pid, channel, 'returning', { amount: 2 * RETURNING_MEMBERS });
          // Returning members also at issue #12's offered 2,000 msg/s (its target: p99 < 50 ms there); first contacts
          // at full speed only (a new member is a few percent of real traffic, not 2,000 a second).
          const runs = [
            { mix: 'returning', rate: undefined },
            { mix: 'returning', rate: OFFERED_RATE },
            { mix: 'first_contact', rate: undefined },
          ] as const;
          for (const { mix, rate } of runs) {
            const result = await load(server.port, server.pid, channel, mix, { durationS: DURATION_S, ...(rate ? { rate } : {}) });
            process.stdout.write(
              `${JSON.stringify({
                bench: 'channel_webhook_ack',
                channel,
                members: mix,
                backend: backend.name,
                workers: 'off',
                signature_check: true,
                connections: CONNECTIONS,
                duration_s: DURATION_S,
                ...loadFigures(result, rate),
              })}\n`,
            );
          }
        }
      } finally {
        await server.stop();
      }
      await backend.cleanup();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
