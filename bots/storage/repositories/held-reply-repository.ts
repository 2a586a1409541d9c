import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { OUTAGE_HOLD_CODE } from '../../../core/channels/channel-adapter.js';

/** Hold codes that a new message of the member's lifts: the window or the free-reply budget reopens. */
export const WINDOW_HOLD_CODES = ['WINDOW_CLOSED', 'QUOTA_EXHAUSTED'] as const;
/** Hold code of replies that waited out a platform outage (e.g. Zalo needs re-authorisation). */
export { OUTAGE_HOLD_CODE };
/** Code of a held reply dropped because the conversation moved on (a later reply reached the member). */
export const SUPERSEDED_CODE = 'SUPERSEDED';

export interface HeldReply {
  id: string;
  conversationId: string;
  channel: string;
  author: string;
  text: string | null;
  /** The policy's code (`WINDOW_CLOSED`, `QUOTA_EXHAUSTED`, `CHANNEL_UNAVAILABLE`…) and its reason. */
  code: string;
  reason: string;
  heldAt: Date | null;
  createdAt: Date;
  unitId: string | null;
}

export interface ReleasedReply {
  id: string;
  conversationId: string;
}

export type HeldReplyRepository = ReturnType<typeof createHeldReplyRepository>;

const codeOf = (lastError: string | null) => (lastError ?? '').split(':')[0]?.trim() ?? '';

/**
 * Replies the channels' policies held (issue #15 finding 7): listed for officers, released when the member
 * writes again, and after an outage. The inbox (officer API) shows them and can "send as officer"; this is the
 * storage side and the release logic.
 */
export function createHeldReplyRepository(db: Db) {
  return {
    /** Held replies, newest first; `unitPath` limits them to conversations of that unit's subtree. */
    async listHeld(options: { unitPath?: string; conversationId?: string; limit?: number } = {}): Promise<HeldReply[]> {
      const scope = options.unitPath ? sql`and u.path like ${`${options.unitPath}%`}` : sql``;
      const one = options.conversationId ? sql`and m.conversation_id = ${options.conversationId}` : sql``;
      const rows = await executeRows<{ id: string; conversationId: string; channel: string; author: string; text: string | null; lastError: string | null; processedAt: Date | string | null; createdAt: Date | string; unitId: string | null }>(
        db,
        sql`select m.id, m.conversation_id as "conversationId", m.channel, m.author, m.text, m.last_error as "lastError",
                   m.processed_at as "processedAt", m.created_at as "createdAt", c.unit_id as "unitId"
            from messages m join conversations c on c.id = m.conversation_id left join units u on u.id = c.unit_id
            where m.direction = 'out' and m.status = 'held' ${scope} ${one}
            order by m.seq desc limit ${options.limit ?? 200}`,
      );
      return rows.map((row) => ({
        id: row.id,
        conversationId: row.conversationId,
        channel: row.channel,
        author: row.author,
        text: row.text,
        code: codeOf(row.lastError),
        reason: (row.lastError ?? '').split(':').slice(1).join(':').trim(),
        heldAt: row.processedAt ? new Date(row.processedAt) : null,
        createdAt: new Date(row.createdAt),
        unitId: row.unitId,
      }));
    },

    /**
     * The member wrote again: their window is open. Each reply held for the window goes back to the queue,
     * unless the conversation moved on (a later reply already reached the member): then it is dropped, with
     * a note saying why, and stays visible to officers as `failed`/`SUPERSEDED`.
     */
    async releaseOnReopen(conversationId: string, now: Date): Promise<ReleasedReply[]> {
      // The hot path of every inbound message: one indexed probe, the updates only when something is held.
      const [any] = await executeRows<{ id: string }>(db, sql`select id from messages where conversation_id = ${conversationId} and direction = 'out' and status = 'held' limit 1`);
      if (!any) return [];
      const codes = sql.join(WINDOW_HOLD_CODES.map((code) => sql`m.last_error like ${`${code}:%`}`), sql` or `);
      await executeRows(
        db,
        sql`update messages m set status = 'failed', processed_at = ${now},
                   last_error = ${`${SUPERSEDED_CODE}: not sent when the member wrote again, because a later reply had already reached them`}
            where m.conversation_id = ${conversationId} and m.direction = 'out' and m.status = 'held' and (${codes})
              and exists (select 1 from messages later where later.conversation_id = m.conversation_id and later.direction = 'out'
                          and later.status = 'sent' and later.seq > m.seq)
            returning m.id`,
      );
      return executeRows<ReleasedReply>(
        db,
        sql`update messages m set status = 'queued', attempts = 0, lease_until = null,
                   meta = m.meta || jsonb_build_object('releasedAt', ${now.toISOString()}::text, 'heldFor', split_part(m.last_error, ':', 1)),
                   last_error = null
            where m.conversation_id = ${conversationId} and m.direction = 'out' and m.status = 'held' and (${codes})
            returning m.id, m.conversation_id as "conversationId"`,
      );
    },

    /** The channel is back (e.g. Zalo's token works again): every reply held by the outage goes out. */
    async releaseAfterOutage(channel: string, now: Date): Promise<ReleasedReply[]> {
      return executeRows<ReleasedReply>(
        db,
        sql`update messages m set status = 'queued', attempts = 0, lease_until = null, last_error = null,
                   meta = m.meta || jsonb_build_object('releasedAt', ${now.toISOString()}::text, 'heldFor', ${OUTAGE_HOLD_CODE}::text)
            where m.channel = ${channel} and m.direction = 'out' and m.status = 'held' and m.last_error like ${`${OUTAGE_HOLD_CODE}:%`}
            returning m.id, m.conversation_id as "conversationId"`,
      );
    },
  };
}
