import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { AppErrorKind } from '../../core/errors/error-codes.js';
import type { Logger } from '../../core/ports/logger.js';
import { isDatabaseUnavailable } from '../storage/database-unavailable.js';

/** What a 503 asks the client (a platform redelivering a webhook, the chat page, an admin) to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const STATUS_BY_KIND: Record<AppErrorKind, number> = {
  invalid_input: 422,
  bad_request: 400,
  too_large: 413,
  unsupported_media: 415,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function statusOf(error: AppError): number {
  return STATUS_BY_KIND[error.kind];
}

/**
 * Express's own errors (body-parser, the router's parameter decoding) carry a `type` and/or a 4xx `status`:
 * map them onto our stable codes. Anything a client can cause is its error (4xx), never ours (500): a
 * corrupt gzip body, an unknown charset, a `%` that is not an escape in a path parameter.
 */
function fromParserError(error: unknown): AppError | null {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large');
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_BODY', 'the request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding');
  if (error instanceof URIError) return new AppError('MALFORMED_REQUEST', 'the request contains a malformed escape (%)');
  const raw = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
  const status = typeof raw.status === 'number' ? raw.status : typeof raw.statusCode === 'number' ? raw.statusCode : 0;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding or type');
  if (status >= 400 && status < 500) {
    return new AppError(type?.startsWith('entity.') || type?.startsWith('stream.') || type === 'request.aborted' ? 'MALFORMED_BODY' : 'MALFORMED_REQUEST', 'the request is malformed');
  }
  return null;
}

/**
 * A dependency outage (the database down, restarting or unreachable) is not a bug and not the client's fault:
 * 503 DEPENDENCY_UNAVAILABLE, so the platform's redelivery brings the message back once it is up again.
 */
function fromDependencyError(error: unknown): AppError | null {
  return isDatabaseUnavailable(error) ? new AppError('DEPENDENCY_UNAVAILABLE', 'the database is unavailable; try again shortly', { cause: error }) : null;
}

/**
 * The one place errors become HTTP responses: `{ error: { code, message, fields? } }`. Unknown errors are
 * bugs: they are logged and answered with a generic 500 that reveals nothing (messages may hold personal data).
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = isAppError(error) ? error : (fromParserError(error) ?? fromDependencyError(error));
    if (!appError) {
      logger.error({ err: error, path: req.path }, 'unhandled error');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
      return;
    }
    const status = statusOf(appError);
    if (status === 503) {
      res.set('retry-after', String(RETRY_AFTER_SECONDS));
      logger.warn({ code: appError.code, path: req.path, cause: describeCause(appError) }, 'request refused: a dependency is unavailable');
    } else if (status >= 500) logger.error({ err: appError, path: req.path }, 'request failed');
    res.status(status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.fields.length > 0 ? { fields: appError.fields } : {}),
        ...(appError.publicDetails ? { details: appError.details } : {}),
      },
    });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

function describeCause(error: AppError): string | undefined {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (!cause) return undefined;
  return typeof cause.code === 'string' ? cause.code : typeof cause.message === 'string' ? cause.message.slice(0, 200) : undefined;
}
