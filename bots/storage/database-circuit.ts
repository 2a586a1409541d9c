/**
 * A fail-fast circuit in front of PostgreSQL connections (issue #13). Without it, every request made while the
 * server is down or unreachable waits for its own connect attempt (up to DATABASE_CONNECT_TIMEOUT_MS) before it
 * can answer 503, and clients time out first. With it, one connection-level failure opens the circuit: for
 * `openMs` every request that needs a connection fails at once as "database unavailable" (503 + Retry-After at
 * the edge, a retry with backoff in workers). Then the circuit is half-open: one request at a time is let
 * through as a probe while the others still fail at once; a probe that connects closes the circuit, one that
 * fails opens it again.
 *
 * Only failures to get a connection count (refused, reset, timed out, ended during the handshake): a query error
 * (a unique violation, a deadlock, a statement the server terminated) says nothing about whether the next
 * connection would work, and a pool whose connections are all busy is overloaded, not down.
 */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitSnapshot {
  state: CircuitState;
  /** While open: milliseconds until a probe may go through. */
  retryInMs: number;
  /** Times the circuit opened since the process started. */
  opened: number;
  /** Requests refused at once because the circuit was open (or a probe was already out). */
  rejected: number;
  /** Connection attempts that failed at the connection level. */
  connectFailures: number;
}

export interface DatabaseCircuit {
  /** Throws `DatabaseCircuitOpenError` when a request may not try now; otherwise says whether it is the probe. */
  admit(): { probe: boolean };
  /** A connection was obtained (the probe's success closes the circuit). */
  succeeded(admission: { probe: boolean }): void;
  /** Getting a connection failed; `connectionLevel` says whether it counts (see above). */
  failed(admission: { probe: boolean }, connectionLevel: boolean): void;
  snapshot(): CircuitSnapshot;
  /** Called on every state change (the log line of an outage's start and end). */
  onChange(listener: (state: CircuitState) => void): void;
}

/** What a request refused by an open circuit fails with; `isDatabaseUnavailable` knows its code. */
export class DatabaseCircuitOpenError extends Error {
  readonly code = 'DB_CIRCUIT_OPEN';
  constructor(readonly retryInMs: number) {
    super('the database is unavailable (circuit open); try again shortly');
    this.name = 'DatabaseCircuitOpenError';
  }
}

export interface DatabaseCircuitOptions {
  /** How long the circuit stays open after a failure before one probe may go through; 0 turns the circuit off. */
  openMs: number;
  /** Milliseconds since some origin; injectable so tests can move time instead of waiting. */
  now?: () => number;
}

export function createDatabaseCircuit(options: DatabaseCircuitOptions): DatabaseCircuit {
  const now = options.now ?? (() => performance.now());
  let state: CircuitState = 'closed';
  let openedAt = 0;
  let probeOut = false;
  const counts = { opened: 0, rejected: 0, connectFailures: 0 };
  const listeners: ((state: CircuitState) => void)[] = [];

  const moveTo = (next: CircuitState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };
  const open = () => {
    openedAt = now();
    probeOut = false;
    if (state !== 'open') counts.opened += 1;
    moveTo('open');
  };
  const retryInMs = () => (state === 'open' ? Math.max(0, Math.ceil(openedAt + options.openMs - now())) : 0);

  return {
    admit() {
      if (options.openMs <= 0 || state === 'closed') return { probe: false };
      if (state === 'open' && retryInMs() === 0) moveTo('half_open');
      if (state === 'half_open' && !probeOut) {
        probeOut = true;
        return { probe: true };
      }
      counts.rejected += 1;
      throw new DatabaseCircuitOpenError(Math.max(retryInMs(), 1));
    },
    succeeded(admission) {
      // Only the probe closes: a request admitted before the circuit opened may have been handed an idle
      // connection, which says nothing about the server now.
      if (!admission.probe) return;
      probeOut = false;
      moveTo('closed');
    },
    failed(admission, connectionLevel) {
      if (admission.probe) probeOut = false;
      if (!connectionLevel) return;
      counts.connectFailures += 1;
      if (options.openMs > 0) open();
    },
    snapshot: () => ({ state: options.openMs > 0 && state === 'open' && retryInMs() === 0 ? 'half_open' : state, retryInMs: retryInMs(), ...counts }),
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
