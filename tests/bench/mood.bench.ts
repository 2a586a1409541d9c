// Mood rollups and summaries at scale (issue #10 item 8): `congdoan demo generate`'s data on PostgreSQL
// (BENCH_MOOD_MESSAGES, default 1,000,000 messages of BENCH_MOOD_MEMBERS = 100,000 members over a year, the national
// tree of 34 provinces + 12 sectors), then the summary that the dashboard, the API and the CLI share (p50/p95 per
// scenario, sequential; the first call of each is reported apart as `cold_ms`, D-mood-12), the daily job's computing
// ahead of the usual views, the rollup write cost per message (recordMood in its own transaction, as commitTurn
// does), and the monthly report of a sample of units. Before them, the first computation of views the daily job does
// not compute ahead (a custom period, a topic filter; D-mood-16; BENCH_MOOD_ONLY_ADHOC=1 runs only those,
// BENCH_MOOD_ADHOC=0 skips them), each also as the 202 the API answers at once with `Prefer: respond-async`
// (`async_202_ms`, D-mood-18). JSON lines; nothing is asserted.
import { loadavg } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { generateDemo } from '../../bots/demo/demo-generator.js';
import { createMonthlyReports } from '../../bots/mood/monthly-reports.js';
import { createMoodService, type MoodSummaryRequest } from '../../bots/mood/mood-service.js';
import { createMoodWarmup } from '../../bots/mood/mood-warmup.js';
import { createMoodViews } from '../../bots/mood/mood-view-jobs.js';
import { createInProcessQueue } from '../../bots/queue/in-process-queue.js';
import { createMemberPseudonyms } from '../../bots/privacy/member-pseudonyms.js';
import { openDatabase } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createMoodAlertRepository } from '../../bots/storage/repositories/mood-alert-repository.js';
import { recordMood } from '../../bots/storage/repositories/mood-repository.js';
import { createMoodReportRepository } from '../../bots/storage/repositories/mood-report-repository.js';
import { createHandoffStatsRepository } from '../../bots/storage/repositories/handoff-stats-repository.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { silentLogger } from '../../core/ports/logger.js';
import { TOPICS } from '../../core/nlu/labels.js';
import { createBenchDatabase } from './support/bench-database.js';

const MESSAGES = Number(process.env.BENCH_MOOD_MESSAGES ?? 1_000_000);
const MEMBERS = Number(process.env.BENCH_MOOD_MEMBERS ?? Math.max(1000, Math.round(MESSAGES / 10)));
// BENCH_MOOD_UNITS: the organisation's size (demo generate's --units; by default members / 100, 200–10,000).
const UNITS = process.env.BENCH_MOOD_UNITS ? Number(process.env.BENCH_MOOD_UNITS) : undefined;
const REPEATS = Number(process.env.BENCH_MOOD_REPEATS ?? 10);
const WRITES = Number(process.env.BENCH_MOOD_WRITES ?? 2000);
const DAYS = Number(process.env.BENCH_MOOD_DAYS ?? 365);
// BENCH_MOOD_KEEP=<name>: the generated database is kept as cdbench_<name>, and a later run naming it measures the
// same data again without generating it (the kept figures are dropped first, so first computations are cold again):
// a 10-million-message fill takes long, its measurements are wanted on a quiet machine.
const KEEP = process.env.BENCH_MOOD_KEEP;
const END = '2026-11-30';
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ suite: 'mood', ...record })}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (ms: number) => Math.round(ms * 10) / 10;

const benchDatabase = await createBenchDatabase('mood', KEEP ? { keepAs: KEEP } : {});
if (!benchDatabase) {
  emit({ skipped: 'PostgreSQL is not reachable on 127.0.0.1:5432: the mood bench needs it' });
  process.exit(0);
}

