import { Registry } from 'prom-client';
import { startWorkerHealthServer, type WorkerState } from './worker-health.js';

describe('worker health port', () => {
  it('is alive at once, ready only while the workers run and their dependencies answer, and serves nothing else', async () => {
    let state: WorkerState = 'starting';
    let redisUp = true;
    const registry = new Registry();
    const health = await startWorkerHealthServer({
      port: 0,
      host: '127.0.0.1',
      registry,
      state: () => state,
      checks: () => [
        { name: 'database', check: async () => undefined },
        {
          name: 'queue',
          check: async () => {
            if (!redisUp) throw new Error('connect ECONNREFUSED');
          },
        },
      ],
    });
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${health.port}${path}`);
      return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? ((await response.json()) as Record<string, unknown>) : await response.text() };
    };
    try {
      expect((await get('/healthz')).status).toBe(200);
      const starting = await get('/readyz');
      expect(starting.status).toBe(503);
      expect(starting.body).toMatchObject({ status: 'not_ready', role: 'worker', state: 'starting' });

      state = 'running';
      const ready = await get('/readyz');
      expect(ready.status).toBe(200);
      expect((ready.body as { checks: { name: string }[] }).checks.map((c) => c.name)).toEqual(['workers', 'database', 'queue']);

      redisUp = false;
      const noRedis = await get('/readyz');
      expect(noRedis.status).toBe(503);
      expect((noRedis.body as { checks: { name: string; ok: boolean; error?: string }[] }).checks.find((c) => c.name === 'queue')).toMatchObject({ ok: false, error: 'connect ECONNREFUSED' });
      expect((await get('/healthz')).status).toBe(200); // alive all the same: restarting would not bring Redis back

      redisUp = true;
      state = 'stopping';
      expect((await get('/readyz')).status).toBe(503);
      expect((await get('/metrics')).status).toBe(200);
      const other = await get('/api/webchat/messages');
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      await health.close();
    }
  });
});
