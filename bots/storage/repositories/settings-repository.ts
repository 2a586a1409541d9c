import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { appSettings } from '../schema/index.js';

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

export function createSettingsRepository(db: Db) {
  return {
    async get<T>(key: string): Promise<T | null> {
      const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key)).limit(1);
      return row ? (row.value as T) : null;
    },

    /** Stores `value` unless the key exists; returns whichever value is stored (first writer wins). */
    async getOrCreate<T>(key: string, create: () => T): Promise<T> {
      await db.insert(appSettings).values({ key, value: create() }).onConflictDoNothing();
      return (await this.get<T>(key)) as T;
    },

    async set(key: string, value: unknown): Promise<void> {
      await db.insert(appSettings).values({ key, value }).onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    },

    /**
     * Replaces a value only if it is still `expected` (compare-and-set), for migrations that rewrite a value
     * several processes may rewrite at the same time (sealing secrets at start).
     */
    async compareAndSet(key: string, expected: unknown, value: unknown): Promise<boolean> {
      const updated = await db
        .update(appSettings)
        .set({ value, updatedAt: new Date() })
        .where(and(eq(appSettings.key, key), sql`${appSettings.value} = ${JSON.stringify(expected)}::jsonb`))
        .returning({ key: appSettings.key });
      return updated.length > 0;
    },
  };
}
