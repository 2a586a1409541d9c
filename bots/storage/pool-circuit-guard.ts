import type { Pool, PoolClient } from 'pg';
import type { DatabaseCircuit } from './database-circuit.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { wrapPoolConnect } from './pool-connect-door.js';

/**
 * Puts the circuit in front of `pool.connect`, the one door every statement goes through: `pool.query` (drizzle's
 * plain statements) calls it, and so do transactions. An open circuit refuses before the pool tries anything.
 * Each connection handed out is also watched for statements that got no answer at all (the pool's `query_timeout`,
 * DATABASE_STATEMENT_TIMEOUT_MS): a partitioned network or a frozen server keeps connections open while nothing comes
 * back, which the connect door alone never sees.
 */
export function guardPoolWithCircuit(pool: Pool, circuit: DatabaseCircuit): void {
  wrapPoolConnect(pool, (connect) => async (): Promise<PoolClient> => {
    const admission = circuit.admit();
    try {
      const client = await connect();
      circuit.succeeded(admission);
      watchUnansweredQueries(client, circuit);
      return client;
    } catch (error) {
      circuit.failed(admission, isConnectionFailure(error));
      throw error;
    }
  });
}

const WATCHED = Symbol('watchedForUnansweredQueries');
type QueryCallback = (error: Error | undefined, result: unknown) => void;

/**
 * pg's read time-out fails the statement but keeps the connection, whose socket still waits for the lost answer:
 * the connection is destroyed (the pool drops it on release) and the failure counts as a connection-level one, so
 * the circuit opens and the next requests answer 503 at once. A server-side `statement_timeout` (the server is
 * there, the statement slow) does not count: it answers, and the connection stays usable.
 */
function watchUnansweredQueries(client: PoolClient, circuit: DatabaseCircuit): void {
  const marked = client as PoolClient & { [WATCHED]?: true };
  if (marked[WATCHED]) return;
  marked[WATCHED] = true;
  const observe = (error: unknown) => {
    if (!isUnansweredQuery(error)) return;
    circuit.failed({ probe: false }, true);
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | undefined, result: unknown) => {
        if (error) observe(error);
        (last as QueryCallback)(error, result);
      };
      return query(...args);
    }
    const result = query(...args);
    // The caller gets the same promise; this branch only looks at its failure.
    if (result instanceof Promise) result.catch(observe);
    return result;
  };
}

/** pg's own message when a statement got no answer within `query_timeout`. */
export function isUnansweredQuery(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
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
