import { sql, type SQL } from 'drizzle-orm';
import type { ConversationState, InboxView } from '../../../core/contracts/inbox-api.js';
import type { ChannelId } from '../../../core/messages/channels.js';
import type { Sentiment, Topic } from '../../../core/nlu/labels.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

/**
 * Who is looking: their home unit's path is the subtree they see. `national` sees everything, including
 * members who never said which union they belong to (no unit).
 */
export interface InboxViewer {
  userId: string;
  scopePath: string;
  national: boolean;
}

export interface InboxRow {
  id: string;
  state: ConversationState;
  urgent: boolean;
  overdue: boolean;
  escalationLevel: number;
  channel: ChannelId;
  version: number;
  memberId: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  unitPath: string | null;
  queueUnitId: string | null;
  queueUnitCode: string | null;
  queueUnitName: string | null;
  queueUnitPath: string | null;
  handedOffAt: Date | null;
  slaDueAt: Date | null;
  claimedAt: Date | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  memberName: string | null;
  assignedOfficerId: string | null;
  assignedOfficerName: string | null;
  topic: Topic | null;
  sentiment: Sentiment | null;
  /** The member's latest message, cut to 140 characters (the bot's and officers' replies are not what the row is about). */
  preview: string | null;
  /** That message's content type or media kind (`text`, `image`, `location`…): a photo without caption has no text. */
  previewKind: string | null;
  unread: number;
  /** Status of the latest officer reply (`queued`, `sent`, `held`, `failed`); null when no officer has replied. */
  replyStatus: string | null;
  resolution: string | null;
  channelState: Record<string, unknown>;
  platformUserId: string;
  threadKey: string;
}

export interface InboxListFilter {
  view: InboxView;
  state?: ConversationState;
  /** Path of a unit inside the viewer's scope: that unit and its subtree. */
  unitPath?: string;
  channel?: ChannelId;
  topic?: Topic;
  urgent?: boolean;
  /** Keyset: the sort key of the previous page's last row. */
  after?: { key: number | string; at: Date; id: string };
  limit: number;
}

export interface TranscriptRow {
  id: string;
  conversationId: string;
  channel: ChannelId;
  direction: 'in' | 'out';
  author: string;
  text: string;
  route: string | null;
  topic: string | null;
  sentiment: string | null;
  routeConfidence: number | null;
  topicConfidence: number | null;
  sentimentConfidence: number | null;
  status: string;
  lastError: string | null;
  meta: Record<string, unknown>;
  createdAt: Date;
  officerId: string | null;
  officerName: string | null;
  platformMessageId: string | null;
}

export type InboxReadRepository = ReturnType<typeof createInboxReadRepository>;

const LIKE_ESCAPE = /[\\%_]/g;
const likePrefix = (path: string) => `${path.replace(LIKE_ESCAPE, (c) => `\\${c}`)}%`;

/** The conversations a viewer may see: their subtree by the member's unit or the queue it waits in. */
export function visibleTo(viewer: InboxViewer): SQL {
  if (viewer.national) return sql`true`;
  const prefix = likePrefix(viewer.scopePath);
  return sql`(u.path like ${prefix} or qu.path like ${prefix})`;
}

/** When the conversation last moved; the "all" and "mine" views sort on it, newest first. */
const LAST_MESSAGE_AT = sql`coalesce(greatest(c.last_inbound_at, c.last_outbound_at), c.created_at)`;

/** The member's latest message with a real topic (what the conversation is about), else their latest labelled one. */
const LATEST_TOPIC = sql`
  select m.topic, m.sentiment from messages m
  where m.conversation_id = c.id and m.direction = 'in' and m.topic is not null
  order by (m.topic = 'other'), m.seq desc limit 1`;

