import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AUDIT_DETAIL_KEYS_KEPT_AFTER_ERASURE, PERSONAL_DATA_ACTION_NAMES } from '../../../core/privacy/personal-data-access.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { auditLog, units, users } from '../schema/index.js';

export interface AuditEntry {
  actorUserId?: string | null;
  /** Who acted, readable: an email, `system`, `cli`. */
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  unitId?: string | null;
  /** The member whose personal data was read or changed (one member). */
  memberId?: string | null;
  /** The members a list showed (names, latest messages): kept as `details.memberIds`. */
  memberIds?: readonly string[];
  details?: Record<string, unknown>;
}

/** One read or change of a member's personal data, with who did it. */
export interface AccessRecord {
  id: number;
  at: Date;
  actor: string;
  actorName: string | null;
  actorRole: string | null;
  actorUnitCode: string | null;
  actorUnitName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The member appeared in a list rather than being opened. */
  listed: boolean;
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

  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        actorUserId: entry.actorUserId ?? null,
        actor: entry.actor,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        unitId: entry.unitId ?? null,
        memberId: entry.memberId ?? null,
        details: entry.memberIds && entry.memberIds.length > 0 ? { ...entry.details, memberIds: [...new Set(entry.memberIds)] } : (entry.details ?? {}),
      });
    },

    /**
     * Who read or changed this member's personal data, newest first: rows about the member (views, exports,
     * erasure) and lists that showed them. `before` pages by audit id.
     */
    async accessLog(memberId: string, page: { before?: number; limit: number }): Promise<AccessRecord[]> {
      const rows = await executeRows<Record<string, unknown>>(
        db,
        sql`select a.id, a.at, a.actor, u.display_name as actor_name, u.role as actor_role, au.code as actor_unit_code, au.name as actor_unit_name,
              a.action, a.target_type, a.target_id, (a.member_id is distinct from ${memberId}::uuid) as listed
            from audit_log a
            left join users u on u.id = a.actor_user_id
            left join units au on au.id = u.unit_id
            where (a.member_id = ${memberId}::uuid or (a.details ? 'memberIds' and (a.details -> 'memberIds') @> ${JSON.stringify([memberId])}::jsonb))
              and a.action in (${sql.join(
                PERSONAL_DATA_ACTION_NAMES.map((name) => sql`${name}`),
                sql`, `,
              )})
              ${page.before ? sql`and a.id < ${page.before}` : sql``}
            order by a.id desc
            limit ${page.limit}`,
      );
      return rows.map((row) => ({
        id: Number(row.id),
        at: row.at instanceof Date ? row.at : new Date(String(row.at)),
        actor: String(row.actor),
        actorName: (row.actor_name as string | null) ?? null,
        actorRole: (row.actor_role as string | null) ?? null,
        actorUnitCode: (row.actor_unit_code as string | null) ?? null,
        actorUnitName: (row.actor_unit_name as string | null) ?? null,
        action: String(row.action),
        targetType: String(row.target_type),
        targetId: (row.target_id as string | null) ?? null,
        listed: row.listed === true,
      }));
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

/**
 * After an erasure the audit rows about the member keep who did what and when (the controller must be able to
 * show its processing), but lose every free-text detail: only ids, counts, states and labels stay
 * (core/privacy/personal-data-access.ts). `db` is the erasure's transaction.
 */
export async function scrubMemberAudit(db: Db, memberId: string): Promise<void> {
  const kept = sql.join(
    AUDIT_DETAIL_KEYS_KEPT_AFTER_ERASURE.map((key) => sql`${key}`),
    sql`, `,
  );
  await db.execute(sql`
    update audit_log set details = coalesce((select jsonb_object_agg(d.key, d.value) from jsonb_each(details) d where d.key in (${kept})), '{}'::jsonb)
    where member_id = ${memberId}::uuid`);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
