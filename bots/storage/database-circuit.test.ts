import { createDatabaseCircuit, DatabaseCircuitOpenError } from './database-circuit.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe('the database circuit', () => {
  let now = 0;
  const circuit = () => createDatabaseCircuit({ openMs: 1000, now: () => now });
  beforeEach(() => {
    now = 0;
  });

  it('lets everything through while closed; query-level failures do not open it', () => {
    const c = circuit();
    const admission = c.admit();
    c.failed(admission, false);
    expect(c.snapshot()).toMatchObject({ state: 'closed', opened: 0, connectFailures: 0 });
    expect(c.admit()).toEqual({ probe: false });
  });

  it('opens on a connection failure and refuses at once, as "database unavailable", until the window passes', () => {
    const c = circuit();
    c.failed(c.admit(), true);
    expect(c.snapshot()).toMatchObject({ state: 'open', opened: 1, connectFailures: 1, retryInMs: 1000 });
    now = 400;
    let refused: unknown;
    try {
      c.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DatabaseCircuitOpenError);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable({ cause: refused })).toBe(true);
    expect(c.snapshot()).toMatchObject({ state: 'open', rejected: 1, retryInMs: 600 });
  });

  it('half-open: one probe at a time; its success closes, its failure opens again', () => {
    const c = circuit();
    c.failed(c.admit(), true);
    now = 1000;
    expect(c.snapshot().state).toBe('half_open');
    const probe = c.admit();
    expect(probe).toEqual({ probe: true });
    expect(() => c.admit()).toThrow(DatabaseCircuitOpenError);
    c.failed(probe, true);
    expect(c.snapshot()).toMatchObject({ state: 'open', opened: 2, connectFailures: 2 });
    now = 2000;
    const second = c.admit();
    expect(() => c.admit()).toThrow(DatabaseCircuitOpenError);
    c.succeeded(second);
    expect(c.snapshot().state).toBe('closed');
    expect(c.admit()).toEqual({ probe: false });
  });

  it('a request admitted before the circuit opened does not close it by succeeding', () => {
    const c = circuit();
    const early = c.admit();
    c.failed(c.admit(), true);
    c.succeeded(early);
    expect(c.snapshot().state).toBe('open');
  });

  it('a probe failing for a reason other than the connection frees the probe slot without closing', () => {
    const c = circuit();
    c.failed(c.admit(), true);
    now = 1000;
    c.failed(c.admit(), false);
    expect(c.admit()).toEqual({ probe: true });
  });

  it('openMs 0 turns it off', () => {
    const c = createDatabaseCircuit({ openMs: 0 });
    c.failed(c.admit(), true);
    expect(c.snapshot()).toMatchObject({ state: 'closed', connectFailures: 1 });
    expect(c.admit()).toEqual({ probe: false });
  });
});
