import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

type LoadResult = Pick<autocannon.Result, 'requests' | 'latency' | 'non2xx' | 'errors' | 'duration'> & { timeouts?: number };

/** Where the CPU went during a run, in cores (1.0 = one core busy the whole time). */
export interface CpuSplit {
  /** The platform process(es) under test. */
  server: number;
  /** This process: autocannon and the benchmark itself. */
  load_generator: number;
  /** Everything else on the machine: PostgreSQL, Redis, other users. */
  rest_of_machine: number;
  machine_cores: number;
}

/** Clock ticks per second of /proc (USER_HZ; 100 on Linux). */
export const TICKS = 100;

/** CPU time used so far by process `pid`, in clock ticks (user + system). */
export function processTicks(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; cores: number } {
  try {
    const lines = readFileSync('/proc/stat', 'utf8').split('\n');
    const total = (lines[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const idle = (total[3] ?? 0) + (total[4] ?? 0);
    return { busy: total.reduce((sum, value) => sum + value, 0) - idle, cores: lines.filter((line) => /^cpu\d/.test(line)).length };
  } catch {
    return { busy: 0, cores: 0 };
  }
}

/**
 * Runs autocannon, recording every response time (for p95, which autocannon's histogram summary lacks) and the
 * CPU used by the server processes, by this load generator and by the rest of the machine.
 */
export async function measuredLoad(options: autocannon.Options, serverPids: readonly number[]): Promise<LoadResult & { latencies: number[]; cpu: CpuSplit }> {
  const latencies: number[] = [];
  const started = { wall: process.hrtime.bigint(), own: process.cpuUsage(), server: serverPids.reduce((sum, pid) => sum + processTicks(pid), 0), machine: machineTicks() };
  // Without a callback autocannon returns its tracker: an event emitter that is also the result's promise.
  const instance = autocannon(options) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const seconds = Number(process.hrtime.bigint() - started.wall) / 1e9;
  const own = process.cpuUsage(started.own);
  const server = (serverPids.reduce((sum, pid) => sum + processTicks(pid), 0) - started.server) / TICKS / seconds;
  const loadGenerator = (own.user + own.system) / 1e6 / seconds;
  const machine = machineTicks();
  const busy = (machine.busy - started.machine.busy) / TICKS / seconds;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    ...result,
    latencies,
    cpu: { server: round(server), load_generator: round(loadGenerator), rest_of_machine: round(Math.max(0, busy - server - loadGenerator)), machine_cores: machine.cores },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

/**
 * The figures every load benchmark prints for one run (issue #12 item 1): offered and achieved rates, p50/p95/p99,
 * errors, and the CPU split when the run was measured with `measuredLoad`.
 */
export function loadFigures(result: LoadResult & { latencies?: number[]; cpu?: CpuSplit }, offeredRate?: number) {
  const sorted = result.latencies ? [...result.latencies].sort((a, b) => a - b) : null;
  const latency = sorted
    ? { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 }
    : { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max };
  return {
    offered_rate: offeredRate ?? 'max',
    throughput_msg_s: Math.round(result.requests.average),
    ack_latency_ms: latency,
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts ?? 0,
    ...(result.cpu ? { cpu_cores: result.cpu } : {}),
  };
}
