import { randomUUID } from 'node:crypto';
import { freePort, spawnEntryPoint, type SpawnedProcess } from './spawned-process.js';
import { waitUntil } from './test-platform.js';

/**
 * Servers and workers as real processes (bots/server-main.ts, bots/worker-main.ts) on one database and queue:
 * what a deployment runs (compose.yaml), for the shutdown, cross-process and scale-out suites.
 */
export interface Cluster {
  readonly processes: SpawnedProcess[];
  /** Starts a server on a free port (WORKERS_IN_PROCESS as given in `env`, default true) and waits for /readyz. */
  server(extra?: Record<string, string>): Promise<ClusterServer>;
  /** Starts a separate worker process (needs DATABASE_URL and REDIS_URL in `env`) and waits until it consumes. */
  worker(extra?: Record<string, string>): Promise<SpawnedProcess>;
  /** SIGKILLs whatever is still running. */
  close(): Promise<void>;
}

export interface ClusterServer {
  process: SpawnedProcess;
  port: number;
  url: string;
}

export function startCluster(env: Record<string, string>): Cluster {
  const processes: SpawnedProcess[] = [];
  return {
    processes,
    async server(extra = {}) {
      const port = await freePort();
      const child = spawnEntryPoint('bots/server-main.ts', { ...env, ...extra, PORT: String(port), HOST: '127.0.0.1' });
      processes.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitUntil(
        async () => {
          if (child.child.exitCode !== null) throw new Error(`server exited at start:\n${child.output()}`);
          return (await fetch(`${url}/readyz`).catch(() => null))?.ok ?? false;
        },
        120_000,
        `the server on ${port}`,
      );
      return { process: child, port, url };
    },
    async worker(extra = {}) {
      const child = spawnEntryPoint('bots/worker-main.ts', { ...env, ...extra });
      processes.push(child);
      await waitUntil(
        async () => {
          if (child.child.exitCode !== null) throw new Error(`worker exited at start:\n${child.output()}`);
          return child.output().includes('workers started');
        },
        120_000,
        'a worker process',
      );
      return child;
    },
    async close() {
      for (const child of processes) await child.kill('SIGKILL');
    },
  };
}

export interface WebchatPost {
  sessionId: string;
  clientMessageId: string;
  text: string;
}

export const webchatMessage = (text: string, sessionId: string = randomUUID()): WebchatPost => ({ sessionId, clientMessageId: randomUUID(), text });

/** POSTs a web chat message; the HTTP status, or `null` when the server was not there to answer (refused, reset). */
export async function postWebchat(url: string, message: WebchatPost): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Posts as a platform delivers: a 503 (database connection wait exceeded on a loaded machine, circuit open) is
 * redelivered after its Retry-After, as Zalo, Meta and Telegram redeliver a webhook. Answers the last status.
 */
export async function deliverWebchat(url: string, message: WebchatPost, attempts = 10): Promise<number | null> {
  let status: number | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await fetch(`${url}/api/webchat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) }).catch(() => null);
    if (response) await response.arrayBuffer();
    status = response?.status ?? null;
    if (status !== 503) return status;
    const retryAfterSeconds = Number(response?.headers.get('retry-after') ?? 1);
    await new Promise((resolve) => setTimeout(resolve, 1000 * (Number.isFinite(retryAfterSeconds) ? Math.min(retryAfterSeconds, 5) : 1)));
  }
  return status;
}

export interface HistoryMessage {
  direction: 'in' | 'out';
  text: string;
}

/** What the member sees in the web chat (the conversation's stored messages, in order). */
export async function webchatHistory(url: string, sessionId: string): Promise<HistoryMessage[]> {
  const response = await fetch(`${url}/api/webchat/history?sessionId=${sessionId}`);
  return ((await response.json()) as { messages: HistoryMessage[] }).messages;
}
