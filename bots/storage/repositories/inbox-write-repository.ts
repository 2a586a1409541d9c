import { sql, type SQL } from 'drizzle-orm';
import type { CloseResolution } from '../../../core/contracts/inbox-api.js';
import { contentText, type OutboundContent } from '../../../core/messages/content.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

export interface Holder {
  id: string;
  displayName: string;
}

/** What a refused change found: the state and who holds it now. */
export interface CurrentHolding {
  state: string;
  holder: Holder | null;
}

export interface UnitQueueInfo {
  id: string;
  code: string;
  path: string;
  parentId: string | null;
  slaMinutes: number | null;
  urgentSlaMinutes: number | null;
  autoAssign: boolean;
  officeHours: unknown;
}

export interface QueueState {
  state: string;
  urgent: boolean;
  overdue: boolean;
  unitId: string | null;
  queueUnitId: string | null;
  slaDueAt: Date | null;
  handedOffAt: Date | null;
  escalationLevel: number;
}

export type InboxWriteRepository = ReturnType<typeof createInboxWriteRepository>;

/** Clears the hand-off: the conversation is no longer in any queue. */
const LEAVE_QUEUE = sql`handed_off_at = null, queue_unit_id = null, sla_due_at = null, escalation_level = 0, overdue = false, claimed_at = null, urgent = false`;

/**
 * The inbox's state changes. Each is ONE conditional UPDATE that bumps `version`: of two officers acting at
 * once, exactly one matches the row (Postgres re-checks the WHERE after the first commits), so there is no
 * read-then-write race; the turn in progress for the same conversation sees the new version and recomputes.
 */
