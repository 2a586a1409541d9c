import type { Server } from 'node:http';
import express from 'express';
import type { Registry } from 'prom-client';
import { createHealthRouter, type ReadinessCheck } from '../http/routes/health-routes.js';

export type WorkerState = 'starting' | 'running' | 'stopping';

export interface WorkerHealthDeps {
  port: number;
  host: string;
  /** Database and queue checks (the same as the server's /readyz). */
  checks: () => ReadinessCheck[];
  registry: Registry;
  state: () => WorkerState;
  info?: () => Record<string, unknown>;
}

/**
 * The worker process's own small HTTP port (WORKER_HEALTH_PORT), for orchestrators and the image's health check:
 * /healthz answers while the event loop turns (a wedged loop answers nothing: liveness), /readyz checks that the
 * workers consume and the database and Redis answer (503 while starting or draining after SIGTERM: readiness),
 * /metrics serves the worker's Prometheus metrics (turns, replies sent). Nothing else is served on it.
 */
export async function startWorkerHealthServer(deps: WorkerHealthDeps): Promise<{ port: number; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  const workersCheck: ReadinessCheck = {
    name: 'workers',
    check: async () => {
      const state = deps.state();
      if (state !== 'running') throw new Error(`workers are ${state}`);
    },
  };
  app.use(createHealthRouter({ checks: () => [workersCheck, ...deps.checks()], registry: deps.registry, info: () => ({ role: 'worker', state: deps.state(), ...deps.info?.() }) }));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'the worker serves /healthz, /readyz and /metrics only' } });
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(deps.port, deps.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : deps.port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
