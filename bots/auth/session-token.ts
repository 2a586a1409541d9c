import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../core/errors/app-error.js';
import type { Clock } from '../../core/ports/clock.js';
import type { AdminSessionRepository } from '../storage/repositories/admin-session-repository.js';

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** What a session was granted on; a change to any of these (by any code path) ends the user's sessions. */
export interface SessionSubject {
  id: string;
  role: string;
  disabled: boolean;
  passwordHash: string;
  unit: { id: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISSUER = 'congdoan-assistant';
export const SESSION_TTL_SECONDS = 12 * 3600;

export function sessionFingerprint(user: SessionSubject): string {
  return createHash('sha256').update([user.id, user.role, user.unit.id, user.passwordHash, String(user.disabled)].join('\n')).digest('base64url');
}

const invalid = (cause?: unknown) => new AppError('AUTH_REQUIRED', 'the session is invalid or has expired; log in again', cause ? { cause } : {});

/**
 * Signed session tokens (HS256) backed by a server-side session row: the signature proves the token is ours,
 * the row proves the session is still open. Logout revokes the row; a change of role, unit, password or
 * disabled flag changes the fingerprint and so refuses every session granted before it.
 */
export function createSessionTokens(secret: string, deps: { sessions: AdminSessionRepository; clock: Clock }) {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(user: SessionSubject): Promise<string> {
      const now = deps.clock.now();
      const sessionId = await deps.sessions.create({ userId: user.id, fingerprint: sessionFingerprint(user), expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000), now });
      return new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + SESSION_TTL_SECONDS)
        .sign(key);
    },

    /** The token's signature, expiry (`exp` required) and claims; not yet whether the session is open. */
    async verify(token: string): Promise<SessionClaims> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'], currentDate: deps.clock.now() });
        const sid = payload.sid;
        if (!payload.sub || !UUID.test(payload.sub) || typeof sid !== 'string' || !UUID.test(sid)) throw new Error('the token does not name a user and a session');
        return { userId: payload.sub, sessionId: sid };
      } catch (error) {
        throw invalid(error);
      }
    },

    /** The session is open, belongs to this user and was granted on the user's current role, unit and password. */
    async assertOpen(claims: SessionClaims, user: SessionSubject): Promise<void> {
      const session = await deps.sessions.find(claims.sessionId);
      const ok = session && session.userId === user.id && !session.revokedAt && session.expiresAt > deps.clock.now() && session.fingerprint === sessionFingerprint(user);
      if (!ok) throw invalid();
    },

    /** Logout: a token that does not verify has no session to end. */
    async revoke(token: string): Promise<string | null> {
      const claims = await this.verify(token).catch(() => null);
      if (!claims) return null;
      await deps.sessions.revoke(claims.sessionId, deps.clock.now());
      return claims.userId;
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
