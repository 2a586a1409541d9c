import type { InboxView } from '../../core/contracts/inbox-api.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { AuditEntry } from '../storage/repositories/audit-repository.js';

/** What one inbox list read showed an officer. */
export interface ListRead {
  userId: string;
  actor: string;
  unitId: string;
  view: InboxView;
  /** Rows on the page (each shows the member's name, unit, topic and the start of their latest message). */
  rows: number;
}

export interface ListReadAudit {
  /** Counts a read; never waits for the database. */
  note(read: ListRead): void;
  /** Writes what was counted so far: one row per officer, one statement. */
  flush(): Promise<void>;
  /** Stops the timer and writes the rest (on shutdown). */
  close(): Promise<void>;
}

interface Window {
  actor: string;
  unitId: string;
  first: Date;
  last: Date;
  reads: number;
  rows: number;
  views: Partial<Record<InboxView, number>>;
}

export const LIST_READ_AUDIT_FLUSH_MS = 15_000;

/**
 * The audit of inbox LIST reads, batched (docs/decisions.md D-inbox-1). A list page is read every few seconds
 * by every officer with the inbox open (live updates refetch it); one synchronous audit insert per read was a
 * commit on the hot path of the most frequent request. Here a read is counted in memory and each officer gets
 * one `inbox_list` row per flush interval (views, reads, rows shown, first and last read). Opening a
 * conversation, and every change, is still audited synchronously by the inbox service. A crash loses at most
 * the counts of the last interval.
 */
export function createListReadAudit(deps: { recordMany: (entries: readonly AuditEntry[]) => Promise<void>; clock: Clock; logger: Logger; flushMs?: number }): ListReadAudit {
  const flushMs = deps.flushMs ?? LIST_READ_AUDIT_FLUSH_MS;
  let windows = new Map<string, Window>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  const merge = (into: Map<string, Window>, userId: string, window: Window) => {
    const current = into.get(userId);
    if (!current) return void into.set(userId, window);
    current.first = current.first < window.first ? current.first : window.first;
    current.last = current.last > window.last ? current.last : window.last;
    current.reads += window.reads;
    current.rows += window.rows;
    for (const [view, n] of Object.entries(window.views) as [InboxView, number][]) current.views[view] = (current.views[view] ?? 0) + n;
  };

  async function write(): Promise<void> {
    if (windows.size === 0) return;
    const batch = windows;
    windows = new Map();
    const entries: AuditEntry[] = [...batch].map(([userId, w]) => ({
      actorUserId: userId,
      actor: w.actor,
      action: 'inbox_list',
      targetType: 'conversation',
      unitId: w.unitId,
      at: w.first,
      details: { reads: w.reads, rows: w.rows, views: w.views, from: w.first.toISOString(), to: w.last.toISOString() },
    }));
    try {
      await deps.recordMany(entries);
    } catch (error) {
      // Kept for the next flush rather than dropped: the database may be back by then.
      for (const [userId, w] of batch) merge(windows, userId, w);
      deps.logger.error({ err: error, officers: batch.size }, 'inbox list-read audit: write failed, kept for the next flush');
    }
  }

  const flush = () => (flushing = flushing.then(write));

  return {
    note(read) {
      const now = deps.clock.now();
      merge(windows, read.userId, { actor: read.actor, unitId: read.unitId, first: now, last: now, reads: 1, rows: read.rows, views: { [read.view]: 1 } });
      if (!timer) {
        timer = setInterval(() => void flush(), flushMs);
        timer.unref();
      }
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
