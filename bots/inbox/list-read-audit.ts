import type { InboxView } from '../../core/contracts/inbox-api.js';
import type { Clock } from '../../core/ports/clock.js';
import type { AuditEntry } from '../storage/repositories/audit-repository.js';

/** What one inbox list read showed an officer. */
export interface ListRead {
  userId: string;
  actor: string;
  unitId: string;
  view: InboxView;
  /** The members on the page (each row shows their name, unit, topic and the start of their latest message). */
  memberIds: readonly string[];
}

export interface ListReadAudit {
  /** Writes the read to the audit log when it shows the officer a member not recorded for them lately; true if written. */
  record(read: ListRead): Promise<boolean>;
}

/** How long a member shown to an officer stays recorded for them: later lists showing them again write nothing. */
export const LIST_READ_REMEMBER_MS = 10 * 60_000;
/** A bound on the memory (officers × members shown); past it the memory starts afresh, which only writes more. */
const MAX_REMEMBERED = 200_000;

/**
 * The audit of inbox LIST reads (docs/decisions.md D-inbox-1). A list is re-read by every officer with the inbox
 * open on every live event, and one audit insert per read was a commit (a WAL flush) on the hot path of the most
 * frequent request. A list read is written, synchronously and with every member on the page, when it shows the
 * officer at least one member not recorded for them in the last 10 minutes (by this process); a refetch showing
 * the same people writes nothing. So "who was shown member X, and when" stays exact to the first showing in
 * every 10 minutes, in order with the other audit rows. Opening a conversation, and every change, is written
 * every time by the inbox service.
 */
export function createListReadAudit(deps: { record: (entry: AuditEntry) => Promise<void>; clock: Clock; rememberMs?: number }): ListReadAudit {
  const rememberMs = deps.rememberMs ?? LIST_READ_REMEMBER_MS;
  /** `userId member` → until when it is recorded. */
  const recorded = new Map<string, number>();

  return {
    async record(read) {
      const now = deps.clock.now().getTime();
      const key = (memberId: string) => `${read.userId} ${memberId}`;
      const fresh = read.memberIds.filter((memberId) => (recorded.get(key(memberId)) ?? 0) <= now);
      if (fresh.length === 0) return false;
      await deps.record({
        actorUserId: read.userId,
        actor: read.actor,
        action: 'inbox_list',
        targetType: 'conversation',
        unitId: read.unitId,
        memberIds: read.memberIds,
        details: { view: read.view, count: read.memberIds.length, newlyShown: new Set(fresh).size },
      });
      // Only after the row is stored: a failed write is tried again by the next read.
      if (recorded.size + read.memberIds.length > MAX_REMEMBERED) recorded.clear();
      for (const memberId of read.memberIds) recorded.set(key(memberId), now + rememberMs);
      return true;
    },
  };
}