export function createInboxWriteRepository(db: Db) {
  async function update(id: string, set: SQL, where: SQL): Promise<boolean> {
    const rows = await executeRows<{ id: string }>(db, sql`update conversations set ${set}, version = version + 1 where id = ${id} and ${where} returning id`);
    return rows.length > 0;
  }

  async function holding(id: string): Promise<CurrentHolding> {
    const [row] = await executeRows<{ state: string; holderId: string | null; holderName: string | null }>(
      db,
      sql`select c.state, c.assigned_officer_id as "holderId", u.display_name as "holderName"
          from conversations c left join users u on u.id = c.assigned_officer_id where c.id = ${id}`,
    );
    if (!row) return { state: 'missing', holder: null };
    return { state: row.state, holder: row.holderId ? { id: row.holderId, displayName: row.holderName ?? '' } : null };
  }

  /** `anyHolder`: leaders and admins may act on a conversation someone else holds; officers only on their own or an unclaimed one. */
  const heldBy = (actorId: string, anyHolder: boolean) => (anyHolder ? sql`true` : sql`(assigned_officer_id is null or assigned_officer_id = ${actorId})`);

  return {
    holding,

    /** Takes an unowned conversation (waiting, or still with the bot, or closed). */
    async claim(id: string, officerId: string, now: Date): Promise<boolean> {
      return update(
        id,
        sql`state = 'officer', assigned_officer_id = ${officerId}, claimed_at = ${now}, sla_due_at = null, closed_at = null, resolution = null, updated_at = ${now}`,
        sql`state in ('waiting_officer', 'bot', 'closed')`,
      );
    },

    /** Back to the bot; the hand-off's queue fields are cleared so a later hand-off starts afresh. */
    async returnToBot(id: string, actorId: string, anyHolder: boolean, now: Date): Promise<boolean> {
      return update(id, sql`state = 'bot', assigned_officer_id = null, ${LEAVE_QUEUE}, officer_read_at = null, updated_at = ${now}`, sql`state in ('officer', 'waiting_officer') and ${heldBy(actorId, anyHolder)}`);
    },

    async close(id: string, resolution: CloseResolution, actorId: string, anyHolder: boolean, now: Date): Promise<boolean> {
      return update(
        id,
        sql`state = 'closed', assigned_officer_id = null, ${LEAVE_QUEUE}, officer_read_at = null, resolution = ${resolution}, closed_at = ${now}, updated_at = ${now}`,
        sql`state in ('officer', 'waiting_officer', 'bot') and ${heldBy(actorId, anyHolder)}`,
      );
    },

    /** Into another unit's queue, unclaimed, with that unit's SLA from now. */
    async transferToUnit(id: string, queueUnitId: string, slaDueAt: Date, actorId: string, anyHolder: boolean, now: Date): Promise<boolean> {
      return update(
        id,
        sql`state = 'waiting_officer', assigned_officer_id = null, claimed_at = null, queue_unit_id = ${queueUnitId}, sla_due_at = ${slaDueAt},
            escalation_level = 0, overdue = false, handed_off_at = coalesce(handed_off_at, ${now}), updated_at = ${now}`,
        sql`state in ('officer', 'waiting_officer') and ${heldBy(actorId, anyHolder)}`,
      );
    },

    async transferToOfficer(id: string, officerId: string, actorId: string, anyHolder: boolean, now: Date): Promise<boolean> {
      return update(
        id,
        sql`state = 'officer', assigned_officer_id = ${officerId}, claimed_at = ${now}, sla_due_at = null, officer_read_at = null, updated_at = ${now}`,
        sql`state in ('officer', 'waiting_officer') and ${heldBy(actorId, anyHolder)}`,
      );
    },

    /**
     * The member's turn took the conversation back to the bot ("quay lại trợ lý") or closed it: it leaves the
     * queue and its holder. Returns the officer who held it (their slot is free again).
     */
    async leftByMember(id: string, now: Date): Promise<{ left: boolean; previousHolder: string | null }> {
      const rows = await executeRows<{ previousHolder: string | null }>(
        db,
        sql`with old as (select assigned_officer_id from conversations where id = ${id})
            update conversations set assigned_officer_id = null, ${LEAVE_QUEUE}, officer_read_at = null, updated_at = ${now}
            where id = ${id} and state in ('bot', 'closed') and (queue_unit_id is not null or assigned_officer_id is not null)
            returning (select assigned_officer_id from old) as "previousHolder"`,
      );
      return { left: rows.length > 0, previousHolder: rows[0]?.previousHolder ?? null };
    },

    async markRead(id: string, now: Date): Promise<void> {
      await executeRows(db, sql`update conversations set officer_read_at = ${now} where id = ${id} returning id`);
    },

    async addNote(conversationId: string, authorUserId: string, text: string, now: Date): Promise<{ id: string; createdAt: Date }> {
      const [row] = await executeRows<{ id: string; createdAt: Date }>(
        db,
        sql`insert into conversation_notes (conversation_id, author_user_id, text, created_at) values (${conversationId}, ${authorUserId}, ${text}, ${now})
            returning id, created_at as "createdAt"`,
      );
      return { id: (row as { id: string }).id, createdAt: new Date((row as { createdAt: Date }).createdAt) };
    },

    /** The officer reply a draft's clientId already produced, if any (a double submit answers it again). */
    async replyByClientId(conversationId: string, clientId: string): Promise<string | null> {
      const [row] = await executeRows<{ id: string }>(
        db,
        sql`select id from messages where conversation_id = ${conversationId} and direction = 'out' and author = 'officer' and meta->>'clientId' = ${clientId} limit 1`,
      );
      return row?.id ?? null;
    },

    /**
     * Stores an officer's reply as a queued outbound message, like the bot's replies: the outbound worker
     * sends it through the channel's policy (one send decision, core/processing/deliver-outbound.ts).
     */
    async insertOfficerReply(input: { conversationId: string; channel: string; officerId: string; text: string; clientId: string | null; replyToMessageId: string | null; now: Date }): Promise<string> {
      const content = { type: 'text', text: input.text };
      const meta = { kind: 'officer', citations: [], ...(input.clientId ? { clientId: input.clientId } : {}) };
      const [row] = await executeRows<{ id: string }>(
        db,
        sql`insert into messages (conversation_id, direction, channel, author, officer_id, content, text, status, reply_to_message_id, meta, created_at)
            values (${input.conversationId}, 'out', ${input.channel}, 'officer', ${input.officerId}, ${JSON.stringify(content)}::jsonb, ${input.text}, 'queued',
                    ${input.replyToMessageId}, ${JSON.stringify(meta)}::jsonb, ${input.now})
            returning id`,
      );
      await executeRows(db, sql`update conversations set updated_at = ${input.now} where id = ${input.conversationId} returning id`);
      return (row as { id: string }).id;
    },

    /**
     * The 1–5 mood check after a closed hand-off (D-mood-8), stored as the bot's queued reply, unless the member was
     * asked within `intervalDays`: the conversation's `mood_check_at` is claimed in the same statement, so two
     * closes (or a close and a goodbye) never ask twice. Returns the message to send, or null.
     */
    async offerMoodCheck(input: { conversationId: string; content: OutboundContent; intervalDays: number; now: Date }): Promise<string | null> {
      const since = new Date(input.now.getTime() - input.intervalDays * 86_400_000);
      const rows = await executeRows<{ id: string }>(
        db,
        sql`with asked as (
              update conversations set mood_check_at = ${input.now}, mood_topic = null, updated_at = ${input.now}
              where id = ${input.conversationId} and (mood_check_at is null or mood_check_at < ${since})
              returning id, channel)
            insert into messages (conversation_id, direction, channel, author, content, text, status, meta, created_at)
            select asked.id, 'out', asked.channel, 'bot', ${JSON.stringify(input.content)}::jsonb, ${contentText(input.content)}, 'queued',
                   ${JSON.stringify({ kind: 'mood_check', citations: [] })}::jsonb, ${input.now}
            from asked
            returning id`,
      );
      return rows[0]?.id ?? null;
    },

    /** A held or failed reply goes back to `queued` (optionally re-authored by the officer: "send as officer"). */
    async requeue(messageId: string, conversationId: string, asOfficerId: string | null): Promise<boolean> {
      const author = asOfficerId ? sql`, author = 'officer', officer_id = ${asOfficerId}, meta = meta || '{"kind":"officer"}'::jsonb` : sql``;
      const rows = await executeRows<{ id: string }>(
        db,
        sql`update messages set status = 'queued', attempts = 0, last_error = null, lease_until = null ${author}
            where id = ${messageId} and conversation_id = ${conversationId} and direction = 'out' and status in ('held', 'failed') returning id`,
      );
      return rows.length > 0;
    },

    async outboundMessage(messageId: string, conversationId: string): Promise<{ id: string; status: string; author: string } | null> {
      const [row] = await executeRows<{ id: string; status: string; author: string }>(
        db,
        sql`select id, status, author from messages where id = ${messageId} and conversation_id = ${conversationId} and direction = 'out'`,
      );
      return row ?? null;
    },

    /** The unit and its ancestors, self first (for SLA figures and escalation). */
    async unitChain(unitId: string): Promise<UnitQueueInfo[]> {
      const rows = await executeRows<UnitQueueInfo & { path: string }>(
        db,
        sql`select a.id, a.code, a.path, a.parent_id as "parentId", a.sla_minutes as "slaMinutes", a.urgent_sla_minutes as "urgentSlaMinutes", a.auto_assign as "autoAssign",
                   a.office_hours as "officeHours"
            from units self join units a on self.path like a.path || '%' where self.id = ${unitId} order by length(a.path) desc`,
      );
      return rows;
    },

    async rootUnitId(): Promise<string | null> {
      const [row] = await executeRows<{ id: string }>(db, sql`select id from units where parent_id is null order by path limit 1`);
      return row?.id ?? null;
    },

    /**
     * Gives a hand-off its queue and deadline: a fresh one (no deadline yet), or one that just became urgent
     * (the shorter deadline wins). False when nothing changed (the job ran before, it was claimed, or escalated).
     */
    async enterQueue(id: string, queueUnitId: string, slaDueAt: Date, now: Date): Promise<boolean> {
      return update(
        id,
        sql`queue_unit_id = ${queueUnitId}, sla_due_at = ${slaDueAt}, handed_off_at = coalesce(handed_off_at, ${now}), updated_at = ${now}`,
        sql`state = 'waiting_officer' and escalation_level = 0 and not overdue and (sla_due_at is null or sla_due_at > ${slaDueAt})`,
      );
    },

    /**
     * Moves an unclaimed, overdue hand-off one level up. Guarded by the level it was due at, so a duplicate
     * or late job escalates once. At the top (`parentId` null) it stays, marked overdue, with no new deadline.
     */
    async escalate(id: string, fromLevel: number, toUnitId: string | null, nextDueAt: Date | null, now: Date): Promise<boolean> {
      const move = toUnitId ? sql`queue_unit_id = ${toUnitId}, escalation_level = escalation_level + 1,` : sql``;
      return update(id, sql`${move} overdue = true, sla_due_at = ${nextDueAt}, updated_at = ${now}`, sql`state = 'waiting_officer' and escalation_level = ${fromLevel} and sla_due_at <= ${now}`);
    },

    async queueState(id: string): Promise<QueueState | null> {
      const [row] = await executeRows<QueueState>(
        db,
        sql`select state, urgent, overdue, unit_id as "unitId", queue_unit_id as "queueUnitId", sla_due_at as "slaDueAt", handed_off_at as "handedOffAt",
                   escalation_level as "escalationLevel" from conversations where id = ${id}`,
      );
      const date = (value: Date | null) => (value ? new Date(value) : null);
      return row ? { ...row, slaDueAt: date(row.slaDueAt), handedOffAt: date(row.handedOffAt), escalationLevel: Number(row.escalationLevel) } : null;
    },

    /** Hand-offs whose queue job was lost (not yet queued) and unclaimed ones past their deadline, for the sweep. */
    async sweepCandidates(now: Date, limit = 200): Promise<{ unqueued: string[]; due: { id: string; level: number }[] }> {
      const unqueued = await executeRows<{ id: string }>(
        db,
        sql`select id from conversations where state = 'waiting_officer' and sla_due_at is null and escalation_level = 0 and not overdue limit ${limit}`,
      );
      const due = await executeRows<{ id: string; level: number }>(
        db,
        sql`select id, escalation_level as level from conversations where state = 'waiting_officer' and sla_due_at <= ${now} order by sla_due_at limit ${limit}`,
      );
      return { unqueued: unqueued.map((r) => r.id), due: due.map((r) => ({ id: r.id, level: Number(r.level) })) };
    },

    async setAvailability(userId: string, availability: string): Promise<void> {
      await executeRows(db, sql`update users set availability = ${availability} where id = ${userId} returning id`);
    },

    async availabilityOf(userId: string): Promise<{ availability: string; capacity: number; open: number; unitId: string }> {
      const [row] = await executeRows<{ availability: string; capacity: number; open: number; unitId: string }>(
        db,
        sql`select u.availability, u.capacity, u.unit_id as "unitId",
                   (select count(*)::int from conversations c where c.assigned_officer_id = u.id and c.state = 'officer') as open
            from users u where u.id = ${userId}`,
      );
      if (!row) return { availability: 'away', capacity: 0, open: 0, unitId: '' };
      return { ...row, capacity: Number(row.capacity), open: Number(row.open) };
    },

    /** The oldest unclaimed hand-off waiting in a unit's queue (urgent first). */
    async oldestWaiting(queueUnitId: string): Promise<string | null> {
      const [row] = await executeRows<{ id: string }>(
        db,
        sql`select id from conversations where queue_unit_id = ${queueUnitId} and state = 'waiting_officer'
            order by urgent desc, coalesce(handed_off_at, created_at), id limit 1`,
      );
      return row?.id ?? null;
    },

    /** The available officer of exactly this unit with the fewest open conversations, below their capacity. */
    async leastBusyOfficer(unitId: string): Promise<string | null> {
      const [row] = await executeRows<{ id: string }>(
        db,
        sql`select u.id from users u
            left join lateral (select count(*)::int as n from conversations c where c.assigned_officer_id = u.id and c.state = 'officer') o on true
            where u.unit_id = ${unitId} and u.availability = 'available' and not u.disabled and o.n < u.capacity
            order by o.n, u.id limit 1`,
      );
      return row?.id ?? null;
    },

    /** Whether a unit hands its queue out automatically. */
    async autoAssignUnit(unitId: string): Promise<boolean> {
      const [row] = await executeRows<{ autoAssign: boolean }>(db, sql`select auto_assign as "autoAssign" from units where id = ${unitId}`);
      return row?.autoAssign === true;
    },

    /** The officer's home unit (auto-assignment runs there when they free up). */
    async homeUnitOf(userId: string): Promise<string | null> {
      const [row] = await executeRows<{ unitId: string }>(db, sql`select unit_id as "unitId" from users where id = ${userId}`);
      return row?.unitId ?? null;
    },

    /** Active accounts homed in a subtree, for the transfer picker. */
    async officersInSubtree(scopePath: string): Promise<{ id: string; displayName: string; unitCode: string; unitName: string; availability: string }[]> {
      return executeRows(
        db,
        sql`select us.id, us.display_name as "displayName", un.code as "unitCode", un.name as "unitName", us.availability
            from users us join units un on un.id = us.unit_id
            where un.path like ${`${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} and not us.disabled order by un.path, us.display_name limit 500`,
      );
    },

    /** Officers of exactly this unit (for notices about its queue). */
    async officersOfUnit(unitId: string): Promise<string[]> {
      const rows = await executeRows<{ id: string }>(db, sql`select id from users where unit_id = ${unitId} and not disabled`);
      return rows.map((r) => r.id);
    },
  };
}
