import { sql } from 'drizzle-orm';
import type { Citation } from '../../../core/knowledge/law.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { OutboundContent } from '../../../core/messages/content.js';
import type { ReplyKind } from '../../../core/messages/outbound.js';
import type { PendingOutbound } from '../../../core/processing/processing-store.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

// Batched delivery (issue #12, D-embedded-speed-4): the claims and the sent marks of the replies of several
// conversations, each in ONE statement. On the embedded database a statement costs ~0.3–1 ms of CPU on the one event
// loop whatever its size, so N deliveries in 2 statements instead of 2 N is what divides that cost.

/** One claimed reply with its conversation (raw SQL: timestamps may be text). */
interface ClaimedOutboundRow {
  id: string;
  attempts: number;
  content: unknown;
  author: string;
  meta: Record<string, unknown>;
  conversation_id: string;
  channel: string;
  platform_user_id: string;
  thread_key: string;
  last_inbound_at: string | Date | null;
  channel_state: Record<string, unknown>;
  reply_to_platform_message_id: string | null;
  latest_inbound_platform_message_id: string | null;
}

/** A JSON array parameter read back as a set of uuids (drizzle would spread a JavaScript array into a tuple). */
function uuidSet(ids: readonly string[]) {
  return sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/**
 * The oldest queued reply of each conversation, leased until `until` in the same statement (none for a conversation
 * with nothing queued or whose oldest reply another worker holds), with what its channel needs, read at `now`. The
 * select reads the snapshot from before the lease, which changes nothing it returns. Keyed by conversation id.
 */
export async function claimNextOutboundOf(db: Db, conversationIds: readonly string[], until: Date, now: Date): Promise<Map<string, PendingOutbound>> {
  const claimed = new Map<string, PendingOutbound>();
  if (conversationIds.length === 0) return claimed;
  const rows = await executeRows<ClaimedOutboundRow>(db, sql`
    with claimed as (
      update messages set lease_until = ${until}
      where id in (
          select (select m.id from messages m where m.conversation_id = w.id and m.direction = 'out' and m.status = 'queued' order by m.seq limit 1)
          from ${uuidSet(conversationIds)} as w(id))
        and status = 'queued' and (lease_until is null or lease_until < ${now})
      returning id, conversation_id, attempts, content, author, meta, reply_to_message_id
    )
    select claimed.id, claimed.attempts, claimed.content, claimed.author, claimed.meta,
           c.id as conversation_id, c.channel, c.platform_user_id, c.thread_key, c.last_inbound_at, c.channel_state,
           (select r.platform_message_id from messages r where r.id = claimed.reply_to_message_id) as reply_to_platform_message_id,
           (select l.platform_message_id from messages l where l.conversation_id = claimed.conversation_id and l.direction = 'in'
            order by l.seq desc limit 1) as latest_inbound_platform_message_id
    from claimed join conversations c on c.id = claimed.conversation_id`);
  for (const row of rows) claimed.set(row.conversation_id, pendingOutboundOf(row, now));
  return claimed;
}

function pendingOutboundOf(row: ClaimedOutboundRow, now: Date): PendingOutbound {
  return {
    attempts: row.attempts,
    message: {
      id: row.id,
      conversationId: row.conversation_id,
      channel: row.channel as ChannelId,
      recipient: { platformUserId: row.platform_user_id, threadId: row.thread_key },
      content: row.content as unknown as OutboundContent,
      author: row.author as 'bot' | 'officer' | 'system',
      kind: (row.meta.kind as ReplyKind | undefined) ?? 'system',
      replyToPlatformMessageId: row.reply_to_platform_message_id ?? null,
      attempt: row.attempts + 1,
      citations: Array.isArray(row.meta.citations) ? (row.meta.citations as Citation[]) : [],
    },
    delivery: {
      now,
      lastInboundAt: row.last_inbound_at === null ? null : new Date(row.last_inbound_at),
      lastInboundPlatformMessageId: row.latest_inbound_platform_message_id ?? null,
      channelState: row.channel_state,
    },
  };
}

/** One reply the channel took: what `markSent` stores for it. */
export interface SentMark {
  messageId: string;
  platformMessageIds: string[];
  channelState: Record<string, unknown> | null;
  now: Date;
}

/**
 * Marks these replies sent and moves their conversations' last outbound time (and channel state) in ONE statement,
 * as `markSent` does for one. At most one reply per conversation (the caller splits otherwise: an update may not
 * change a row twice). `morePending` (where one transaction runs at a time, PGlite): whether another reply of the
 * conversation is still queued. A result per mark, in order; `{}` for a message that is gone.
 */
export async function markSentBatch(db: Db, marks: readonly SentMark[], exclusiveConnection: boolean): Promise<{ morePending?: boolean }[]> {
  if (marks.length === 0) return [];
  const input = marks.map((mark) => ({
    id: mark.messageId,
    platform_message_id: mark.platformMessageIds[0] ?? null,
    meta: { platformMessageIds: mark.platformMessageIds },
    channel_state: mark.channelState,
    sent_at: mark.now.toISOString(),
  }));
  const more = exclusiveConnection
    ? sql`, exists (select 1 from messages q where q.conversation_id = c.id and q.direction = 'out' and q.status = 'queued'
          and q.id not in ${uuidSet(marks.map((mark) => mark.messageId))}) as more_pending`
    : sql``;
  const rows = await executeRows<{ id: string; more_pending?: boolean }>(db, sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        as x(id uuid, platform_message_id text, meta jsonb, channel_state jsonb, sent_at timestamptz)
    ),
    sent as (
      update messages m set status = 'sent', sent_at = input.sent_at, lease_until = null,
             platform_message_id = input.platform_message_id, meta = m.meta || input.meta
      from input where m.id = input.id
      returning m.id, m.conversation_id, input.channel_state, input.sent_at
    )
    update conversations c set last_outbound_at = sent.sent_at, channel_state = coalesce(sent.channel_state, c.channel_state)
    from sent where c.id = sent.conversation_id
    returning sent.id ${more}`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return marks.map((mark) => {
    const row = byId.get(mark.messageId);
    return row && row.more_pending !== undefined ? { morePending: Boolean(row.more_pending) } : {};
  });
}
