import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../database.js';
import { auditLog, units, users } from '../schema/index.js';

export interface AuditEntry {
  actorUserId?: string | null;
  /** Who acted, readable: an email, `system`, `cli`. */
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  unitId?: string | null;
  details?: Record<string, unknown>;
  /** When it happened, if not now (a batched row carries its first event's time). */
  at?: Date;
}

export interface AuditFilter {
  /** Part of the actor (case-insensitive). */
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Rows about units of this subtree or by users homed in it; absent = everything (national admins). */
  scopePath?: string;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  unitCode: string | null;
  details: Record<string, unknown>;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** Append-only record of who saw or changed what (DESIGN.md §5), browsable by admins. */
export function createAuditRepository(db: Db) {
  const actorUnits = alias(units, 'actor_units');
  const conditionsOf = (filter: AuditFilter): SQL | undefined => {
    const conditions: SQL[] = [];
    if (filter.actor) conditions.push(ilike(auditLog.actor, `%${escapeLike(filter.actor)}%`));
    if (filter.action) conditions.push(eq(auditLog.action, filter.action));
    if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType));
    if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
    if (filter.from) conditions.push(gte(auditLog.at, filter.from));
    if (filter.to) conditions.push(lt(auditLog.at, filter.to));
    if (filter.scopePath !== undefined) {
      const scoped = or(sql`${units.path} like ${`${filter.scopePath}%`}`, sql`${actorUnits.path} like ${`${filter.scopePath}%`}`);
      if (scoped) conditions.push(scoped);
    }
    return conditions.length > 0 ? and(...conditions) : undefined;
  };
  const base = <T extends Record<string, unknown>>(columns: T) =>
    db
      .select(columns as never)
      .from(auditLog)
      .leftJoin(units, eq(units.id, auditLog.unitId))
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(actorUnits, eq(actorUnits.id, users.unitId));

  const rowOf = (entry: AuditEntry) => ({
    actorUserId: entry.actorUserId ?? null,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    unitId: entry.unitId ?? null,
    details: entry.details ?? {},
    ...(entry.at ? { at: entry.at } : {}),
  });

  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values(rowOf(entry));
    },

    /** Several rows in one statement (one commit): batched read records. */
    async recordMany(entries: readonly AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.insert(auditLog).values(entries.map(rowOf));
    },

    /** One page, newest first, with the total count for the pager. */
    async list(filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ items: AuditRecord[]; total: number }> {
      const where = conditionsOf(filter);
      const rows = (await base({
        id: auditLog.id,
        at: auditLog.at,
        actor: auditLog.actor,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        unitCode: units.code,
        details: auditLog.details,
      })
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(page.limit)
        .offset(page.offset)) as unknown as AuditRecord[];
      const [count] = (await base({ n: sql<number>`count(*)::int` }).where(where)) as unknown as { n: number }[];
      return { items: rows, total: Number(count?.n ?? 0) };
    },

    /** Every matching row, newest first, in batches (CSV export without holding the whole log in memory). */
    async *stream(filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRecord[]> {
      let beforeId: number | null = null;
      for (;;) {
        const where = conditionsOf(filter);
        const rows = (await base({
          id: auditLog.id,
          at: auditLog.at,
          actor: auditLog.actor,
          action: auditLog.action,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          unitCode: units.code,
          details: auditLog.details,
        })
          .where(beforeId === null ? where : and(where, lt(auditLog.id, beforeId)))
          .orderBy(desc(auditLog.id))
          .limit(batchSize)) as unknown as AuditRecord[];
        if (rows.length === 0) return;
        yield rows;
        beforeId = rows[rows.length - 1]?.id ?? null;
        if (rows.length < batchSize) return;
      }
    },

    async distinctActions(): Promise<string[]> {
      const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action).limit(200);
      return rows.map((row) => row.action);
    },
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
