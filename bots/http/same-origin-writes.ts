import type { RequestHandler } from 'express';
import { AppError } from '../../core/errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages. SameSite=strict already keeps the cookie off
 * cross-site requests in current browsers; this is the server-side check behind it (issue #13): Fetch Metadata
 * (`Sec-Fetch-Site`) when the browser sends it, else the `Origin` header. Bearer-token requests (scripts) carry
 * no ambient credential and are not checked; a write with neither header is a non-browser client.
 */
export function sameOriginWrites(options: { publicOrigin?: string | undefined } = {}): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return next();
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
      return next(new AppError('CROSS_SITE_REQUEST', 'cross-site writes are refused'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.get('host') ?? ''}`;
      if (origin !== own && origin !== options.publicOrigin) return next(new AppError('CROSS_SITE_REQUEST', 'writes from another origin are refused'));
    }
    next();
  };
}
