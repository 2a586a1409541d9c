import { pino, type DestinationStream } from 'pino';
import type { Logger } from '../../core/ports/logger.js';
import type { Redactor } from '../../core/ports/redactor.js';

export interface LoggerOptions {
  level: string;
  redactor: Redactor;
  /** Defaults to stderr, so that CLI commands keep stdout for their JSON. */
  destination?: DestinationStream;
}

// Fields that can carry member text, credentials or tokens never reach the log sink.
const REDACTED_PATHS = [
  'password',
  '*.password',
  'passwordHash',
  'token',
  '*.token',
  'accessToken',
  'refreshToken',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'content',
  '*.content',
  'rawBody',
  '*.rawBody',
];

/**
 * JSON logs (pino) with personal data redacted: known sensitive fields are censored by path, and every
 * string that does get logged (message, `text`, error messages) goes through the NLU redactor, which
 * replaces phone numbers, national ids, emails, bank accounts and introduced names.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = (value: unknown): unknown => (typeof value === 'string' ? options.redactor.redact(value) : value);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: {
        log(object) {
          const clean: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(object)) clean[key] = key === 'err' ? serializeError(value, scrub) : scrub(value);
          return clean;
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => scrub(arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination(2),
  ) as unknown as Logger;
}

function serializeError(value: unknown, scrub: (v: unknown) => unknown): unknown {
  if (!(value instanceof Error)) return scrub(value);
  const withCode = value as Error & { code?: unknown };
  // Drivers wrap the real failure (drizzle's "Failed query" around a pg error): keep the chain.
  const cause = value.cause instanceof Error ? serializeError(value.cause, scrub) : undefined;
  return { type: value.name, message: scrub(value.message), code: withCode.code, stack: scrub(value.stack), ...(cause ? { cause } : {}) };
}
