import { createTestDatabase, describeWithRedis, type TestBackend, type TestDatabase } from '../support/backends.js';
import { startCluster, type Cluster } from '../support/cluster.js';
import { clusterEnv } from '../support/cluster-fixtures.js';
import { freePort } from '../support/spawned-process.js';
import { waitUntil } from '../support/test-platform.js';

/**
 * A separate worker process (`npm run worker`) with WORKER_HEALTH_PORT: what the image's and compose's health
 * checks call. Ready once it consumes, with its database and Redis checked and the knowledge versions it loaded;
 * after SIGTERM it drains and exits 0, and the port closes with it.
 */
describeWithRedis()('worker health port on $name (issue #12)', (backend: TestBackend) => {
  let database: TestDatabase;
  let cluster: Cluster | null = null;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await cluster?.close();
    await database.close();
  });

  it('serves liveness, readiness and metrics from the worker process itself', async () => {
    const port = await freePort();
    cluster = startCluster(clusterEnv(database, backend.redisUrl as string));
    const worker = await cluster.worker({ WORKER_HEALTH_PORT: String(port), HOST: '127.0.0.1' });
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // "workers started" is logged once consuming; readiness follows the same state.
    const ready = await waitUntil(async () => {
      const response = await fetch(`${url}/readyz`);
      return response.ok ? ((await response.json()) as { status: string; role: string; checks: { name: string; ok: boolean }[]; knowledge?: unknown }) : null;
    }, 30_000, 'the worker to be ready');
    expect(ready.status).toBe('ready');
    expect(ready.role).toBe('worker');
    expect(ready.checks.filter((check) => ['workers', 'database', 'queue'].includes(check.name)).map((check) => check.ok)).toEqual([true, true, true]);
    expect(ready.knowledge).toBeDefined();
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('cd_turns_total');

    await worker.kill('SIGTERM');
    expect(worker.child.exitCode).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
