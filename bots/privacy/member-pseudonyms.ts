import { createHmac } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';

/**
 * The id a member's mood rows carry instead of the member's own id (D-privacy-6): HMAC-SHA-256 of the member id under
 * a key kept sealed outside the rollups, cut to 128 bits and written as a UUID so that it fits the uuid column.
 * The same member always gets the same pseudonym (distinct-member counts stay exact across days, units and periods),
 * and a copy of the database alone cannot turn a mood row back into a member: that needs the key, which is sealed
 * with SECRETS_KEY (bots/secrets/stored-secrets.ts).
 */
export interface MemberPseudonyms {
  of(memberId: string): string;
}

export function createMemberPseudonyms(key: Buffer): MemberPseudonyms {
  if (key.length < 32) throw new AppError('CONFIG_INVALID', 'the mood pseudonym key must be at least 32 bytes');
  return {
    of(memberId: string): string {
      // Lower case first: PostgreSQL prints uuids in lower case, callers may hold either.
      const hex = createHmac('sha256', key).update(memberId.toLowerCase()).digest('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
