import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../core/errors/app-error.js';
import type { Clock } from '../../core/ports/clock.js';

export const EXPORT_LINK_VALID_HOURS = 24;
const ISSUER = 'congdoan-member-data';
const AUDIENCE = 'member-export';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ExportLinks = ReturnType<typeof createExportLinks>;

/**
 * Signed, expiring download links for a member's own copy of their data, sent in chat. Stateless (no table): the
 * signature proves we issued it, `exp` limits it to 24 h, and an erased member's link finds nothing. The key is
 * derived from the server secret for this one purpose, so a link is never a session token and vice versa.
 */
export function createExportLinks(serverSecret: string, clock: Clock) {
  const key = createHmac('sha256', serverSecret).update('member-export-link').digest();
  return {
    async issue(memberId: string): Promise<string> {
      const now = Math.floor(clock.now().getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(memberId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + EXPORT_LINK_VALID_HOURS * 3600)
        .sign(key);
    },

    /** The member the link is for; a bad, foreign or expired link is NOT_FOUND (nothing to tell a guesser). */
    async memberOf(token: string): Promise<string> {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'], currentDate: clock.now() });
        if (!payload.sub || !UUID.test(payload.sub)) throw new Error('no member in the link');
        return payload.sub;
      } catch (error) {
        throw new AppError('NOT_FOUND', 'this download link is invalid or has expired; ask the assistant again with /taidulieu', { cause: error });
      }
    },
  };
}
