import { Counter, Gauge, type Registry } from 'prom-client';
import type { CircuitSnapshot } from '../storage/database-circuit.js';

const STATES = ['closed', 'open', 'half_open'] as const;

/**
 * The database circuit in /metrics, read from the circuit when scraped (it lives with the database, opened before
 * the metrics): its state, how often it opened, the requests it refused at once and the failed connection attempts.
 */
export function registerDatabaseCircuitMetrics(registry: Registry, snapshot: () => CircuitSnapshot): void {
  new Gauge({
    name: 'cd_database_circuit_state',
    help: 'The database circuit as this process sees it: 1 for its current state (closed, open, half_open), 0 for the others',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { state } = snapshot();
      for (const name of STATES) this.set({ state: name }, name === state ? 1 : 0);
    },
  });
  const fromSnapshot = (name: string, help: string, read: (current: CircuitSnapshot) => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read(snapshot()));
      },
    });
  fromSnapshot('cd_database_circuit_opened_total', 'Times the database circuit opened after a connection failure', (s) => s.opened);
  fromSnapshot('cd_database_circuit_rejected_total', 'Database requests refused at once (503) because the circuit was open', (s) => s.rejected);
  fromSnapshot('cd_database_connect_failures_total', 'PostgreSQL connection attempts that failed (refused, reset, timed out)', (s) => s.connectFailures);
}
