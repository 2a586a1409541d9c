import { openDatabase } from '../../bots/storage/database.js';
import type { TestDatabase } from './backends.js';
import { startTcpProxy } from './tcp-proxy.js';

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;

/**
 * The platform's own connection to a PostgreSQL test database, through a TCP proxy the test can cut, so the
 * database goes away for the platform while the test still reads it directly. A short connect time-out (1 s) keeps
 * outages quick; the circuit's clock is the test's, so its open window passes when the test says so.
 */
export async function openDatabaseViaProxy(
  base: TestDatabase,
  circuit: { now: () => number; openMs?: number; statementTimeoutMs?: number },
): Promise<{ proxy: TcpProxy; database: TestDatabase }> {
  const target = new URL(base.url as string);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(base.url as string);
  viaProxy.port = String(new URL(proxy.url).port);
  const opened = await openDatabase({
    databaseUrl: viaProxy.toString(),
    poolSize: 5,
    migrate: false,
    connectTimeoutMs: 1000,
    circuitNow: circuit.now,
    ...(circuit.openMs === undefined ? {} : { circuitOpenMs: circuit.openMs }),
    // The analytics pool (dashboards, daily mood jobs) gets a longer limit, as in production (10 s vs 120 s).
    ...(circuit.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: circuit.statementTimeoutMs, analyticsTimeoutMs: circuit.statementTimeoutMs * 3 }),
  });
  return { proxy, database: { ...opened, url: viaProxy.toString() } };
}
