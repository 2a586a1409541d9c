import type { Logger } from '../../../core/ports/logger.js';
import type { ReadinessCheck } from '../../http/routes/health-routes.js';

export interface BackgroundProbeOptions {
  /** Shown in /readyz, e.g. `channel:telegram`. */
  name: string;
  /** Throws while the platform is unreachable or our credentials are refused. */
  probe: () => Promise<void>;
  logger: Logger;
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** After a success, probe again this often (keeps the status honest and tokens fresh). */
  refreshEveryMs?: number;
}

/**
 * Checks a platform in the background instead of at start: an unreachable platform must not stop the
 * server from serving the other channels. Failures retry with exponential backoff; /readyz shows the last
 * result as an optional check (reported, never making the whole platform unready).
 */
export function createBackgroundProbe(options: BackgroundProbeOptions) {
  const firstRetryMs = options.firstRetryMs ?? 2000;
  const maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
  const refreshEveryMs = options.refreshEveryMs ?? 15 * 60_000;
  let status: { ok: true } | { ok: false; error: string } = { ok: false, error: 'not checked yet' };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let delay = firstRetryMs;

  function schedule(ms: number): void {
    if (stopped) return;
    // One timer at a time: a kick during a run is replaced by what the run schedules when it ends.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = run();
    }, ms);
    timer.unref();
  }

  async function run(): Promise<void> {
    try {
      await options.probe();
      if (!status.ok) options.logger.info({ check: options.name }, 'platform reachable');
      status = { ok: true };
      delay = firstRetryMs;
      schedule(refreshEveryMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.logger.warn({ check: options.name, retryInMs: delay, error: message }, 'platform check failed; retrying in the background');
      status = { ok: false, error: message };
      schedule(delay);
      delay = Math.min(delay * 2, maxRetryMs);
    }
  }

  return {
    start(): void {
      if (timer || stopped) return;
      running = run();
    },
    /** Something failed elsewhere (a send): check again soon instead of at the next periodic check. */
    kick(): void {
      schedule(firstRetryMs);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    readiness: {
      name: options.name,
      optional: true,
      check: async () => {
        if (!status.ok) throw new Error(status.error);
      },
    } satisfies ReadinessCheck,
  };
}

export type BackgroundProbe = ReturnType<typeof createBackgroundProbe>;
