import { and, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { channelIdentities, members, units } from '../schema/index.js';

export type MemberLookup = ReturnType<typeof createMemberLookup>;

/**
 * Finding a member and whether they still exist, without the mood pseudonym key: commands that only read (the
 * access log) must neither need that key nor create it on a fresh database (D-privacy-8).
 */
export function createMemberLookup(db: Db) {
  return {
    /** Whether the member exists (erased ones too: their access log stays readable) and their unit path. */
    async statusOf(memberId: string): Promise<{ unitPath: string | null; erased: boolean } | null> {
      const [row] = await db
        .select({ erasedAt: members.erasedAt, unitPath: units.path })
        .from(members)
        .leftJoin(units, eq(units.id, members.unitId))
        .where(eq(members.id, memberId))
        .limit(1);
      return row ? { unitPath: row.unitPath ?? null, erased: row.erasedAt !== null } : null;
    },

    async findByIdentity(channel: string, platformUserId: string): Promise<string | null> {
      const [row] = await db
        .select({ memberId: channelIdentities.memberId })
        .from(channelIdentities)
        .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.platformUserId, platformUserId)))
        .limit(1);
      return row?.memberId ?? null;
    },
  };
}
