import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import type { Role } from '../../../core/contracts/admin-api.js';
import type { Db } from '../database.js';
import { units, users } from '../schema/index.js';

export interface UserWithUnit {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  disabled: boolean;
  passwordHash: string;
  unit: { id: string; code: string; name: string; level: string; path: string };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

export function createUserRepository(db: Db) {
  async function findBy(where: ReturnType<typeof eq>): Promise<UserWithUnit | null> {
    const [row] = await db
      .select({ user: users, unit: { id: units.id, code: units.code, name: units.name, level: units.level, path: units.path } })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where)
      .limit(1);
    if (!row) return null;
    return {
      id: row.user.id,
      email: row.user.email,
      role: row.user.role as Role,
      displayName: row.user.displayName,
      disabled: row.user.disabled,
      passwordHash: row.user.passwordHash,
      unit: row.unit,
    };
  }

  return {
    findByEmail: (email: string) => findBy(eq(users.email, email.trim().toLowerCase())),
    findById: (id: string) => findBy(eq(users.id, id)),

    async create(input: { email: string; passwordHash: string; role: Role; unitId: string; displayName: string }): Promise<string> {
      const email = input.email.trim().toLowerCase();
      const inserted = await db
        .insert(users)
        .values({ ...input, email })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (inserted.length === 0) {
        throw new AppError('USER_EMAIL_TAKEN', `an account with email ${email} already exists`, { fields: [{ path: 'email', message: 'already taken' }] });
      }
      return (inserted[0] as { id: string }).id;
    },

    async setPassword(userId: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },

    async touchLogin(userId: string, at: Date): Promise<void> {
      await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
  };
}
