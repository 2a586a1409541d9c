import type { Db } from '../database.js';
import { auditLog } from '../schema/index.js';

export interface AuditEntry {
  actorUserId?: string | null;
  /** Who acted, readable: an email, `system`, `cli`. */
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  unitId?: string | null;
  details?: Record<string, unknown>;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** Append-only record of who saw or changed what (DESIGN.md §5). */
export function createAuditRepository(db: Db) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        actorUserId: entry.actorUserId ?? null,
        actor: entry.actor,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        unitId: entry.unitId ?? null,
        details: entry.details ?? {},
      });
    },
  };
}
