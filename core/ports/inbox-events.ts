import type { ConversationState } from '../conversations/conversation-state.js';

/** The realtime topic the inbox listens to (SSE to officers' browsers, Telegram/Zalo notices). */
export const INBOX_TOPIC = 'inbox';

/**
 * What the member side tells the officers' inbox: a conversation started waiting (`conversation.waiting`)
 * or became urgent (`conversation.urgent`, a crisis: notify the unit's officers at once). Ids and the
 * queue's unit only, never the member's words: the inbox fetches what the officer may see.
 */
export interface MemberSideInboxEvent {
  type: 'conversation.waiting' | 'conversation.urgent';
  conversationId: string;
  state: ConversationState;
  urgent: boolean;
  assignedOfficerId: string | null;
  queueUnitId: string | null;
  queueUnitCode: string | null;
  /** The queue unit's materialized path, so a subscriber can filter by subtree without a query. */
  queueUnitPath: string | null;
  at: string;
}

/** Publishes inbox events; best effort (the inbox list is the truth, events only make it live). */
export interface InboxEventPublisher {
  publish(event: MemberSideInboxEvent): Promise<void>;
}
