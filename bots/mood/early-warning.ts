import { sql } from 'drizzle-orm';
import { DEFAULT_WARNING_RULE, judgeRise, type WarningRule } from '../../core/mood/early-warning-test.js';
import type { Db } from '../storage/database.js';
import { executeRows } from '../storage/execute-rows.js';
import type { MoodAlertRepository } from '../storage/repositories/mood-alert-repository.js';

const DAY_MS = 86_400_000;
const BASELINE_WEEKS = 8;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface EarlyWarningResult {
  weekStart: string;
  weekEnd: string;
  candidates: number;
  created: { unitId: string; topic: string; observed: number; baseline: number; score: number }[];
}

/**
 * Looks for unusual rises in the week ending `weekEnd` (inclusive), for every unit (its whole subtree) and topic,
 * against the same unit's previous 8 weeks (core/mood/early-warning-test.ts), and records an alert for each, once
 * per unit, topic and week. Weekly counts in the evidence below k are stored as null: alerts are read by officers.
 */
export async function runEarlyWarning(
  deps: { db: Db; alerts: MoodAlertRepository; k: number; rule?: WarningRule },
  weekEnd: string,
  now: Date,
): Promise<EarlyWarningResult> {
  const rule = deps.rule ?? DEFAULT_WARNING_RULE;
  const weekStart = addDays(weekEnd, -6);
  const since = addDays(weekStart, -7 * BASELINE_WEEKS);
  const rows = await executeRows<{ unit_id: string; topic: string; observed: number; wks: number[] | null; ns: number[] | null }>(
    deps.db,
    sql`
    with rows as (
      select m.topic, m.member_id, u.path, floor((m.day - ${weekStart}::date)::numeric / 7)::int as wk
      from mood_member_day m join units u on u.id = m.unit_id
      where m.day between ${since}::date and ${weekEnd}::date),
    expanded as (select a.unit_id::uuid as unit_id, r.topic, r.member_id, r.wk from rows r cross join lateral unnest(string_to_array(trim(both '/' from r.path), '/')) as a(unit_id)),
    weekly as (select unit_id, topic, wk, count(distinct member_id)::int as n from expanded group by 1, 2, 3)
    select unit_id, topic, max(n) filter (where wk = 0) as observed,
      array_agg(wk) filter (where wk < 0) as wks, array_agg(n) filter (where wk < 0) as ns
    from weekly group by unit_id, topic
    having max(n) filter (where wk = 0) >= ${rule.minCount}`,
  );
  const created: EarlyWarningResult['created'] = [];
  for (const row of rows) {
    // Weeks without a member are absent from the aggregate: they count as 0.
    const weeks = Array.from({ length: BASELINE_WEEKS }, () => 0);
    (row.wks ?? []).forEach((wk, i) => {
      weeks[Number(wk) + BASELINE_WEEKS] = Number(row.ns?.[i] ?? 0);
    });
    const verdict = judgeRise(Number(row.observed), weeks, rule);
    if (!verdict.alert) continue;
    const evidence = {
      test: 'poisson_upper_tail',
      p_value: verdict.pValue,
      baseline_weeks: weeks.map((n) => (n > 0 && n < deps.k ? null : n)),
      week_start: weekStart,
      week_end: weekEnd,
      min_count: rule.minCount,
      alpha: rule.alpha,
    };
    const id = await deps.alerts.create({ unitId: row.unit_id, topic: row.topic, windowStart: weekStart, windowEnd: weekEnd, observed: Number(row.observed), baseline: verdict.baseline, score: verdict.score, evidence }, now);
    if (id) created.push({ unitId: row.unit_id, topic: row.topic, observed: Number(row.observed), baseline: verdict.baseline, score: verdict.score });
  }
  return { weekStart, weekEnd, candidates: rows.length, created };
}
