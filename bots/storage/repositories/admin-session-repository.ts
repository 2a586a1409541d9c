import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { adminSessions } from '../schema/index.js';

export interface AdminSessionRow {
  id: string;
  userId: string;
  fingerprint: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type AdminSessionRepository = ReturnType<typeof createAdminSessionRepository>;

/** Server-side admin sessions: created at login, read on every authenticated request, revoked at logout. */
export function createAdminSessionRepository(db: Db) {
  return {
    async create(input: { userId: string; fingerprint: string; expiresAt: Date; now: Date }): Promise<string> {
      // Sessions expired a day ago are of no use to anyone: each login sweeps them.
      await db.delete(adminSessions).where(lt(adminSessions.expiresAt, new Date(input.now.getTime() - 86_400_000)));
      const [row] = await db
        .insert(adminSessions)
        .values({ userId: input.userId, fingerprint: input.fingerprint, expiresAt: input.expiresAt, createdAt: input.now })
        .returning({ id: adminSessions.id });
      return (row as { id: string }).id;
    },

    async find(id: string): Promise<AdminSessionRow | null> {
      const [row] = await db
        .select({ id: adminSessions.id, userId: adminSessions.userId, fingerprint: adminSessions.fingerprint, expiresAt: adminSessions.expiresAt, revokedAt: adminSessions.revokedAt })
        .from(adminSessions)
        .where(eq(adminSessions.id, id))
        .limit(1);
      return row ?? null;
    },

    async revoke(id: string, at: Date): Promise<void> {
      await db.update(adminSessions).set({ revokedAt: at }).where(and(eq(adminSessions.id, id), isNull(adminSessions.revokedAt)));
    },

    /** Every open session of a user (password set by an admin or the CLI, account disabled). */
    async revokeAllOf(userId: string, at: Date): Promise<number> {
      const rows = await db
        .update(adminSessions)
        .set({ revokedAt: at })
        .where(and(eq(adminSessions.userId, userId), isNull(adminSessions.revokedAt)))
        .returning({ id: adminSessions.id });
      return rows.length;
    },
  };
}
