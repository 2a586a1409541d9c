import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { hasErrorCode } from '../error-code.js';
import { executeRows } from '../execute-rows.js';

/** The summary's queries whose answers are kept (each a function of its scope and the rollups only). */
export type MoodPeriodQuery = 'aggregate' | 'aggregate_by_channel' | 'aggregate_units' | 'aggregate_units_by_channel' | 'topic_members' | 'trend' | 'excluded';

/** What a kept answer depends on besides the rollups: the subtree, the days, the filters and the query's own options. */
export interface MoodPeriodKey {
  scopePath: string;
  from: string;
  to: string;
  channel?: string | undefined;
  topic?: string | undefined;
  bucket?: 'week' | 'month';
}

export type MoodPeriodCache = ReturnType<typeof createMoodPeriodCache>;

/** The kind under which a failed view computation is noted (not a query: never read as figures). */
const VIEW_FAILED = 'view_failed';
const ViewFailureSchema = z.object({ code: z.string(), at: z.iso.datetime(), failures: z.number().int().min(1) });
export type ViewFailure = z.infer<typeof ViewFailureSchema>;

const GENERATION = sql`coalesce((select generation from mood_rollup_generation where id = 1), 0)`;

/**
 * Answers of the summary's queries over closed periods, computed once and kept (docs/decisions.md D-mood-12). An
 * answer is used only while the rollups' generation is the one it was computed at: a rebuild moves the generation on
 * (`invalidateAllMoodPeriods`), so an answer computed from the figures before it, even one stored after it, is never
 * read again. A write into a day that kept answers cover deletes them (`moodPeriodInvalidation`).
 */
