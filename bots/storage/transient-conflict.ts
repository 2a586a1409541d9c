/**
 * PostgreSQL errors that mean "two transactions met", not "this input is wrong": a deadlock (40P01), a
 * serialization failure (40001) or a unique violation raced past an existence check (23505). Running the
 * same idempotent work again resolves them. drizzle wraps driver errors, so the `cause` chain is walked.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '23505']);

export function isTransientConflict(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
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