const SELECT_ROW = sql`
  select c.id, c.state, c.urgent, c.overdue, c.escalation_level as "escalationLevel", c.channel, c.version,
         c.member_id as "memberId", c.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", u.path as "unitPath",
         c.queue_unit_id as "queueUnitId", qu.code as "queueUnitCode", qu.name as "queueUnitName", qu.path as "queueUnitPath",
         c.handed_off_at as "handedOffAt", c.sla_due_at as "slaDueAt", c.claimed_at as "claimedAt",
         ${LAST_MESSAGE_AT} as "lastMessageAt", c.last_inbound_at as "lastInboundAt",
         mb.display_name as "memberName", c.assigned_officer_id as "assignedOfficerId", o.display_name as "assignedOfficerName",
         lt.topic, lt.sentiment, lp.text as preview, lp.kind as "previewKind", ur.n as unread, lr.status as "replyStatus", c.resolution,
         c.channel_state as "channelState", c.platform_user_id as "platformUserId", c.thread_key as "threadKey"
  from conversations c
  join members mb on mb.id = c.member_id
  left join units u on u.id = c.unit_id
  left join units qu on qu.id = c.queue_unit_id
  left join users o on o.id = c.assigned_officer_id
  left join lateral (${LATEST_TOPIC}) lt on true
  left join lateral (
    select left(m.text, 140) as text, coalesce(m.content->>'kind', m.content->>'type') as kind
    from messages m where m.conversation_id = c.id and m.direction = 'in' order by m.seq desc limit 1
  ) lp on true
  left join lateral (
    select count(*)::int as n from (
      select 1 from messages m
      where m.conversation_id = c.id and m.direction = 'in'
        and (c.officer_read_at is null or m.created_at > c.officer_read_at)
        and c.state in ('waiting_officer', 'officer')
      limit 99
    ) x
  ) ur on true
  left join lateral (
    select m.status from messages m
    where m.conversation_id = c.id and m.direction = 'out' and m.author = 'officer' order by m.seq desc limit 1
  ) lr on true`;

const SELECT_MESSAGE = sql`
  select m.id, m.conversation_id as "conversationId", m.channel, m.direction, m.author, m.text, m.route, m.topic, m.sentiment,
         m.route_confidence as "routeConfidence", m.topic_confidence as "topicConfidence", m.sentiment_confidence as "sentimentConfidence",
         m.status, m.last_error as "lastError", m.meta, m.created_at as "createdAt", m.officer_id as "officerId",
         o.display_name as "officerName", m.platform_message_id as "platformMessageId"
  from messages m
  left join users o on o.id = m.officer_id`;

function normalise(row: InboxRow): InboxRow {
  return { ...row, unread: Number(row.unread ?? 0), version: Number(row.version), escalationLevel: Number(row.escalationLevel), ...dates(row) };
}

/** PGlite and node-postgres both give Dates for timestamptz, but raw rows are an edge: coerce once. */
function dates(row: InboxRow): Pick<InboxRow, 'handedOffAt' | 'slaDueAt' | 'claimedAt' | 'lastMessageAt' | 'lastInboundAt'> {
  const d = (value: unknown) => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));
  return { handedOffAt: d(row.handedOffAt), slaDueAt: d(row.slaDueAt), claimedAt: d(row.claimedAt), lastMessageAt: d(row.lastMessageAt), lastInboundAt: d(row.lastInboundAt) };
}

