import { and, eq, sql } from 'drizzle-orm';
import { nextConversationState, type ConversationEvent, type ConversationState } from '../../../core/conversations/conversation-state.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Db } from '../database.js';
import { conversations } from '../schema/index.js';

export interface ConversationSnapshot {
  id: string;
  state: ConversationState;
  version: number;
  assignedOfficerId: string | null;
  unitId: string | null;
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;

/** State changes made by people (officers taking over, handing back, closing), with optimistic locking. */
export function createConversationRepository(db: Db) {
  async function load(id: string): Promise<ConversationSnapshot> {
    const [row] = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
    if (!row) throw new AppError('NOT_FOUND', `conversation ${id} not found`);
    return { id: row.id, state: row.state as ConversationState, version: row.version, assignedOfficerId: row.assignedOfficerId, unitId: row.unitId };
  }

  return {
    load,

    /**
     * Applies `event` if the conversation is still at `expectedVersion` (what the officer saw). A stale
     * version is VERSION_CONFLICT: the caller reloads and decides again, nothing is overwritten blindly.
     */
    async applyEvent(id: string, event: ConversationEvent, expectedVersion: number, now: Date): Promise<ConversationSnapshot> {
      const current = await load(id);
      if (current.version !== expectedVersion) {
        throw new AppError('VERSION_CONFLICT', 'the conversation changed since you loaded it; reload and try again', { details: { currentVersion: current.version } });
      }
      const state = nextConversationState(current.state, event);
      const assignedOfficerId = event.type === 'officer_take' ? event.officerId : event.type === 'officer_release' || event.type === 'close' ? null : current.assignedOfficerId;
      const [row] = await db
        .update(conversations)
        .set({ state, assignedOfficerId, version: sql`${conversations.version} + 1`, updatedAt: now, closedAt: state === 'closed' ? now : null })
        .where(and(eq(conversations.id, id), eq(conversations.version, expectedVersion)))
        .returning();
      if (!row) throw new AppError('VERSION_CONFLICT', 'the conversation changed while saving; reload and try again');
      return { id: row.id, state: row.state as ConversationState, version: row.version, assignedOfficerId: row.assignedOfficerId, unitId: row.unitId };
    },
  };
}
