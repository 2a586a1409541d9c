import { CommanderError } from 'commander';
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
  const base = await bootBase(io.env, { longCommands: true });
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
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs a command action; on failure writes the error to stderr (as JSON with `--format json`) and throws a
 * CommanderError with the exit code (2 for bad input, 1 otherwise), which the program's exitOverride passes up.
 */
export async function reportCommandErrors(stderr: (line: string) => void, rawOptions: unknown, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CommanderError) throw error;
    const described = describeError(error);
    const json = (rawOptions as { format?: unknown } | undefined)?.format === 'json';
    stderr(json ? JSON.stringify({ error: described }) : `error ${described.code}: ${described.message}`);
    throw new CommanderError(exitCodeOf(error), 'command.failed', described.message);
  }
}
