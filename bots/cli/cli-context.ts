import { CommanderError } from 'commander';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { Env } from '../../core/config/env-schema.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Redactor } from '../../core/ports/redactor.js';
import { createRedactor } from '../../intents/index.js';
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

/** At most this many causes are followed: a cause chain can be a cycle. */
const MAX_CAUSES = 4;

/**
 * An unexpected error's message with its causes, each with its code when it has one. The query builder wraps the
 * driver's error as "Failed query: …": without the cause the operator sees the statement but not why it failed
 * (a flaky `mood report` printed only that). The messages may quote a statement's parameters, so each goes through
 * the redactor like a log line.
 */
function internalMessage(error: unknown, redactor: Redactor): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    const text = current instanceof Error ? current.message : String(current);
    parts.push(`${redactor.redact(text)}${typeof code === 'string' && code ? ` [${code}]` : ''}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' — caused by: ');
}

export function describeError(error: unknown, redactor: Redactor = defaultRedactor()): { code: string; message: string; fields?: readonly { path: string; message: string }[] } {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) };
  return { code: 'INTERNAL', message: internalMessage(error, redactor) };
}

let sharedRedactor: Redactor | null = null;
/** Built on first use: most commands never fail, and the redactor loads the NLU's entity patterns. */
function defaultRedactor(): Redactor {
  sharedRedactor ??= createRedactor();
  return sharedRedactor;
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
