import { and, asc, eq, gt } from 'drizzle-orm';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { Db } from '../database.js';
import { conversations, messages } from '../schema/index.js';

export interface HistoryMessage {
  id: string;
  seq: number;
  direction: 'in' | 'out';
  author: string;
  status: string;
  content: Record<string, unknown>;
  text: string;
  meta: Record<string, unknown>;
  createdAt: Date;
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;

export function createHistoryRepository(db: Db) {
  return {
    /**
     * Messages of a channel thread after `afterSeq`, oldest first. Outbound messages appear once sent
     * (queued or held replies are not the member's to see yet).
     */
    async byThread(channel: ChannelId, threadKey: string, afterSeq: number, limit: number): Promise<HistoryMessage[]> {
      const rows = await db
        .select({
          id: messages.id,
          seq: messages.seq,
          direction: messages.direction,
          author: messages.author,
          status: messages.status,
          content: messages.content,
          text: messages.text,
          meta: messages.meta,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(and(eq(conversations.channel, channel), eq(conversations.threadKey, threadKey), gt(messages.seq, afterSeq)))
        .orderBy(asc(messages.seq))
        .limit(limit);
      return rows
        .filter((row) => row.direction === 'in' || row.status === 'sent')
        .map((row) => ({ ...row, direction: row.direction as 'in' | 'out' }));
    },

    /** The thread's conversation state (null before its first message). */
    async threadState(channel: ChannelId, threadKey: string): Promise<string | null> {
      const [row] = await db
        .select({ state: conversations.state })
        .from(conversations)
        .where(and(eq(conversations.channel, channel), eq(conversations.threadKey, threadKey)));
      return row?.state ?? null;
    },
  };
}
