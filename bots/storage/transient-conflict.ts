import { hasErrorCode } from './error-code.js';

/**
 * PostgreSQL errors that mean "two transactions met", not "this input is wrong": a deadlock (40P01), a
 * serialization failure (40001) or a unique violation raced past an existence check (23505). Running the
 * same idempotent work again resolves them. drizzle wraps driver errors, so the `cause` chain is walked.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '23505']);

export function isTransientConflict(error: unknown): boolean {
  return hasErrorCode(error, TRANSIENT_CODES);
}

/**
 * Runs `work` again (up to `attempts` times in all) while it fails with a transient conflict. Only for work
 * that is idempotent as a whole (each attempt is its own statement or transaction).
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      // A short random pause so that the transactions that met do not meet again in lockstep.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));
    }
  }
}
