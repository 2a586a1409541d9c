import type { Logger } from '../../core/ports/logger.js';

export interface PeriodicSweepOptions {
  /** Shown in the log lines. */
  name: string;
  run: () => Promise<unknown>;
  intervalMs: number;
  logger: Logger;
  /**
   * True while the database is known to be unreachable (its circuit is open): the tick is skipped instead of
   * failing at once and logging every interval. The first tick after it lets the circuit's probe through.
   */
  databaseDown?: () => boolean;
  /** The longest a failing sweep waits between attempts (default 60 s). */
  maxBackoffMs?: number;
}

/**
 * Runs a sweep now and then every `intervalMs` until stopped, one run at a time. A failing sweep backs off (the
 * interval doubled per consecutive failure, up to `maxBackoffMs`) and says so once, not on every tick: during a
 * database outage it neither hammers the database nor floods the log (issue #13).
 */
export function startPeriodicSweep(options: PeriodicSweepOptions): () => Promise<void> {
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let failures = 0;
  let skipUntil = 0;
  const tick = () => {
    if (stopped || running || Date.now() < skipUntil || options.databaseDown?.()) return;
    running = options
      .run()
      .then(
        () => {
          if (failures > 0) options.logger.info({ sweep: options.name, failures }, 'sweep works again');
          failures = 0;
          skipUntil = 0;
        },
        (error: unknown) => {
          failures += 1;
          const backoffMs = Math.min(maxBackoffMs, options.intervalMs * 2 ** (failures - 1));
          skipUntil = Date.now() + backoffMs;
          if (failures === 1) options.logger.warn({ err: error, sweep: options.name, backoffMs }, 'sweep failed; backing off');
          else options.logger.debug({ err: error, sweep: options.name, failures, backoffMs }, 'sweep failed again');
        },
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