try {
  const database = await openDatabase({ databaseUrl: benchDatabase.url, poolSize: 4 });
  const { db } = database;
  // The rebuild writes members' pseudonyms (D-privacy-6): any key will do for timing.
  const pseudonyms = createMemberPseudonyms(randomBytes(32));
  let generated: { units: number; members: number; messages: number; ms: number };
  if (benchDatabase.reused) {
    // What an earlier measuring run kept or wrote: its kept figures (first computations are cold again) and reports.
    await executeRows(db, sql`delete from mood_period_cache returning 1`);
    await executeRows(db, sql`delete from mood_reports where month = '2026-11-01' returning 1`);
    const [counts] = await executeRows<{ units: number; members: number; messages: number }>(
      db,
      sql`select (select count(*) from units)::int as units, (select count(*) from members)::int as members, (select count(*) from messages)::int as messages`,
    );
    generated = { ...counts!, ms: 0 };
    emit({ step: 'reused database', database: KEEP, ...counts, load: loadavg()[0] });
  } else {
    generated = await generateDemo(db, { members: MEMBERS, messages: MESSAGES, seed: 7, days: DAYS, endDay: END, ...(UNITS ? { units: UNITS } : {}) });
    const rebuildStart = performance.now();
    await createMoodService({ db, units: createUnitRepository(db), k: 5, clock: { now: () => new Date() }, pseudonyms }).rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    const rebuildMs = Math.round(performance.now() - rebuildStart);
    const [rows] = await executeRows<{ member_days: number; cells: number }>(db, sql`select (select count(*) from mood_member_day)::int as member_days, (select count(*) from mood_daily)::int as cells`);
    emit({ step: 'demo generate', units: generated.units, members: generated.members, messages: generated.messages, days: DAYS, ms: generated.ms, rebuild_ms: rebuildMs, ...rows, load: loadavg()[0] });
    // BENCH_MOOD_GENERATE_ONLY=1 with BENCH_MOOD_KEEP: fill now, measure in a later run.
    if (KEEP && process.env.BENCH_MOOD_GENERATE_ONLY === '1') {
      await database.close();
      await benchDatabase.drop();
      process.exit(0);
    }
  }

  const units = createUnitRepository(db);
  const alerts = createMoodAlertRepository(db);
  // The figures of a day after the data ends: every week of November is published.
  const clock = { now: () => new Date('2026-12-03T09:00:00+07:00') };
  const mood = createMoodService({ db, units, k: 5, clock, listAlerts: alerts.listForSummary });
  const national = (await units.findByCode('TLD'))!;
  const [province] = await executeRows<{ code: string }>(db, sql`select code from units where level = 'province_or_sector' order by code limit 1`);
  const [upper] = await executeRows<{ code: string }>(db, sql`select u.code from units u where u.level = 'upper_grassroots' order by (select count(*) from units c where c.path like u.path || '%') desc limit 1`);
  const [grassroots] = await executeRows<{ code: string }>(db, sql`select u.code from units u where u.level = 'grassroots' order by (select count(*) from conversations c where c.unit_id = u.id) desc, u.code limit 1`);
  const unitOf = async (code: string) => (await units.findByCode(code))!;
  const scenarios: [string, Omit<MoodSummaryRequest, 'includeExcluded'>][] = [
    ['national, 4 weeks', { unit: national, from: '2026-11-01', to: '2026-11-30', bucket: 'week' }],
    ['national, month (report)', { unit: national, from: '2026-11-01', to: '2026-11-30', bucket: 'week' }],
    ['national, 12 months', { unit: national, from: '2025-12-01', to: '2026-11-30', bucket: 'month' }],
    ['national, 12 months, one channel', { unit: national, from: '2025-12-01', to: '2026-11-30', bucket: 'month', channel: 'zalo' }],
    ['province, 12 months', { unit: await unitOf(province!.code), from: '2025-12-01', to: '2026-11-30', bucket: 'month' }],
    ['upper-grassroots, 3 months', { unit: await unitOf(upper!.code), from: '2026-09-01', to: '2026-11-30', bucket: 'week' }],
    ['upper-grassroots, 13 weeks', { unit: await unitOf(upper!.code), from: '2026-09-02', to: '2026-11-30', bucket: 'week' }],
    ['national, 12 months, one topic', { unit: national, from: '2025-12-01', to: '2026-11-30', bucket: 'month', topic: 'wages' }],
    ['grassroots, 12 months', { unit: await unitOf(grassroots!.code), from: '2025-12-01', to: '2026-11-30', bucket: 'month' }],
  ];
  // Views the daily job does not compute ahead (D-mood-16): a custom period (weeks that are not a dashboard period)
  // and a topic filter, each computed with nothing kept (`first_ms`, what the first leader to open it waits). The
  // topic view is also measured with its unfiltered view kept (`first_ms_unfiltered_kept`): in production the daily
  // job keeps the unfiltered year, and the topic filter then computes only its own trend.
  // BENCH_MOOD_ONLY_ADHOC=1: only these are measured; BENCH_MOOD_ADHOC=0 skips them.
  const onlyAdhoc = process.env.BENCH_MOOD_ONLY_ADHOC === '1';
  const views = createMoodViews({ mood, queue: createInProcessQueue(), clock });
  const adhoc: [string, Omit<MoodSummaryRequest, 'includeExcluded'>, Omit<MoodSummaryRequest, 'includeExcluded'> | null][] = [
    ['national, custom year', { unit: national, from: '2025-11-24', to: '2026-11-21', bucket: 'month' }, null],
    ['province, custom quarter', { unit: await unitOf(province!.code), from: '2026-08-15', to: '2026-11-14', bucket: 'week' }, null],
    ['national, 12 months, one topic', { unit: national, from: '2025-12-01', to: '2026-11-30', bucket: 'month', topic: 'wages' }, { unit: national, from: '2025-12-01', to: '2026-11-30', bucket: 'month' }],
  ];
  for (const [scenario, request, unfiltered] of process.env.BENCH_MOOD_ADHOC === '0' || process.env.BENCH_MOOD_ONLY_WARMUP === '1' ? [] : adhoc) {
    await executeRows(db, sql`delete from mood_period_cache returning 1`);
    // With `Prefer: respond-async` (D-mood-18) the API answers this first ask at once: the kept-only read that misses,
    // the failure lookup and the queued job (`async_202_ms`); the queue is not started, so nothing computes meanwhile.
    const asyncStart = performance.now();
    const pending = await views.ask({ ...request, includeExcluded: true });
    const asyncMs = performance.now() - asyncStart;
    if (pending.status !== 'computing') throw new Error(`expected computing, got ${pending.status}`);
    const loadBefore = loadavg()[0];
    const started = performance.now();
    await mood.summary({ ...request, includeExcluded: true });
    const firstMs = performance.now() - started;
    let keptMs: number | undefined;
    if (unfiltered) {
      await executeRows(db, sql`delete from mood_period_cache returning 1`);
      await mood.summary({ ...unfiltered, includeExcluded: true });
      const keptStart = performance.now();
      await mood.summary({ ...request, includeExcluded: true });
      keptMs = performance.now() - keptStart;
    }
    emit({ step: 'first computation', scenario, async_202_ms: round(asyncMs), first_ms: round(firstMs), ...(keptMs !== undefined ? { first_ms_unfiltered_kept: round(keptMs) } : {}), load_before: loadBefore, load: loadavg()[0] });
  }
  if (onlyAdhoc) {
    await database.close();
    await benchDatabase.drop();
    process.exit(0);
  }
  await executeRows(db, sql`delete from mood_period_cache returning 1`);

  // The first call computes the figures from the rollups and keeps them (D-mood-12): `cold_ms`, what a view nobody
  // opened before costs (the daily job pays it for the dashboard's usual views); the repeats read the kept figures.
  // BENCH_MOOD_ONLY_WARMUP=1: only the daily job's computing ahead is measured (the scenarios and writes are skipped).
  const onlyWarmup = process.env.BENCH_MOOD_ONLY_WARMUP === '1';
  for (const [scenario, request] of onlyWarmup ? [] : scenarios) {
    const coldStart = performance.now();
    await mood.summary({ ...request, includeExcluded: true });
    const coldMs = performance.now() - coldStart;
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      await mood.summary({ ...request, includeExcluded: true });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    emit({ step: 'summary', scenario, cold_ms: round(coldMs), repeats: REPEATS, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), max_ms: round(times.at(-1) ?? 0), load: loadavg()[0] });
  }

  // The daily job's computing ahead of every parent unit's usual views (BENCH_MOOD_WARMUP=0 skips it on large runs):
  // by level (D-mood-15; `level_ms` is the reads by level, the rest the summaries reading what they kept), or with
  // BENCH_MOOD_WARMUP_PER_UNIT=1 the former way, each summary computing its own unit's figures.
  if (process.env.BENCH_MOOD_WARMUP !== '0') {
    await executeRows(db, sql`delete from mood_period_cache returning 1`);
    const byLevel = process.env.BENCH_MOOD_WARMUP_PER_UNIT !== '1';
    const loadBefore = loadavg()[0];
    const warmed = await createMoodWarmup({ db, units, mood, clock, logger: silentLogger }).run({ byLevel });
    emit({
      step: 'computing ahead (daily job)',
      way: byLevel ? 'by level' : 'per unit',
      summaries: warmed.summaries,
      ms: warmed.ms,
      summaries_per_s: Math.round((warmed.summaries / Math.max(1, warmed.ms)) * 10_000) / 10,
      level_reads: warmed.levelReads,
      level_ms: warmed.levelMs,
      ms_per_summary: Math.round(warmed.ms / Math.max(1, warmed.summaries)),
      load_before: loadBefore,
      load: loadavg()[0],
    });
  }

  if (!onlyWarmup) {
    // The rollup write of one counted message, in its own transaction as in commitTurn (member-day upsert + cell upsert).
    const sample = await executeRows<{ member_id: string; unit_id: string }>(db, sql`select c.member_id, c.unit_id from conversations c order by md5(c.id::text) limit 500`);
    const writes: number[] = [];
    const writeStart = performance.now();
    for (let i = 0; i < WRITES; i++) {
      const who = sample[i % sample.length]!;
      const started = performance.now();
      await db.transaction(async (tx) =>
        recordMood(tx, { day: '2026-12-03', unitId: who.unit_id, memberPseudonym: i % 3 === 0 ? randomUUID() : pseudonyms.of(who.member_id), channel: 'zalo', capture: { kind: 'counted', topic: TOPICS[i % TOPICS.length]!, sentiment: 'negative', weight: 1 } }),
      );
      writes.push(performance.now() - started);
    }
    const wall = performance.now() - writeStart;
    writes.sort((a, b) => a - b);
    emit({ step: 'rollup write per message', writes: WRITES, p50_ms: round(percentile(writes, 50)), p95_ms: round(percentile(writes, 95)), sequential_msg_s: Math.round((WRITES / wall) * 1000), load: loadavg()[0] });

    // Monthly reports: the national one and a sample of 30 other units.
    const reports = createMonthlyReports({ reports: createMoodReportRepository(db), units, mood, handoffs: createHandoffStatsRepository(db), clock, logger: silentLogger });
    await executeRows(db, sql`insert into mood_reports (unit_id, month, document) select id, '2026-11-01', '{}'::jsonb from units where code <> 'TLD' and id not in (select id from units where code <> 'TLD' order by md5(id::text) limit 30) returning 1`);
    const reportStart = performance.now();
    const made = await reports.generate('2026-11-01');
    const reportMs = performance.now() - reportStart;
    emit({ step: 'monthly reports', units: made.created, ms: Math.round(reportMs), ms_per_unit: Math.round(reportMs / Math.max(1, made.created)), total_units: generated.units, load: loadavg()[0] });
  }
  await database.close();
} finally {
  await benchDatabase.drop();
}
