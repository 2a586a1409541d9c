import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { conversations, messages } from '../schema/index.js';

type MessageRow = typeof messages.$inferSelect;
type ConversationRow = typeof conversations.$inferSelect;

/** Final delivery states: the worker is done with the reply, whatever became of it. */
const SETTLED_REPLY = new Set(['sent', 'held', 'failed']);

export interface SettledTurn {
  inbound: MessageRow;
  conversation: ConversationRow;
  /** The replies to the message, in order, each sent, held or failed. */
  replies: MessageRow[];
}

export type TurnOutcomeRepository = ReturnType<typeof createTurnOutcomeRepository>;

/** What became of one member message, read from the database (the truth, whichever process did the work). */
export function createTurnOutcomeRepository(db: Db) {
  return {
    /** The turn once the message was handled and every reply to it settled; null while work remains. */
    async settledTurn(inboundMessageId: string): Promise<SettledTurn | null> {
      const [inbound] = await db.select().from(messages).where(eq(messages.id, inboundMessageId));
      if (!inbound || inbound.status === 'received') return null;
      const replies = await db
        .select()
        .from(messages)
        .where(and(eq(messages.replyToMessageId, inboundMessageId), eq(messages.direction, 'out')))
        .orderBy(asc(messages.seq));
      if (replies.some((reply) => !SETTLED_REPLY.has(reply.status))) return null;
      const [conversation] = await db.select().from(conversations).where(eq(conversations.id, inbound.conversationId));
      return conversation ? { inbound, conversation, replies } : null;
    },
  };
}
