import type { JobQueue } from '../../core/jobs/job-queue.js';
import { addOfficeMinutes, resolveOfficeHours } from '../../core/conversations/office-hours.js';
import { slaDueAt, slaMinutesFor } from '../../core/inbox/sla.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { InboxReadRepository, InboxRow } from '../storage/repositories/inbox-read-repository.js';
import type { InboxWriteRepository, UnitQueueInfo } from '../storage/repositories/inbox-write-repository.js';
import type { InboxPublisher } from './inbox-events.js';

/** Why an officer is told about a conversation on their linked Telegram/Zalo. */
export type OfficerNoticeReason = 'urgent' | 'assigned' | 'escalated';

export interface InboxQueueDeps {
  read: InboxReadRepository;
  write: InboxWriteRepository;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  publish: InboxPublisher;
  /** Sends short notices to officers (bots/inbox/officer-notices.ts); absent = none. */
  notify?: (officerIds: string[], row: InboxRow, reason: OfficerNoticeReason) => Promise<void>;
}

export type InboxQueue = ReturnType<typeof createInboxQueue>;

/**
 * The queue by jurisdiction (issue #9 §3, §6): a hand-off waits in its member's unit with an SLA deadline;
 * unclaimed at the deadline it moves to the parent unit, marked overdue, and so on up. Deadlines are delayed
 * queue jobs (BullMQ keeps them in Redis across restarts); the inbox sweep re-finds any that were lost
 * (in-process queue after a restart), so a deadline never depends on a job surviving.
 */
