/**
 * Errors that mean "the database is not there right now", not "this request is wrong": the server refuses or
 * drops connections (down, restarting, failing over: 57P01–57P03, class 08, too many connections), the network
 * to it fails, the pool cannot get a connection in time, or the embedded database was closed. Such a request may
 * succeed later, so the edge answers 503 with Retry-After (platforms redeliver) instead of a 500. drizzle wraps
 * driver errors, so the `cause` chain is walked.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01']);
// DB_CIRCUIT_OPEN: refused at once by the fail-fast circuit (database-circuit.ts) after a connection failure.
const NODE_CODES = new Set(['DB_CIRCUIT_OPEN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection(?: was)? (?:closed|ended)/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /client was closed and is not queryable/i,
  /pglite is closed/i,
  // A statement with no answer within DATABASE_STATEMENT_TIMEOUT_MS: the server is unreachable with the connection open.
  /^query read timeout$/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SQLSTATES.has(code) || NODE_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
