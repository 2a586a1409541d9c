import { AppError } from '../core/errors/app-error.js';
import { bootBase, bootPlatform } from './bootstrap.js';
import { startWorkerHealthServer, type WorkerState } from './workers/worker-health.js';

/** `npm run worker`: queue workers only, for deployments that scale them apart from the HTTP server. */
async function main(): Promise<void> {
  const base = await bootBase();
  if (!base.env.DATABASE_URL || !base.env.REDIS_URL) {
    throw new AppError('CONFIG_INVALID', 'a separate worker process needs DATABASE_URL and REDIS_URL (the embedded database and queue live inside the server process)');
  }
  const platform = await bootPlatform(base);
  let state: WorkerState = 'starting';
  // Up before the workers consume: until then /healthz is alive and /readyz says "starting" (503).
  const health = base.env.WORKER_HEALTH_PORT
    ? await startWorkerHealthServer({
        port: base.env.WORKER_HEALTH_PORT,
        host: base.env.HOST,
        checks: platform.readiness,
        registry: platform.metrics.registry,
        state: () => state,
        info: () => ({ knowledge: platform.knowledgeSync.loaded() }),
      })
    : null;
  await platform.startWorkers();
  state = 'running';
  base.logger.info({ healthPort: health?.port ?? null }, 'workers started');
  // SIGTERM: stop taking jobs, let the turns in progress commit, then exit (the queue keeps the rest).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    base.logger.info({ signal }, 'workers shutting down');
    state = 'stopping';
    await platform.stop();
    await health?.close();
    await base.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${(error as Error).message}\n`);
  process.exit(1);
});
