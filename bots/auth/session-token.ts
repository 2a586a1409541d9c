import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../core/errors/app-error.js';

export interface SessionClaims {
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISSUER = 'congdoan-assistant';
export const SESSION_TTL_SECONDS = 12 * 3600;

/** Signed session tokens (HS256). The user and their role are re-read from the database on every request. */
export function createSessionTokens(secret: string) {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(claims: SessionClaims): Promise<string> {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
        .sign(key);
    },
    async verify(token: string): Promise<SessionClaims> {
      try {
        // `exp` is required: a token signed with our key but without an expiry would be valid forever.
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] });
        if (!payload.sub || !UUID.test(payload.sub)) throw new Error('the subject is not a user id');
        return { userId: payload.sub };
      } catch (error) {
        throw new AppError('AUTH_REQUIRED', 'the session is invalid or has expired; log in again', { cause: error });
      }
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
