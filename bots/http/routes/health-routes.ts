import express, { type Router } from 'express';
import type { Registry } from 'prom-client';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /** Optional parts (a channel whose platform is unreachable) report but do not make the platform unready. */
  optional?: boolean;
}

/** /healthz: the process is alive. /readyz: its dependencies answer (DB, queue, channels). /metrics: Prometheus. */
export function createHealthRouter(deps: { checks: () => ReadinessCheck[]; registry: Registry; info?: () => Record<string, unknown> }): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.checks().map(async (item) => {
        try {
          await withTimeout(item.check(), 2000);
          return { name: item.name, ok: true, optional: item.optional ?? false };
        } catch (error) {
          return { name: item.name, ok: false, optional: item.optional ?? false, error: (error as Error).message };
        }
      }),
    );
    const ready = results.every((r) => r.ok || r.optional);
    // A failing optional part (a channel in an outage) leaves the platform ready, but says so: `degraded`.
    const degraded = results.filter((r) => !r.ok && r.optional).map((r) => r.name);
    const status = !ready ? 'not_ready' : degraded.length > 0 ? 'degraded' : 'ready';
    // `info`: what this process runs (the knowledge versions it has loaded), to compare processes behind a balancer.
    res.status(ready ? 200 : 503).json({ status, ...(degraded.length > 0 ? { degraded } : {}), checks: results, ...deps.info?.() });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}
