import type { Pool, PoolClient } from 'pg';
import type { DatabaseCircuit } from './database-circuit.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: Error) => void) => void;

/**
 * Puts the circuit in front of `pool.connect`, the one door every statement goes through: `pool.query` (drizzle's
 * plain statements) calls it, and so do transactions. An open circuit refuses before the pool tries anything.
 */
export function guardPoolWithCircuit(pool: Pool, circuit: DatabaseCircuit): void {
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const guarded = async (): Promise<PoolClient> => {
    const admission = circuit.admit();
    try {
      const client = await connect();
      circuit.succeeded(admission);
      return client;
    } catch (error) {
      circuit.failed(admission, isConnectionFailure(error));
      throw error;
    }
  };
  // pg-pool calls `this.connect(callback)` from `query`; drizzle calls `connect()` for a transaction.
  (pool as unknown as { connect: (callback?: ConnectCallback) => Promise<PoolClient> | undefined }).connect = (callback?: ConnectCallback) => {
    if (!callback) return guarded();
    guarded().then(
      (client) => callback(undefined, client, (error?: Error) => client.release(error)),
      (error: unknown) => callback(error as Error, undefined, () => undefined),
    );
    return undefined;
  };
}

/**
 * The pool's own wait for a free connection ("timeout exceeded when trying to connect") means every connection is
 * busy: the server is up. A pool being closed is our own shutdown. Everything else `isDatabaseUnavailable` knows
 * (refused, reset, a connect time-out, a connection ended during the handshake) is the server being unreachable.
 */
function isConnectionFailure(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && /timeout exceeded when trying to connect|cannot use a pool after calling end/i.test(message)) return false;
  return isDatabaseUnavailable(error);
}
