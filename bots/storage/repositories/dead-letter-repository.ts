import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { visibleTo, type InboxViewer } from './inbox-read-repository.js';

export interface DeadLetterRow {
  id: string;
  seq: string;
  direction: 'in' | 'out';
  channel: string;
  conversationId: string;
  unitCode: string | null;
  unitId: string | null;
  memberId: string;
  attempts: number;
  lastError: string | null;
  text: string;
  createdAt: Date;
  processedAt: Date | null;
}

export type DeadLetterRepository = ReturnType<typeof createDeadLetterRepository>;

const SELECT = sql`
  select m.id, m.seq::text as seq, m.direction, m.channel, m.conversation_id as "conversationId", u.code as "unitCode", c.unit_id as "unitId",
         c.member_id as "memberId", m.attempts, m.last_error as "lastError", m.text, m.created_at as "createdAt", m.processed_at as "processedAt"
  from messages m
  join conversations c on c.id = m.conversation_id
  left join units u on u.id = c.unit_id
  left join units qu on qu.id = c.queue_unit_id`;

/**
 * Messages that failed for good (status `failed`): member messages the bot gave up on and replies the platform
 * never took, within a viewer's unit subtree (the inbox's scope rule), newest first, keyset-paged on `seq`.
 * `requeue` puts one back in line (attempts reset) only if it is still failed, so two admins retrying at once
 * queue it once.
 */
export function createDeadLetterRepository(db: Db) {
  const toRow = (row: DeadLetterRow): DeadLetterRow => ({ ...row, createdAt: new Date(row.createdAt), processedAt: row.processedAt ? new Date(row.processedAt) : null });
  return {
    async list(viewer: InboxViewer, options: { direction: 'in' | 'out' | 'all'; beforeSeq?: string; limit: number }): Promise<DeadLetterRow[]> {
      const direction = options.direction === 'all' ? sql`true` : sql`m.direction = ${options.direction}`;
      const before = options.beforeSeq ? sql`m.seq < ${options.beforeSeq}::bigint` : sql`true`;
      const rows = await executeRows<DeadLetterRow>(
        db,
        sql`${SELECT} where m.status = 'failed' and ${direction} and ${before} and ${visibleTo(viewer)} order by m.seq desc limit ${options.limit}`,
      );
      return rows.map(toRow);
    },

    async find(viewer: InboxViewer, messageId: string): Promise<DeadLetterRow | null> {
      const [row] = await executeRows<DeadLetterRow>(db, sql`${SELECT} where m.id = ${messageId} and ${visibleTo(viewer)}`);
      return row ? toRow(row) : null;
    },

    /** Back to `received` (member message) or `queued` (reply) with a fresh attempt count; false when it is not failed any more. */
    async requeue(messageId: string): Promise<boolean> {
      const rows = await executeRows<{ id: string }>(
        db,
        sql`update messages set status = case direction when 'in' then 'received' else 'queued' end, attempts = 0, lease_until = null, processed_at = null
            where id = ${messageId} and status = 'failed' returning id`,
      );
      return rows.length > 0;
    },
  };
}
