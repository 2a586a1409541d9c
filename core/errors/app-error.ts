import { ERROR_CODES, type AppErrorCode, type AppErrorKind } from './error-codes.js';

/** One problem with one input field, named by its path (`body.units[3].code`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type the project throws on purpose. Anything else that reaches an edge is a bug and is
 * reported as `INTERNAL` without its message (it may hold personal data).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;
  /** Details meant for the caller (e.g. who holds a conversation): the HTTP edge includes them in the response. */
  readonly publicDetails: boolean;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { cause?: unknown; fields?: FieldIssue[]; details?: Record<string, unknown>; publicDetails?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
    this.publicDetails = options.publicDetails ?? false;
  }

  get kind(): AppErrorKind {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new AppError('INTERNAL', `unexpected ${what}: ${JSON.stringify(value)}`);
}
