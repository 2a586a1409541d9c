import type { RequestHandler } from 'express';
import { AppError } from '../../core/errors/app-error.js';
import { isSafeText } from '../../core/text/safe-text.js';

/**
 * Refuses (400) a request whose decoded path holds a control character or a lone surrogate
 * (`/api/admin/faq/%00`). Route parameters reach SQL as text, and PostgreSQL refuses a NUL there with an
 * error that would otherwise surface as a 500; no resource of ours has such a name, so the edge says so
 * once for every route. Malformed escapes are left to Express, which already answers them with 400.
 */
export function refuseUnsafePaths(): RequestHandler {
  return (req, _res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      next();
      return;
    }
    if (!isSafeText(decoded)) {
      next(new AppError('MALFORMED_REQUEST', 'the request path contains a control character'));
      return;
    }
    next();
  };
}
