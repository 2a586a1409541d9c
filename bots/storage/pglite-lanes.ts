import { AsyncLocalStorage } from 'node:async_hooks';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

/** How long ordinary calls may keep the event loop before they let it go round (I/O, timers, the ingest). */
const YIELD_AFTER_MS = 4;

export interface StatementLanes {
  /** The client to give drizzle: every call waits for its lane's turn, then runs alone. */
  client: PGlite;
  /** Runs `work` with its statements ahead of every other caller's (those already running finish first). */
  first<T>(work: () => Promise<T>): Promise<T>;
  /** Flushes and closes the statement log (DB_STATEMENT_LOG) so its last lines are on disk; nothing without one. */
  closeLog(): Promise<void>;
}

/**
 * PGlite has one connection: every statement and every transaction runs alone, first come first served. With the
 * in-process workers on, an acknowledgement's few statements queued behind the workers' turns and waited for all of
 * them (issue #12: acknowledgements took seconds at 50 msg/s). Two lanes fix that without changing what runs: calls
 * made inside `first` (the ingest's durable insert) go before any call waiting in the ordinary lane (turns,
 * deliveries, dashboards). A transaction holds its turn for its whole callback, exactly as PGlite's own lock does,
 * so nothing interleaves with it; the callback uses its own `tx`, never the client, as before.
 */
export function createStatementLanes(inner: PGlite, options: { statementLog?: string } = {}): StatementLanes {
  const logger = options.statementLog ? statementLogger(options.statementLog) : null;
  const log = logger?.write ?? null;
  const urgent = new AsyncLocalStorage<true>();
  const fast: (() => void)[] = [];
  const normal: (() => void)[] = [];
  let busy = false;
  /** When the event loop last went round (a `setImmediate` ran), and whether ordinary calls wait for it to. */
  let loopMark = performance.now();
  let waitingForLoop = false;

  function loopWentRound(): void {
    waitingForLoop = false;
    loopMark = performance.now();
    pump();
  }

  function pump(): void {
    if (busy) return;
    const urgentCall = fast.shift();
    if (urgentCall) {
      busy = true;
      urgentCall();
      return;
    }
    if (normal.length === 0 || waitingForLoop) return;
    // PGlite runs a statement synchronously and resolves it with a microtask, so a chain of ordinary calls (a
    // worker round, a drain of deliveries) never gave the event loop back: sockets were not read and an
    // acknowledgement could not even reach the fast lane until the workers ran out of work (issue #12). After
    // YIELD_AFTER_MS of ordinary calls without the loop going round, the next one waits until it has.
    if (performance.now() - loopMark > YIELD_AFTER_MS) {
      waitingForLoop = true;
      setImmediate(loopWentRound);
      return;
    }
    busy = true;
    normal.shift()!();
  }

  function schedule<T>(call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (urgent.getStore() ? fast : normal).push(() => {
        call()
          .then(resolve, reject)
          .finally(() => {
            busy = false;
            pump();
          });
      });
      pump();
    });
  }

  const scheduled: Record<string, unknown> = {
    query: (...args: Parameters<PGlite['query']>) => schedule(() => (log?.(args[0]), inner.query(...args))),
    exec: (...args: Parameters<PGlite['exec']>) => schedule(() => (log?.(args[0]), inner.exec(...args))),
    transaction: (callback: Parameters<PGlite['transaction']>[0]) =>
      schedule(() => {
        if (!log) return inner.transaction(callback);
        log('begin');
        return inner.transaction((tx) => callback(loggedTransaction(tx, log))).finally(() => log('end'));
      }),
  };
  return { client: withOverrides(inner, scheduled), first: (work) => urgent.run(true, work), closeLog: logger?.close ?? (async () => undefined) };
}

type Transaction = Parameters<Parameters<PGlite['transaction']>[0]>[0];

/**
 * DB_STATEMENT_LOG (a debugging aid, issue #12): one line per statement sent to PGlite, whitespace folded, so
 * statements per answered message can be counted (`sed -E 's/\$[0-9]+/$/g; s/[0-9]+/N/g' FILE | sort | uniq -c`).
 * A transaction shows as `begin` … `end` around its statements. Buffered by a stream: the server's cost stays small.
 */
function statementLogger(file: string): { write(statement: string): void; close(): Promise<void> } {
  const stream: WriteStream = createWriteStream(file, { flags: 'a' });
  stream.on('error', () => undefined);
  return {
    write: (statement) => {
      stream.write(`${statement.replace(/\s+/g, ' ').trim()}\n`);
    },
    // 'close' comes after the flush, and after an error too (a log that cannot be written never holds up a close).
    close: () =>
      new Promise<void>((resolve) => {
        if (stream.closed) return resolve();
        stream.once('close', () => resolve());
        stream.end();
      }),
  };
}

function loggedTransaction(tx: Transaction, log: (statement: string) => void): Transaction {
  const logged = (method: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    log(String(args[0]));
    return method.apply(tx, args);
  };
  return withOverrides(tx, { query: logged(tx.query as (...args: unknown[]) => unknown), exec: logged(tx.exec as (...args: unknown[]) => unknown) });
}

/**
 * `target` with some methods replaced. Everything else (close, dumpDataDir, waitReady...) is the target's own, called
 * on the target itself: PGlite keeps private state that a stand-in `this` cannot reach.
 */
function withOverrides<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(object, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
