import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseEnv } from '../../core/config/env-schema.js';
import { silentLogger } from '../../core/ports/logger.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { openDatabase, type Database } from '../../bots/storage/database.js';
import { createTestDatabase, type TestBackend } from './backends.js';
import { freePort, spawnEntryPoint, type SpawnedProcess } from './spawned-process.js';
import { waitUntil } from './test-platform.js';

export interface RestartableCluster {
  port: number;
  /** True with PostgreSQL + Redis: the server only ingests and a separate worker process handles the turns. */
  split: boolean;
  /** Starts the server (and, split, the worker) again; the worker is the last process of the list. */
  start(): SpawnedProcess[];
  /** Waits until the server answers /readyz. */
  ready(): Promise<void>;
  /** The platform's database for the test's checks, once its processes are stopped (close it after). */
  openDatabase(): Promise<Database>;
}

/**
 * The platform as real processes that a crash test can kill and start again (worker-crash suites): embedded, one
 * server process with its data folder under `dir`; on PostgreSQL + Redis, a server and a separate worker on a fresh
 * test database seeded with the knowledge base. `env` adds the suite's own settings; every process spawned goes
 * into `children` so the suite's afterAll can kill what is left.
 */
export async function prepareRestartableCluster(
  backend: TestBackend,
  options: { dir: string; children: SpawnedProcess[]; queuePrefix: string; env: Record<string, string> },
): Promise<RestartableCluster> {
  const port = await freePort();
  const test = backend.name === 'postgres' ? await createTestDatabase(backend) : null;
  const dataDir = join(options.dir, 'data');
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `${options.queuePrefix}${randomUUID().slice(0, 6)}`,
    ...options.env,
    ...(test ? { DATABASE_URL: test.url as string, REDIS_URL: backend.redisUrl ?? '' } : { DATA_DIR: dataDir }),
  };
  if (test) await seedKnowledgeIfEmpty({ env: parseEnv(env), database: test, logger: silentLogger });
  const split = test !== null && backend.redisUrl !== null;
  return {
    port,
    split,
    start() {
      const processes = split
        ? [spawnEntryPoint('bots/server-main.ts', { ...env, WORKERS_IN_PROCESS: 'false' }), spawnEntryPoint('bots/worker-main.ts', env)]
        : [spawnEntryPoint('bots/server-main.ts', env)];
      options.children.push(...processes);
      return processes;
    },
    async ready() {
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok ?? false, 90_000, 'the server');
    },
    openDatabase: async () => test ?? (await openDatabase({ dataDir })),
  };
}