/** The inbox's reads: list rows, one conversation, its transcript, notes and member profile. */
export function createInboxReadRepository(db: Db) {
  return {
    /**
     * One page of the list. `waiting`: urgent first, then oldest hand-off (the queue's order); the other views:
     * newest activity first. Returns up to `limit + 1` rows so the caller knows whether a next page exists.
     */
    async list(viewer: InboxViewer, filter: InboxListFilter): Promise<InboxRow[]> {
      const conditions: SQL[] = [visibleTo(viewer)];
      const waiting = filter.view === 'waiting';
      if (waiting) conditions.push(sql`c.state = 'waiting_officer'`);
      else if (filter.view === 'mine') conditions.push(sql`c.assigned_officer_id = ${viewer.userId}`, sql`c.state = ${filter.state ?? 'officer'}`);
      else if (filter.state) conditions.push(sql`c.state = ${filter.state}`);
      else conditions.push(sql`c.state in ('waiting_officer', 'officer')`);
      if (filter.unitPath) {
        const prefix = likePrefix(filter.unitPath);
        conditions.push(sql`(u.path like ${prefix} or qu.path like ${prefix})`);
      }
      if (filter.channel) conditions.push(sql`c.channel = ${filter.channel}`);
      if (filter.urgent !== undefined) conditions.push(sql`c.urgent = ${filter.urgent}`);
      if (filter.topic) conditions.push(sql`lt.topic = ${filter.topic}`);
      const waitingKey = sql`(case when c.urgent then 0 else 1 end)`;
      const waitingAt = sql`coalesce(c.handed_off_at, c.created_at)`;
      if (filter.after) {
        const { key, at, id } = filter.after;
        conditions.push(
          waiting
            ? sql`(${waitingKey}, ${waitingAt}, c.id) > (${Number(key)}, ${at.toISOString()}::timestamptz, ${id}::uuid)`
            : sql`(${LAST_MESSAGE_AT}, c.id) < (${at.toISOString()}::timestamptz, ${id}::uuid)`,
        );
      }
      const order = waiting ? sql`order by ${waitingKey}, ${waitingAt}, c.id` : sql`order by ${LAST_MESSAGE_AT} desc, c.id desc`;
      // Two steps in ONE statement (one round trip): the page's ids from conversations and units alone (cheap
      // to filter and sort), then the per-row lateral look-ups (topic, preview, unread) for those rows only,
      // not for every candidate. `= any(array(...))` keeps the planner on the primary key for the second step
      // (with `in (select …)` it joined all 100,000 conversations before the semi-join: EXPLAIN in D-inbox-1).
      const topicJoin = filter.topic ? sql`left join lateral (${LATEST_TOPIC}) lt on true` : sql``;
      const rows = await executeRows<InboxRow>(
        db,
        sql`with page as materialized (
              select c.id from conversations c left join units u on u.id = c.unit_id left join units qu on qu.id = c.queue_unit_id ${topicJoin}
              where ${sql.join(conditions, sql` and `)} ${order} limit ${filter.limit + 1})
            ${SELECT_ROW} where c.id = any(array(select id from page)) ${order}`,
      );
      return rows.map(normalise);
    },

    /** One conversation if the viewer may see it; null otherwise (the route answers 404 either way). */
    async find(viewer: InboxViewer, id: string): Promise<InboxRow | null> {
      const [row] = await executeRows<InboxRow>(db, sql`${SELECT_ROW} where c.id = ${id} and ${visibleTo(viewer)}`);
      return row ? normalise(row) : null;
    },

    /** The same row without a viewer: for jobs and events (system actors). */
    async findAny(id: string): Promise<InboxRow | null> {
      const [row] = await executeRows<InboxRow>(db, sql`${SELECT_ROW} where c.id = ${id}`);
      return row ? normalise(row) : null;
    },

    /** The member's messages on every channel, newest `limit` (before `beforeMessageId` when paging back), oldest first. */
    async transcript(memberId: string, limit: number, beforeMessageId?: string): Promise<{ rows: TranscriptRow[]; hasOlder: boolean }> {
      const before = beforeMessageId ? sql`and m.seq < (select seq from messages where id = ${beforeMessageId})` : sql``;
      const rows = await executeRows<TranscriptRow>(
        db,
        sql`${SELECT_MESSAGE} where m.conversation_id in (select id from conversations where member_id = ${memberId}) ${before}
            order by m.seq desc limit ${limit + 1}`,
      );
      const hasOlder = rows.length > limit;
      return { rows: rows.slice(0, limit).reverse().map((row) => ({ ...row, createdAt: new Date(row.createdAt) })), hasOlder };
    },

    async message(messageId: string): Promise<TranscriptRow | null> {
      const [row] = await executeRows<TranscriptRow>(db, sql`${SELECT_MESSAGE} where m.id = ${messageId}`);
      return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
    },

    async memberProfile(memberId: string): Promise<{ displayName: string | null; consent: string; unitCode: string | null; unitName: string | null; channels: { channel: ChannelId; linkedAt: Date }[] }> {
      const [member] = await executeRows<{ displayName: string | null; consent: string; unitCode: string | null; unitName: string | null }>(
        db,
        sql`select mb.display_name as "displayName", mb.consent, u.code as "unitCode", u.name as "unitName"
            from members mb left join units u on u.id = mb.unit_id where mb.id = ${memberId}`,
      );
      const channels = await executeRows<{ channel: ChannelId; linkedAt: Date }>(
        db,
        sql`select channel, created_at as "linkedAt" from channel_identities where member_id = ${memberId} order by created_at`,
      );
      return {
        displayName: member?.displayName ?? null,
        consent: member?.consent ?? 'unknown',
        unitCode: member?.unitCode ?? null,
        unitName: member?.unitName ?? null,
        channels: channels.map((c) => ({ channel: c.channel, linkedAt: new Date(c.linkedAt) })),
      };
    },

    async notes(conversationId: string): Promise<{ id: string; text: string; authorId: string; authorName: string; createdAt: Date }[]> {
      const rows = await executeRows<{ id: string; text: string; authorId: string; authorName: string; createdAt: Date }>(
        db,
        sql`select n.id, n.text, n.author_user_id as "authorId", us.display_name as "authorName", n.created_at as "createdAt"
            from conversation_notes n join users us on us.id = n.author_user_id
            where n.conversation_id = ${conversationId} order by n.created_at, n.id`,
      );
      return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
    },

    /** The member's latest message of a conversation (its platform id: Zalo's free replies quote it). */
    async latestInbound(conversationId: string): Promise<{ id: string; platformMessageId: string | null; text: string; topic: string | null } | null> {
      const [row] = await executeRows<{ id: string; platformMessageId: string | null; text: string; topic: string | null }>(
        db,
        sql`select id, platform_message_id as "platformMessageId", text, topic from messages
            where conversation_id = ${conversationId} and direction = 'in' order by seq desc limit 1`,
      );
      return row ?? null;
    },
  };
}
