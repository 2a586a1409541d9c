import type { ErrorResponse } from '../../../../core/contracts/admin-api';

/** One problem with one input field, as the server names it (`body.question`, `query.unit`). */
export type FieldError = NonNullable<ErrorResponse['error']['fields']>[number];

/**
 * Codes the client itself produces, next to the server's stable codes (core/errors/error-codes.ts):
 * the server was unreachable, or it answered something the contract does not describe.
 */
export const CLIENT_ERROR_CODES = { network: 'NETWORK_ERROR', badResponse: 'RESPONSE_INVALID', http: 'HTTP_ERROR' } as const;

/**
 * Every failed API call rejects with this: the HTTP status (0 when the server was unreachable), the stable
 * error code and the fields the server named. Screens branch on `status`/`code`, never on `message`
 * (the server's messages are English, for developers; what users read comes from error-messages.vi.ts).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    /** The whole error body, for the few screens that read extra facts from it (who holds a claimed conversation). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }

  /** The server's message for one input field (`'body.email'`), to show beside that field. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** True when the user's session is missing or expired: the app sends them back to the login page. */
export function isUnauthorized(value: unknown): boolean {
  return isApiError(value) && value.status === 401;
}
