import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { LoginRequestSchema, type MeResponse } from '../../../core/contracts/admin-api.js';
import type { UnitLevel } from '../../../core/org/hierarchy.js';
import type { Clock } from '../../../core/ports/clock.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { SESSION_TTL_SECONDS, type SessionTokens } from '../../auth/session-token.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { UserRepository, UserWithUnit } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth, SESSION_COOKIE, tokenOf } from '../auth-middleware.js';

export interface AuthRouteDeps {
  users: UserRepository;
  tokens: SessionTokens;
  audit: AuditRepository;
  clock: Clock;
  /** Failed logins allowed per client address in 15 minutes. */
  loginAttemptsPer15Min: number;
  secureCookies: boolean;
}

export function toMe(user: UserWithUnit): MeResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unit: { id: user.unit.id, code: user.unit.code, name: user.unit.name, level: user.unit.level as UnitLevel },
  };
}

// Verifying against a real hash when the email is unknown keeps response times from revealing which emails exist.
// Computed on the first unknown email, not at import: every CLI process imports this module.
let dummyHash: Promise<string> | null = null;

export function createAuthRouter(deps: AuthRouteDeps): Router {
  const router = express.Router();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.loginAttemptsPer15Min,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('AUTH_RATE_LIMITED', 'too many failed logins; try again in 15 minutes')),
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const body = parseOrThrow(LoginRequestSchema, req.body, 'body');
    const user = await deps.users.findByEmail(body.email);
    const ok = user && !user.disabled ? await verifyPassword(user.passwordHash, body.password) : await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), body.password).then(() => false);
    if (!user || !ok) {
      await deps.audit.record({ actor: body.email.toLowerCase(), action: 'login_failed', targetType: 'user', targetId: user?.id ?? null });
      throw new AppError('AUTH_INVALID_CREDENTIALS', 'wrong email or password');
    }
    const token = await deps.tokens.issue(user);
    await deps.users.touchLogin(user.id, deps.clock.now());
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'login', targetType: 'user', targetId: user.id, unitId: user.unit.id });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      maxAge: SESSION_TTL_SECONDS * 1000,
      path: '/',
    });
    // The token goes in the body only to clients that ask for bearer auth (scripts); the browser keeps it in
    // the httpOnly cookie, out of reach of page scripts.
    res.json({ ...(body.bearer ? { token } : {}), expiresInSeconds: SESSION_TTL_SECONDS, user: toMe(user) });
  });

  router.post('/logout', async (req, res) => {
    // Whatever the token is worth, the cookie goes; a valid session is revoked on the server at once.
    const token = (() => {
      try {
        return tokenOf(req);
      } catch {
        return null;
      }
    })();
    const userId = token ? await deps.tokens.revoke(token) : null;
    if (userId) await deps.audit.record({ actorUserId: userId, actor: userId, action: 'logout', targetType: 'user', targetId: userId });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireAuth(deps), (_req, res) => {
    res.json(toMe(currentUser(res)));
  });

  return router;
}
