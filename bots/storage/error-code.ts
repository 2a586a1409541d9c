/**
 * Whether an error, or one of its causes, carries one of `codes` (PostgreSQL's SQLSTATE, a driver's errno name).
 * drizzle wraps driver errors, so the `cause` chain is walked (a few levels: wrappers do not nest deeper).
 */
export function hasErrorCode(error: unknown, codes: ReadonlySet<string>): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
