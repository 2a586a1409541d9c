import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { conversations, messages } from '../schema/index.js';

/** What a channel's send needs to know about the conversation's messaging window at the moment of sending. */
export interface ConversationWindow {
  lastInboundAt: Date | null;
  /** The platform id of the member's latest message: Zalo's free replies must quote it. */
  lastInboundPlatformMessageId: string | null;
  channelState: Readonly<Record<string, unknown>>;
}

export type ChannelWindowRepository = ReturnType<typeof createChannelWindowRepository>;

export function createChannelWindowRepository(db: Db) {
  return {
    async windowOf(conversationId: string): Promise<ConversationWindow> {
      const [conversation] = await db
        .select({ lastInboundAt: conversations.lastInboundAt, channelState: conversations.channelState })
        .from(conversations)
        .where(eq(conversations.id, conversationId))
        .limit(1);
      const [latest] = await db
        .select({ platformMessageId: messages.platformMessageId })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')))
        .orderBy(desc(messages.seq))
        .limit(1);
      return {
        lastInboundAt: conversation?.lastInboundAt ?? null,
        lastInboundPlatformMessageId: latest?.platformMessageId ?? null,
        channelState: conversation?.channelState ?? {},
      };
    },
  };
}
