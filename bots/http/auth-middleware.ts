import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../core/errors/app-error.js';
import type { Role } from '../../core/contracts/admin-api.js';
import { isWithinScope } from '../../core/org/hierarchy.js';
import type { SessionTokens } from '../auth/session-token.js';
import type { UserRepository, UserWithUnit } from '../storage/repositories/user-repository.js';

export const SESSION_COOKIE = 'cd_session';

/** The authenticated admin user of a request, set by `requireAuth`. */
export function currentUser(res: Response): UserWithUnit {
  const user = res.locals.user as UserWithUnit | undefined;
  if (!user) throw new AppError('AUTH_REQUIRED', 'log in first');
  return user;
}

export function tokenOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // A cookie that is not even well-escaped is no session: 401 like any other bad token, never a 500.
      throw new AppError('AUTH_REQUIRED', 'the session is invalid; log in again');
    }
  }
  return null;
}

/**
 * Accepts the httpOnly session cookie (admin UI) or a bearer token (scripts). The user and the server-side
 * session are re-read on every request, so logout, disabling an account, a new password or a changed role or
 * unit take effect immediately.
 */
export function requireAuth(deps: { tokens: SessionTokens; users: UserRepository }): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    if (!token) throw new AppError('AUTH_REQUIRED', 'log in first');
    const claims = await deps.tokens.verify(token);
    const user = await deps.users.findById(claims.userId);
    if (!user || user.disabled) throw new AppError('AUTH_REQUIRED', 'this account no longer exists or is disabled');
    await deps.tokens.assertOpen(claims, user);
    res.locals.user = user;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!roles.includes(user.role)) {
      throw new AppError('FORBIDDEN', `this action needs one of the roles: ${roles.join(', ')}`);
    }
    next();
  };
}

/** Officers and leaders see their own unit and the units below it; nothing else, whatever the role. */
export function assertUnitInScope(user: UserWithUnit, unitPath: string): void {
  if (!isWithinScope(unitPath, user.unit.path)) {
    throw new AppError('UNIT_OUT_OF_SCOPE', 'this unit is outside your part of the union hierarchy');
  }
}
