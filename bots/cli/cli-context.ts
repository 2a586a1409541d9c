import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { Env } from '../../core/config/env-schema.js';
import type { Logger } from '../../core/ports/logger.js';
import { bootBase } from '../bootstrap.js';
import type { Database } from '../storage/database.js';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

export interface CliBase {
  env: Env;
  logger: Logger;
  database: Database;
}

/** Opens configuration, logger and database for one command and always closes the database. */
export async function withBase<T>(io: CliIo, run: (base: CliBase) => Promise<T>): Promise<T> {
  const base = await bootBase(io.env);
  try {
    return await run(base);
  } finally {
    await base.database.close();
  }
}

/** Exit code 2 for bad input (the caller's to fix), 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return isAppError(error) && ['invalid_input', 'bad_request', 'not_found', 'conflict', 'too_large'].includes(error.kind) ? 2 : 1;
}

export function describeError(error: unknown): { code: string; message: string; fields?: readonly { path: string; message: string }[] } {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) };
  return { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) };
}