export function createMoodPeriodCache(db: Db) {
  return {
    async answer<T>(query: MoodPeriodQuery, key: MoodPeriodKey, compute: () => Promise<T>): Promise<T> {
      const scopeKey = periodScopeKey(key);
      const kept = await executeRows<{ generation: number; payload: string | null }>(
        db,
        sql`select g.generation, (select c.payload from mood_period_cache c where c.kind = ${query} and c.scope_key = ${scopeKey} and c.generation = g.generation) as payload
            from (select ${GENERATION} as generation) g`,
      )
        .then(([row]) => row)
        .catch(async (error: unknown) => {
          // A kept answer that cannot be read is only a miss: computed again below, and the row is overwritten.
          if (!isUnreadableValue(error)) throw error;
          const [row] = await executeRows<{ generation: number }>(db, sql`select ${GENERATION} as generation`);
          return { generation: Number(row?.generation ?? 0), payload: null };
        });
      if (kept?.payload != null) return JSON.parse(kept.payload) as T;
      // The generation read before computing: if a rebuild commits meanwhile, this answer is stored under the old one.
      const generation = Number(kept?.generation ?? 0);
      const value = await compute();
      await db.execute(sql`
        insert into mood_period_cache (kind, scope_key, from_day, to_day, generation, payload)
        values (${query}, ${scopeKey}, ${key.from}::date, ${key.to}::date, ${generation}, ${JSON.stringify(value)})
        on conflict (kind, scope_key) do update
          set from_day = excluded.from_day, to_day = excluded.to_day, generation = excluded.generation, payload = excluded.payload, created_at = now()
          where mood_period_cache.generation <= excluded.generation`);
      return value;
    },

    /** The answer kept at the rollups' current generation, if any: never computes (D-mood-18). */
    async peek(query: MoodPeriodQuery, key: MoodPeriodKey): Promise<{ value: unknown } | undefined> {
      const [row] = await executeRows<{ payload: string | null }>(
        db,
        sql`select c.payload from mood_period_cache c where c.kind = ${query} and c.scope_key = ${periodScopeKey(key)} and c.generation = ${GENERATION}`,
      ).catch((error: unknown) => {
        if (isUnreadableValue(error)) return [];
        throw error;
      });
      return row?.payload == null ? undefined : { value: JSON.parse(row.payload) as unknown };
    },

    /**
     * Notes that the computation of a view failed (D-mood-18), under its own kind beside the figures: a rebuild drops
     * it with them and the daily clean-up forgets it. `failures` counts the attempts so a retry gets a new job id.
     */
    async markViewFailed(viewKey: string, period: { from: string; to: string }, failure: ViewFailure): Promise<void> {
      await db.execute(sql`
        insert into mood_period_cache (kind, scope_key, from_day, to_day, generation, payload)
        values (${VIEW_FAILED}, ${viewKey}, ${period.from}::date, ${period.to}::date, ${GENERATION}, ${JSON.stringify(failure)})
        on conflict (kind, scope_key) do update set generation = excluded.generation, payload = excluded.payload, created_at = now()`);
    },

    /** The last failure of a view's computation, if one was noted. */
    async viewFailure(viewKey: string): Promise<ViewFailure | undefined> {
      const [row] = await executeRows<{ payload: string }>(db, sql`select payload from mood_period_cache where kind = ${VIEW_FAILED} and scope_key = ${viewKey}`);
      return row ? ViewFailureSchema.parse(JSON.parse(row.payload)) : undefined;
    },

    /** The rollups' generation now: answers computed from here on are kept under it (read it before computing). */
    async generation(): Promise<number> {
      const [row] = await executeRows<{ generation: number }>(db, sql`select ${GENERATION} as generation`);
      return Number(row?.generation ?? 0);
    },

    /** Which of `entries` have an answer kept at `generation` (as `kind|scope key`): the daily job computes only the others. */
    async keptAt(generation: number, entries: readonly { query: MoodPeriodQuery; key: MoodPeriodKey }[]): Promise<Set<string>> {
      const kept = new Set<string>();
      for (let start = 0; start < entries.length; start += LOOKUP_CHUNK) {
        const wanted = entries.slice(start, start + LOOKUP_CHUNK).map(({ query, key }) => ({ kind: query, scope_key: periodScopeKey(key) }));
        const rows = await executeRows<{ kind: string; scope_key: string }>(
          db,
          sql`select c.kind, c.scope_key from mood_period_cache c
              join jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as r(kind text, scope_key text) on c.kind = r.kind and c.scope_key = r.scope_key
              where c.generation = ${generation}`,
        );
        for (const row of rows) kept.add(`${row.kind}|${row.scope_key}`); // keptAnswerKey's form, from the row
      }
      return kept;
    },

    /**
     * Keeps answers computed elsewhere at once (the daily job's reads by level, D-mood-15), under the generation read
     * before computing them, with the same rule as `answer`: an answer of an older generation never replaces a newer one.
     */
    async keepMany(generation: number, entries: readonly { query: MoodPeriodQuery; key: MoodPeriodKey; value: unknown }[]): Promise<number> {
      let batch: { kind: string; scope_key: string; from_day: string; to_day: string; payload: string }[] = [];
      let size = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await db.execute(sql`
          insert into mood_period_cache (kind, scope_key, from_day, to_day, generation, payload)
          select kind, scope_key, from_day, to_day, ${generation}, payload
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(kind text, scope_key text, from_day date, to_day date, payload text)
          on conflict (kind, scope_key) do update
            set from_day = excluded.from_day, to_day = excluded.to_day, generation = excluded.generation, payload = excluded.payload, created_at = now()
            where mood_period_cache.generation <= excluded.generation`);
        batch = [];
        size = 0;
      };
      for (const { query, key, value } of entries) {
        const payload = JSON.stringify(value);
        batch.push({ kind: query, scope_key: periodScopeKey(key), from_day: key.from, to_day: key.to, payload });
        size += payload.length;
        if (size >= WRITE_CHUNK_CHARS || batch.length >= LOOKUP_CHUNK) await flush();
      }
      await flush();
      return entries.length;
    },

    /** Forgets answers kept longer than `days`: periods nobody opens again stop taking room (run by the daily job). */
    async forgetOlderThan(now: Date, days: number): Promise<number> {
      const rows = await executeRows<{ n: number }>(
        db,
        sql`with gone as (delete from mood_period_cache where created_at < ${now.toISOString()}::timestamptz - make_interval(days => ${days}) returning 1)
            select count(*)::int as n from gone`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** Keys looked up or written per statement, and the payload characters per write: a few MB a statement. */
const LOOKUP_CHUNK = 2_000;
const WRITE_CHUNK_CHARS = 4_000_000;

/** A kept answer's key across kinds (`kind|scope key`): how the daily job names the answers it holds (D-mood-15, D-mood-17). */
export function keptAnswerKey(query: MoodPeriodQuery, key: MoodPeriodKey): string {
  return `${query}|${periodScopeKey(key)}`;
}

/** The kept answer's key within its kind: the subtree, the days and the filters (the same for every caller). */
export function periodScopeKey(key: MoodPeriodKey): string {
  return JSON.stringify([key.scopePath, key.from, key.to, key.channel ?? null, key.topic ?? null, key.bucket ?? null]);
}

/**
 * A kept payload whose out-of-line (TOAST) value cannot be read: "missing chunk number 0 for toast value …", SQLSTATE
 * XX001 (data_corrupted). Seen in tests/cli/privacy-cli.test.ts when four PGlite instances shared one DATA_DIR (fixed
 * at its root, D-hardening-11). The kept answer is a cache of figures computed from the rollups, so such a read is
 * treated as a miss (D-mood-13, defence in depth); any other error is thrown.
 */
export function isUnreadableValue(error: unknown): boolean {
  return hasErrorCode(error, DATA_CORRUPTED);
}
const DATA_CORRUPTED = new Set(['XX001']);

/** Moves the rollups' generation on and drops every kept answer: `db` is the rebuild's transaction. */
export async function invalidateAllMoodPeriods(db: Db): Promise<void> {
  await db.execute(sql`insert into mood_rollup_generation (id, generation) values (1, 1)
    on conflict (id) do update set generation = mood_rollup_generation.generation + 1`);
  await db.execute(sql`delete from mood_period_cache`);
}

/**
 * A data-modifying CTE for the capture's single statement (no extra round trip): deletes the kept answers whose
 * days include `day`. Live capture writes into the day in progress, never published, so this normally finds nothing.
 */
export function moodPeriodInvalidation(day: string) {
  return sql`invalidated as (delete from mood_period_cache where to_day >= ${day}::date and from_day <= ${day}::date)`;
}
