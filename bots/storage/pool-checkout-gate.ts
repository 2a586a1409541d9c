import type { Pool, PoolClient } from 'pg';
import { wrapPoolConnect } from './pool-connect-door.js';

export interface PoolCheckoutGateOptions {
  /** Connections handed out at once (the pool's own size). */
  slots: number;
  /** How long a checkout may wait for a free slot; 0 = as long as it takes. */
  maxWaitMs: number;
  /** Asked before a checkout queues: an error refuses it at once instead (an open circuit, D-hardening-12). */
  refuseWait?: () => Error | undefined;
}

/**
 * A FIFO queue in front of `pool.connect` for the analytics pool. pg-pool counts the time a checkout waits for a
 * busy pool against `connectionTimeoutMillis`, the same few seconds that bound a real connection attempt: a cold
 * national summary runs several reads of seconds each at once, so further reads (another summary, the daily warm-up)
 * failed with "timeout exceeded when trying to connect" although the server was fine. Behind this gate a checkout
 * waits for a slot as long as an analytics statement may run (`maxWaitMs`), and only the connection attempt itself
 * keeps the short bound. Apply after `guardPoolWithCircuit` (the gate outside): a checkout takes the circuit's
 * admission only once it holds a slot, so a half-open circuit's one probe never waits here, for up to `maxWaitMs`,
 * while every other statement of the process (the request path shares the circuit) is refused. `refuseWait` keeps
 * an open circuit's refusal immediate for checkouts that would have to queue.
 */
export function gatePoolCheckouts(pool: Pool, options: PoolCheckoutGateOptions): void {
  const waiting: { admit(): void; timer: NodeJS.Timeout | null }[] = [];
  let busy = 0;

  function free(): void {
    const next = waiting.shift();
    if (!next) {
      busy -= 1;
      return;
    }
    if (next.timer) clearTimeout(next.timer);
    next.admit(); // the slot passes straight to the next in line
  }

  function slot(): Promise<void> {
    if (busy < options.slots) {
      busy += 1;
      return Promise.resolve();
    }
    const refused = options.refuseWait?.();
    if (refused) return Promise.reject(refused);
    return new Promise<void>((resolve, reject) => {
      const entry: { admit(): void; timer: NodeJS.Timeout | null } = { admit: resolve, timer: null };
      if (options.maxWaitMs > 0) {
        entry.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          // Worded like pg-pool's own exhaustion error: the edge answers 503 and the circuit stays closed.
          reject(new Error(`timeout exceeded when trying to connect: no analytics connection became free within ${options.maxWaitMs} ms`));
        }, options.maxWaitMs);
      }
      waiting.push(entry);
    });
  }

  async function gated(connect: () => Promise<PoolClient>): Promise<PoolClient> {
    await slot();
    let client: PoolClient;
    try {
      client = await connect();
    } catch (error) {
      free();
      throw error;
    }
    // pg-pool sets a fresh `release` on every checkout; ours frees the slot once, whatever path releases it.
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (!released) {
        released = true;
        free();
      }
      return release(error);
    };
    return client;
  }

  wrapPoolConnect(pool, (connect) => () => gated(connect));
}
