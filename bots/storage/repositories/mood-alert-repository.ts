import { sql } from 'drizzle-orm';
import type { MoodAlertDto } from '../../../core/contracts/mood-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

export interface NewMoodAlert {
  unitId: string;
  topic: string;
  windowStart: string;
  windowEnd: string;
  observed: number;
  baseline: number;
  score: number;
  evidence: Record<string, unknown>;
}

export type MoodAlertAction = 'acknowledge' | 'annotate' | 'resolve' | 'reopen';
const STATUS_AFTER: Record<MoodAlertAction, string | null> = { acknowledge: 'acknowledged', annotate: null, resolve: 'resolved', reopen: 'open' };

export type MoodAlertRepository = ReturnType<typeof createMoodAlertRepository>;

function toDto(row: Record<string, unknown>): MoodAlertDto {
  const at = row.created_at;
  return {
    id: String(row.id),
    unit: String(row.unit_code),
    unit_name: String(row.unit_name),
    topic: String(row.topic),
    window_start: String(row.window_start),
    window_end: String(row.window_end),
    observed: Number(row.observed),
    baseline: Number(row.baseline),
    score: Number(row.score),
    status: row.status as MoodAlertDto['status'],
    note: (row.note as string | null) ?? null,
    evidence: (typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence) as Record<string, unknown>,
    created_at: at instanceof Date ? at.toISOString() : new Date(String(at)).toISOString(),
  };
}

const SELECT = sql`select a.id, u.code as unit_code, u.name as unit_name, u.path as unit_path, a.topic, a.window_start::text, a.window_end::text,
  a.observed, a.baseline, a.score, a.status, a.note, a.evidence, a.created_at from mood_alerts a join units u on u.id = a.unit_id`;

/** Early-warning alerts and their history (issue #10 item 5). */
export function createMoodAlertRepository(db: Db) {
  return {
    /** Creates the alert unless the same unit, topic and window already has one; returns the new id or null. */
    async create(alert: NewMoodAlert, now: Date): Promise<string | null> {
      return db.transaction(async (tx) => {
        const [row] = await executeRows<{ id: string }>(
          tx,
          sql`insert into mood_alerts (unit_id, topic, window_start, window_end, observed, baseline, score, evidence, created_at, updated_at)
              values (${alert.unitId}, ${alert.topic}, ${alert.windowStart}, ${alert.windowEnd}, ${alert.observed}, ${alert.baseline}, ${alert.score}, ${JSON.stringify(alert.evidence)}::jsonb, ${now}, ${now})
              on conflict on constraint mood_alerts_window_uq do nothing returning id`,
        );
        if (!row) return null;
        await tx.execute(sql`insert into mood_alert_events (alert_id, at, action) values (${row.id}, ${now}, 'created')`);
        return row.id;
      });
    },

    /** Alerts of a subtree whose window overlaps the period, newest first (the summary's `alerts`). */
    async listForSummary(scopePath: string, from: string, to: string): Promise<MoodAlertDto[]> {
      const rows = await executeRows<Record<string, unknown>>(
        db,
        sql`${SELECT} where u.path like ${`${scopePath}%`} and a.window_end >= ${from}::date and a.window_start <= ${to}::date order by a.window_end desc, a.score desc limit 200`,
      );
      return rows.map(toDto);
    },

    /** How many alerts of a subtree are new (open) and not yet resolved (active): a small count (alerts are few) asked by every page of the app. */
    async count(scopePath: string): Promise<{ open: number; active: number }> {
      const [row] = await executeRows<{ open: number; active: number }>(
        db,
        sql`select (count(*) filter (where a.status = 'open'))::int as open, count(*)::int as active
            from mood_alerts a join units u on u.id = a.unit_id where u.path like ${`${scopePath}%`} and a.status <> 'resolved'`,
      );
      return { open: Number(row?.open ?? 0), active: Number(row?.active ?? 0) };
    },

    /** Alerts of a subtree by status, newest first. */
    async list(scopePath: string, status: 'open' | 'acknowledged' | 'resolved' | 'active' | 'all'): Promise<MoodAlertDto[]> {
      const filter = status === 'all' ? sql`true` : status === 'active' ? sql`a.status <> 'resolved'` : sql`a.status = ${status}`;
      const rows = await executeRows<Record<string, unknown>>(db, sql`${SELECT} where u.path like ${`${scopePath}%`} and ${filter} order by a.created_at desc limit 500`);
      return rows.map(toDto);
    },

    async find(id: string): Promise<(MoodAlertDto & { unitPath: string }) | null> {
      const [row] = await executeRows<Record<string, unknown>>(db, sql`${SELECT} where a.id = ${id}`);
      return row ? { ...toDto(row), unitPath: String(row.unit_path) } : null;
    },

    async history(id: string): Promise<{ at: string; action: string; note: string | null; actor: string | null }[]> {
      const rows = await executeRows<{ at: Date | string; action: string; note: string | null; actor: string | null }>(
        db,
        sql`select e.at, e.action, e.note, us.display_name as actor from mood_alert_events e left join users us on us.id = e.actor_user_id where e.alert_id = ${id} order by e.at, e.id`,
      );
      return rows.map((row) => ({ at: new Date(row.at).toISOString(), action: row.action, note: row.note, actor: row.actor }));
    },

    /** Acknowledge, annotate, resolve or reopen; every change is kept in the alert's history. */
    async act(id: string, action: MoodAlertAction, actorUserId: string | null, note: string | null, now: Date): Promise<void> {
      await db.transaction(async (tx) => {
        const status = STATUS_AFTER[action];
        const updated = await executeRows<{ id: string }>(
          tx,
          sql`update mood_alerts set updated_at = ${now} ${status ? sql`, status = ${status}` : sql``} ${note !== null ? sql`, note = ${note}` : sql``}
              where id = ${id} returning id`,
        );
        if (updated.length === 0) throw new AppError('NOT_FOUND', `no alert ${id}`);
        await tx.execute(sql`insert into mood_alert_events (alert_id, at, actor_user_id, action, note) values (${id}, ${now}, ${actorUserId}, ${action}, ${note})`);
      });
    },
  };
}
