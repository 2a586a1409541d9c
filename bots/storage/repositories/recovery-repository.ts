import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

export interface StalledWork {
  direction: 'in' | 'out';
  messageId: string;
  conversationId: string;
}

export type RecoveryRepository = ReturnType<typeof createRecoveryRepository>;

/**
 * Finds work whose job was lost: the oldest pending message of each conversation that has been waiting
 * longer than `olderThanMs` and that no live worker holds. One row per conversation is enough, because a
 * job drains its whole conversation.
 */
export function createRecoveryRepository(db: Db) {
  return {
    async findStalled(now: Date, olderThanMs: number, limit = 500): Promise<StalledWork[]> {
      const before = new Date(now.getTime() - olderThanMs);
      return executeRows<StalledWork>(
        db,
        sql`select distinct on (conversation_id, direction) direction, id as "messageId", conversation_id as "conversationId"
            from messages
            where ((direction = 'in' and status = 'received') or (direction = 'out' and status = 'queued'))
              and created_at < ${before}
              and (lease_until is null or lease_until < ${now})
            order by conversation_id, direction, seq
            limit ${limit}`,
      );
    },
  };
}
