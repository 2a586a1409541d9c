import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { Redis } from 'ioredis';
import { PROJECT_ROOT } from '../../../bots/project-root.js';

export interface BenchBackend {
  name: 'embedded' | 'postgres+redis';
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The embedded pair always; PostgreSQL + Redis when both answer on 127.0.0.1. */
export async function benchBackends(tmpDir: string): Promise<BenchBackend[]> {
  const backends: BenchBackend[] = [{ name: 'embedded', env: { DATA_DIR: `${tmpDir}/data-${randomUUID().slice(0, 6)}` }, cleanup: async () => undefined }];
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await admin.connect();
    await redis.connect();
    const name = `cdbench_${process.pid}`;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    backends.push({
      name: 'postgres+redis',
      env: { DATABASE_URL: url.toString(), REDIS_URL: REDIS, QUEUE_PREFIX: `bench${process.pid}` },
      cleanup: async () => {
        const client = new pg.Client({ connectionString: PG_ADMIN });
        await client.connect();
        await client.query(`drop database if exists "${name}" with (force)`);
        await client.end();
      },
    });
  } catch {
    // Only the embedded pair is available here.
  } finally {
    await admin.end().catch(() => undefined);
    redis.disconnect();
  }
  return backends;
}

/** Starts the benchmark server in its own process, so load generation does not share its event loop. */
export async function startBenchServer(env: Record<string, string>): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_SERVER_FLAGS="--trace-gc …": extra node flags for the server; BENCH_SERVER_STDOUT=<file> keeps what it
  // prints after its first line (where --trace-gc writes), to line up pauses with latency stalls.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...profile, ...flags, '--import', 'tsx', 'tests/bench/support/bench-server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_SEED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const reader = createInterface({ input: child.stdout! });
    // The port line is the first JSON line (with --trace-gc, GC lines can come before it).
    const onLine = (text: string) => {
      if (!text.startsWith('{"port"')) return;
      reader.off('line', onLine);
      resolve(text);
    };
    reader.on('line', onLine);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  if (process.env.BENCH_SERVER_STDOUT) child.stdout!.pipe(createWriteStream(process.env.BENCH_SERVER_STDOUT, { flags: 'a' }));
  return {
    port,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
