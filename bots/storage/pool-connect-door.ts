import type { Pool, PoolClient } from 'pg';

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: Error) => void) => void;

/**
 * Replaces `pool.connect` with `checkout`, in both of the forms callers use: pg-pool calls `this.connect(callback)`
 * from `query`; drizzle calls `connect()` for a transaction. `wrap` receives the door as it was (earlier wrappers
 * included), so wrappers stack: the last one applied runs first.
 */
export function wrapPoolConnect(pool: Pool, wrap: (connect: () => Promise<PoolClient>) => () => Promise<PoolClient>): void {
  const checkout = wrap(pool.connect.bind(pool) as () => Promise<PoolClient>);
  (pool as unknown as { connect: (callback?: ConnectCallback) => Promise<PoolClient> | undefined }).connect = (callback?: ConnectCallback) => {
    if (!callback) return checkout();
    checkout().then(
      (client) => callback(undefined, client, (error?: Error) => client.release(error)),
      (error: unknown) => callback(error as Error, undefined, () => undefined),
    );
    return undefined;
  };
}
