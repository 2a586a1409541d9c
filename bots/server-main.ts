import type { Server } from 'node:http';
import { bootBase, bootPlatform, seedIfEmpty } from './bootstrap.js';
import { gracefulCloser } from './http/graceful-close.js';
import { formatDemoCredentials } from './seed/seed-demo.js';

/** How long requests in flight may take to finish after SIGTERM (compose gives the process 30 s in all). */
const SHUTDOWN_HTTP_GRACE_MS = 10_000;

/**
 * `npm start`: the HTTP server, with the queue workers in the same process unless WORKERS_IN_PROCESS=false
 * (then run `npm run worker` beside it; that needs DATABASE_URL and REDIS_URL).
 */
async function main(): Promise<void> {
  const base = await bootBase();
  const { env, logger } = base;
  const seeded = await seedIfEmpty(base);
  const platform = await bootPlatform(base);
  if (env.WORKERS_IN_PROCESS) await platform.startWorkers();
  const server: Server = await new Promise((resolve) => {
    const listening = platform.createHttpApp().listen(env.PORT, env.HOST, () => resolve(listening));
  });
  const closer = gracefulCloser(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const baseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  logger.info({ port, pid: process.pid, database: base.database.kind, queue: env.REDIS_URL ? 'bullmq' : 'in-process', workers: env.WORKERS_IN_PROCESS }, 'platform listening');
  if (seeded.created) process.stderr.write(`${formatDemoCredentials(seeded, baseUrl)}\n`);
  process.stderr.write(`Sẵn sàng: ${baseUrl}/chat  ·  ${baseUrl}/admin/\n`);

  // Graceful shutdown: first the HTTP side (requests in flight get their answer; nothing acknowledged is
  // lost), then the workers (the turns in progress commit; queued jobs stay in the database for the others).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await closer.close(SHUTDOWN_HTTP_GRACE_MS);
    await platform.stop();
    await base.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`startup failed: ${(error as Error).message}\n`);
  process.exit(1);
});
