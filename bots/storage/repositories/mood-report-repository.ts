import { sql } from 'drizzle-orm';
import type { MoodSummary } from '../../../core/contracts/mood-api.js';
import type { UnitLevel } from '../../../core/org/hierarchy.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

export interface StoredReportRow {
  unitId: string;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  month: string;
  generatedAt: Date;
  document: MoodSummary;
}

export type MoodReportRepository = ReturnType<typeof createMoodReportRepository>;

/** The monthly reports (issue #10 item 6): one stored summary document per unit and month, written once. */
export function createMoodReportRepository(db: Db) {
  return {
    /** Units without a report for `month`, top-down, a batch at a time (the job resumes where it stopped). */
    async unitsWithout(month: string, limit: number): Promise<{ id: string; code: string; path: string }[]> {
      return executeRows(
        db,
        sql`select u.id, u.code, u.path from units u
            where not exists (select 1 from mood_reports r where r.unit_id = u.id and r.month = ${month}::date)
            order by u.path limit ${limit}`,
      );
    },

    /** Stores a report unless one exists: two workers, or a retried job, keep the first. True when stored. */
    async insert(unitId: string, month: string, document: MoodSummary, now: Date): Promise<boolean> {
      const rows = await executeRows<{ id: string }>(
        db,
        sql`insert into mood_reports (unit_id, month, document, generated_at) values (${unitId}, ${month}::date, ${JSON.stringify(document)}::jsonb, ${now})
            on conflict on constraint mood_reports_unit_month_uq do nothing returning id`,
      );
      return rows.length > 0;
    },

    /** The reports of one month for a unit and its direct children (the parent's leaders see them in one place). */
    async forUnitAndChildren(unitId: string, month: string): Promise<StoredReportRow[]> {
      const rows = await executeRows<{ unit_id: string; code: string; name: string; level: UnitLevel; path: string; month: string; generated_at: Date | string; document: MoodSummary }>(
        db,
        sql`select r.unit_id, u.code, u.name, u.level, u.path, r.month::text as month, r.generated_at, r.document
            from mood_reports r join units u on u.id = r.unit_id
            where r.month = ${month}::date and (u.id = ${unitId} or u.parent_id = ${unitId})
            order by (u.id = ${unitId}) desc, u.code`,
      );
      return rows.map((row) => ({ unitId: row.unit_id, code: row.code, name: row.name, level: row.level, path: row.path, month: row.month, generatedAt: new Date(row.generated_at), document: row.document }));
    },

    async find(unitId: string, month: string): Promise<StoredReportRow | null> {
      const rows = await executeRows<{ unit_id: string; code: string; name: string; level: UnitLevel; path: string; month: string; generated_at: Date | string; document: MoodSummary }>(
        db,
        sql`select r.unit_id, u.code, u.name, u.level, u.path, r.month::text as month, r.generated_at, r.document
            from mood_reports r join units u on u.id = r.unit_id where r.unit_id = ${unitId} and r.month = ${month}::date`,
      );
      const row = rows[0];
      return row ? { unitId: row.unit_id, code: row.code, name: row.name, level: row.level, path: row.path, month: row.month, generatedAt: new Date(row.generated_at), document: row.document } : null;
    },

    /**
     * Deletes every stored report of the months from `fromMonth` to `toMonth` (first days) and says which months had
     * any. Only for a history rewritten after the fact (`demo generate`): a filed report is otherwise never changed.
     */
    async withdrawMonths(fromMonth: string, toMonth: string): Promise<string[]> {
      const rows = await executeRows<{ month: string }>(
        db,
        sql`with d as (delete from mood_reports where month between ${fromMonth}::date and ${toMonth}::date returning month)
            select distinct month::text as month from d order by month`,
      );
      return rows.map((row) => row.month);
    },

    /** The months a unit has reports for, newest first. */
    async months(unitId: string): Promise<string[]> {
      const rows = await executeRows<{ month: string }>(db, sql`select month::text as month from mood_reports where unit_id = ${unitId} order by month desc limit 36`);
      return rows.map((row) => row.month);
    },
  };
}
