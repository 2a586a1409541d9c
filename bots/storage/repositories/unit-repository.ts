import { asc, eq, like, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import { childPath, isValidParentLevel, UNIT_LEVELS, type UnitLevel } from '../../../core/org/hierarchy.js';
import type { Db } from '../database.js';
import { units } from '../schema/index.js';
import { notifyUnitsChanged } from '../unit-change-bus.js';
import { bumpKnowledgeVersion } from './knowledge-version-repository.js';

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
}

export interface UnitInput {
  parentCode: string | null;
  code: string;
  name: string;
  level: UnitLevel;
}

export interface UnitImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

export type UnitRepository = ReturnType<typeof createUnitRepository>;

export function createUnitRepository(db: Db) {
  const toRecord = (row: typeof units.$inferSelect): UnitRecord => ({
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as UnitLevel,
    parentId: row.parentId,
    path: row.path,
  });

  return {
    async findByCode(code: string): Promise<UnitRecord | null> {
      const [row] = await db.select().from(units).where(eq(units.code, code.trim().toUpperCase())).limit(1);
      return row ? toRecord(row) : null;
    },

    async findById(id: string): Promise<UnitRecord | null> {
      const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
      return row ? toRecord(row) : null;
    },

    /** The unit and everything below it, top-down. */
    async listSubtree(scopePath: string): Promise<UnitRecord[]> {
      const rows = await db.select().from(units).where(like(units.path, `${scopePath}%`)).orderBy(asc(units.path));
      return rows.map(toRecord);
    },

    /** The unit, then each ancestor up to the top, with their own office hours (null = not set). */
    async officeHoursChain(unitId: string): Promise<{ code: string; name: string; officeHours: unknown }[]> {
      const rows = await db.execute(
        sql`select a.code, a.name, a.office_hours as "officeHours" from units u join units a on u.path like a.path || '%'
            where u.id = ${unitId} order by length(a.path) desc`,
      );
      return (rows as unknown as { rows: { code: string; name: string; officeHours: unknown }[] }).rows;
    },

    /** A unit's own office hours; null: take the parent's again. */
    async setOfficeHours(unitId: string, officeHours: Record<string, unknown> | null): Promise<void> {
      await db.update(units).set({ officeHours: officeHours ?? null }).where(eq(units.id, unitId));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
      return row?.n ?? 0;
    },

    /**
     * Creates or updates units by code in one transaction (all or nothing). Rows may come in any order;
     * parents are resolved from the database or from the batch. Re-importing the same rows changes nothing.
     * A unit cannot move to another parent: that would silently change which officers see its members.
     */
    async upsertUnits(inputs: UnitInput[]): Promise<UnitImportReport> {
      const sorted = [...inputs].sort((a, b) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level));
      const seen = new Set<string>();
      for (const input of sorted) {
        if (seen.has(input.code)) throw new AppError('VALIDATION_FAILED', `unit code ${input.code} appears twice`, { fields: [{ path: 'code', message: `duplicate code ${input.code}` }] });
        seen.add(input.code);
      }
      const report = await db.transaction(async (tx) => {
        const report: UnitImportReport = { created: 0, updated: 0, unchanged: 0 };
        for (const input of sorted) {
          const [parent] = input.parentCode ? await tx.select().from(units).where(eq(units.code, input.parentCode)).limit(1) : [];
          if (input.parentCode && !parent) {
            throw new AppError('UNIT_NOT_FOUND', `parent unit ${input.parentCode} of ${input.code} does not exist`, { fields: [{ path: 'parent_code', message: `unknown unit ${input.parentCode}` }] });
          }
          if (!isValidParentLevel(input.level, (parent?.level as UnitLevel | undefined) ?? null)) {
            throw new AppError('UNIT_INVALID_PARENT', `a ${input.level} unit cannot sit under ${parent ? `a ${parent.level} unit` : 'nothing'} (${input.code})`, { fields: [{ path: 'level', message: `level ${input.level} does not fit under ${parent?.level ?? 'no parent'}` }] });
          }
          const [existing] = await tx.select().from(units).where(eq(units.code, input.code)).limit(1);
          if (existing) {
            if ((existing.parentId ?? null) !== (parent?.id ?? null) || existing.level !== input.level) {
              throw new AppError('UNIT_INVALID_PARENT', `unit ${input.code} already exists under another parent or level; moving units is not supported by import`, { fields: [{ path: 'parent_code', message: 'cannot move an existing unit' }] });
            }
            if (existing.name === input.name) {
              report.unchanged++;
            } else {
              await tx.update(units).set({ name: input.name }).where(eq(units.id, existing.id));
              report.updated++;
            }
            continue;
          }
          const id = crypto.randomUUID();
          await tx.insert(units).values({ id, code: input.code, name: input.name, level: input.level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id) });
          report.created++;
        }
        // Processes caching units (unit search, intake unit) reload at their next knowledge poll; this one at once.
        if (report.created + report.updated > 0) await bumpKnowledgeVersion(tx as unknown as Db, 'units');
        return report;
      });
      if (report.created + report.updated > 0) notifyUnitsChanged(db);
      return report;
    },
  };
}