export function createInboxQueue(deps: InboxQueueDeps) {
  /**
   * The deadline in `chain[0]`'s queue: normal hand-offs count office minutes of that unit (its hours, else an
   * ancestor's, else the national default); urgent ones count wall-clock minutes (a crisis does not wait for
   * the morning). D-inboxapi-3.
   */
  function deadline(chain: UnitQueueInfo[], urgent: boolean, from: Date): Date {
    const minutes = slaMinutesFor(chain, urgent);
    if (urgent) return slaDueAt(from, minutes);
    const hours = resolveOfficeHours(chain.map((unit) => unit.officeHours));
    return slaDueAt(from, minutes, (start, span) => addOfficeMinutes(hours, start, span));
  }

  async function dueAt(queueUnitId: string, urgent: boolean, from: Date): Promise<Date> {
    return deadline(await deps.write.unitChain(queueUnitId), urgent, from);
  }

  async function scheduleSla(conversationId: string, level: number, due: Date): Promise<void> {
    const delayMs = Math.max(0, due.getTime() - deps.clock.now().getTime());
    await deps.queue.enqueue('inbox.sla', { conversationId, level }, { jobId: `sla-${conversationId}-${level}-${due.getTime()}`, delayMs });
  }

  async function requestAssign(unitId: string | null): Promise<void> {
    if (!unitId) return;
    await deps.queue.enqueue('inbox.assign', { unitId }, { jobId: `assign-${unitId}-${deps.clock.now().getTime()}-${Math.random().toString(36).slice(2, 8)}` });
  }

  async function notifyUnit(row: InboxRow, reason: OfficerNoticeReason): Promise<void> {
    if (!deps.notify || !row.queueUnitId) return;
    await deps.notify(await deps.write.officersOfUnit(row.queueUnitId), row, reason);
  }

  return {
    dueAt,
    scheduleSla,
    requestAssign,

    /**
     * A conversation just became `waiting_officer` (or urgent): its queue (the member side's choice, else the
     * member's unit, else the national one) and its deadline counted from the hand-off; then the event, an
     * urgent notice to the unit's officers, and auto-assignment. A repeat finds nothing to change.
     */
    async enterQueue(conversationId: string): Promise<void> {
      const state = await deps.write.queueState(conversationId);
      if (!state || state.state !== 'waiting_officer' || state.escalationLevel > 0 || state.overdue) return;
      const queueUnitId = state.queueUnitId ?? state.unitId ?? (await deps.write.rootUnitId());
      if (!queueUnitId) return;
      const now = deps.clock.now();
      const due = await dueAt(queueUnitId, state.urgent, state.handedOffAt ?? now);
      if (!(await deps.write.enterQueue(conversationId, queueUnitId, due, now))) return;
      await scheduleSla(conversationId, 0, due);
      const row = await deps.read.findAny(conversationId);
      if (!row) return;
      await deps.publish('conversation.waiting', row);
      if (row.urgent) await notifyUnit(row, 'urgent');
      await requestAssign(queueUnitId);
    },

    /** The deadline of `level` passed: escalate once (a duplicate or stale job finds nothing to do). */
    async checkSla(conversationId: string, level: number): Promise<void> {
      const state = await deps.write.queueState(conversationId);
      if (!state || state.state !== 'waiting_officer' || state.escalationLevel !== level || !state.slaDueAt || !state.queueUnitId) return;
      const now = deps.clock.now();
      if (state.slaDueAt.getTime() > now.getTime()) {
        await scheduleSla(conversationId, level, state.slaDueAt);
        return;
      }
      const chain = await deps.write.unitChain(state.queueUnitId);
      const parent = chain[1] ?? null;
      // A new deadline only where there is still a level above to escalate to; the top just stays overdue.
      const nextDue = parent && chain[2] ? deadline(chain.slice(1), state.urgent, now) : null;
      if (!(await deps.write.escalate(conversationId, level, parent?.id ?? null, nextDue, now))) return;
      if (nextDue) await scheduleSla(conversationId, level + 1, nextDue);
      const row = await deps.read.findAny(conversationId);
      if (!row) return;
      deps.logger.info({ conversationId, level: level + 1 }, 'unclaimed hand-off escalated');
      await deps.publish('conversation.escalated', row);
      if (parent) {
        await notifyUnit(row, 'escalated');
        await requestAssign(parent.id);
      }
    },

    /**
     * Auto-assignment for one unit's queue: oldest waiting (urgent first) to the available officer of the unit
     * with the fewest open conversations, within capacity, until either runs out. Nobody available: it waits
     * and its SLA keeps running.
     */
    async assignUnit(unitId: string): Promise<number> {
      if (!(await deps.write.autoAssignUnit(unitId))) return 0;
      let assigned = 0;
      for (let i = 0; i < 100; i++) {
        const conversationId = await deps.write.oldestWaiting(unitId);
        if (!conversationId) break;
        const officerId = await deps.write.leastBusyOfficer(unitId);
        if (!officerId) break;
        const now = deps.clock.now();
        if (!(await deps.write.claim(conversationId, officerId, now))) continue;
        assigned++;
        const row = await deps.read.findAny(conversationId);
        if (!row) continue;
        await deps.publish('conversation.assigned', row);
        await deps.notify?.([officerId], row, 'assigned');
      }
      return assigned;
    },

    /** An officer freed a slot (closed, returned, transferred, became available): their unit's queue moves. */
    async officerFreed(officerId: string): Promise<void> {
      await requestAssign(await deps.write.homeUnitOf(officerId));
    },

    /** Lost jobs: hand-offs never queued, deadlines passed without their job (in-process queue after a restart). */
    async sweep(): Promise<number> {
      const { unqueued, due } = await deps.write.sweepCandidates(deps.clock.now());
      for (const id of unqueued) await deps.queue.enqueue('inbox.handoff', { conversationId: id }, { jobId: `handoff-${id}-s${deps.clock.now().getTime()}` });
      for (const item of due) await deps.queue.enqueue('inbox.sla', { conversationId: item.id, level: item.level }, { jobId: `sla-${item.id}-${item.level}-s${deps.clock.now().getTime()}` });
      return unqueued.length + due.length;
    },
  };
}
