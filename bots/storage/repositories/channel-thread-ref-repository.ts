import { and, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { channelThreadRefs } from '../schema/index.js';

export type ChannelThreadRefRepository = ReturnType<typeof createChannelThreadRefRepository>;

/** Platform data needed to write into a thread later (Bot Framework conversation references). */
export function createChannelThreadRefRepository(db: Db) {
  return {
    async save(channel: string, threadKey: string, ref: Record<string, unknown>, now: Date): Promise<void> {
      await db
        .insert(channelThreadRefs)
        .values({ channel, threadKey, ref, updatedAt: now })
        .onConflictDoUpdate({ target: [channelThreadRefs.channel, channelThreadRefs.threadKey], set: { ref, updatedAt: now } });
    },
    async find(channel: string, threadKey: string): Promise<Record<string, unknown> | null> {
      const [row] = await db
        .select({ ref: channelThreadRefs.ref })
        .from(channelThreadRefs)
        .where(and(eq(channelThreadRefs.channel, channel), eq(channelThreadRefs.threadKey, threadKey)))
        .limit(1);
      return row?.ref ?? null;
    },
  };
}
