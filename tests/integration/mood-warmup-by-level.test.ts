import { sql } from 'drizzle-orm';
import { createMoodLevelWarmup } from '../../bots/mood/mood-level-warmup.js';
import { createMoodService, publishedPeriodOf, type MoodService, type MoodSummaryRequest } from '../../bots/mood/mood-service.js';
import { createMoodWarmup } from '../../bots/mood/mood-warmup.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createMoodRepository, moodChannels, recordMoodBatch, type MoodRecord } from '../../bots/storage/repositories/mood-repository.js';
import { unpackRows, type PackedRows } from '../../bots/storage/repositories/packed-rows.js';
import { createUnitRepository, type UnitRecord } from '../../bots/storage/repositories/unit-repository.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';
import { silentLogger } from '../../core/ports/logger.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';

/**
 * The daily job's figures computed by level (docs/decisions.md D-mood-15) are the per-unit ones: every answer the
 * reads by level keep equals what the unit's own read returns, and every summary of every parent unit, period and
 * channel filter is then read from them (nothing more is computed) and is byte for byte the document computed from
 * the rollups with nothing kept. A tree of three levels of parents, whose units hold members themselves too, with
 * groups below k, on two days (different periods and grids).
 */
const K = 5;
const CLOCKS = [new Date('2026-12-03T09:00:00+07:00'), new Date('2026-10-17T09:00:00+07:00')];
const CHANNELS = ['zalo', 'messenger', 'web'];
const TOPICS = ['wages', 'safety', 'social_insurance'];
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const REASONS = ['spam', 'injection', 'low_confidence'] as const;

// Members per unit (some units small enough that their cells, or the whole unit, are suppressed), ones attached to a
// province and to an upper-grassroots union themselves (the scope's own row, child ''), none to the national unit.
const MEMBERS: Record<string, number> = { 'HN-KCN-1': 14, 'HN-KCN-2': 6, 'HN-KCN-3': 3, 'HN-KCN': 4, 'HN-Q1-A': 11, 'HN-Q1-B': 9, HN: 6, 'YT-BV': 18, 'YT-K': 2, 'DN-1': 8 };

describe.each(testBackends())('mood figures computed ahead by level on $name', (backend) => {
  let database: TestDatabase;
  let units: ReturnType<typeof createUnitRepository>;
  let parents: UnitRecord[];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    units = createUnitRepository(database.db);
    await units.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'TLD', code: 'YT', name: 'Công đoàn Y tế Việt Nam', level: 'province_or_sector' },
      { parentCode: 'TLD', code: 'DN', name: 'LĐLĐ Đà Nẵng', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'Công đoàn các KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN', code: 'HN-Q1', name: 'LĐLĐ quận Hoàn Kiếm', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'HN-KCN-1', name: 'CĐCS May 1', level: 'grassroots' },
      { parentCode: 'HN-KCN', code: 'HN-KCN-2', name: 'CĐCS Điện tử 2', level: 'grassroots' },
      { parentCode: 'HN-KCN', code: 'HN-KCN-3', name: 'CĐCS Cơ khí 3', level: 'grassroots' },
      { parentCode: 'HN-Q1', code: 'HN-Q1-A', name: 'CĐCS Khách sạn A', level: 'grassroots' },
      { parentCode: 'HN-Q1', code: 'HN-Q1-B', name: 'CĐCS Ngân hàng B', level: 'grassroots' },
      { parentCode: 'YT', code: 'YT-HN', name: 'Công đoàn Y tế Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'YT-HN', code: 'YT-BV', name: 'CĐCS Bệnh viện Bạch Mai', level: 'grassroots' },
      { parentCode: 'YT-HN', code: 'YT-K', name: 'CĐCS Bệnh viện K', level: 'grassroots' },
      { parentCode: 'DN', code: 'DN-KCN', name: 'Công đoàn các KCN Đà Nẵng', level: 'upper_grassroots' },
      { parentCode: 'DN-KCN', code: 'DN-1', name: 'CĐCS Cảng Đà Nẵng', level: 'grassroots' },
    ]);
    // A fixed pseudo-random spread over the 16 months before the later clock: members write on a few days each, on
    // varying channels, topics and sentiments; a few messages of each unit are excluded (spam, injection, unsure).
    let seed = 20261203;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const records: MoodRecord[] = [];
    for (const [u, [code, count]] of Object.entries(MEMBERS).entries()) {
      const unitId = (await units.findByCode(code))!.id;
      for (let member = 0; member < count; member++) {
        const memberPseudonym = `00000000-0000-4000-8000-${String(u * 1000 + member).padStart(12, '0')}`;
        const writes = 3 + next(10);
        for (let i = 0; i < writes; i++) {
          const day = new Date(Date.parse('2026-11-30T00:00:00Z') - next(480) * 86_400_000).toISOString().slice(0, 10);
          const channel = CHANNELS[next(CHANNELS.length)]!;
          records.push({ day, unitId, memberPseudonym, channel, capture: { kind: 'counted', topic: TOPICS[next(TOPICS.length)]!, sentiment: SENTIMENTS[next(3)]!, weight: 1 + next(3) } });
          if (next(6) === 0) records.push({ day, unitId, memberPseudonym, channel, capture: { kind: 'excluded', reason: REASONS[next(3)]! } });
        }
      }
    }
    await database.db.transaction((tx) => recordMoodBatch(tx, records));
    const all = await units.listSubtree('/');
    const withChildren = new Set(all.map((unit) => unit.parentId));
    parents = all.filter((unit) => withChildren.has(unit.id));
    expect(parents.map((unit) => unit.code).sort()).toEqual(['DN', 'DN-KCN', 'HN', 'HN-KCN', 'HN-Q1', 'TLD', 'YT', 'YT-HN']);
    expect(new Set(parents.map((unit) => unit.path.length)).size).toBe(3);
  }, 120_000);
  afterAll(async () => database?.close());

  const keptCount = async () => Number((await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from mood_period_cache`))[0]?.n);

  /** Each kept answer, recomputed by the unit's own read (the repository's per-unit methods): the same value. */
  async function expectEveryKeptAnswerPerUnit(): Promise<number> {
    const repository = createMoodRepository(database.db);
    const rows = await executeRows<{ kind: string; scope_key: string; payload: string }>(database.db, sql`select kind, scope_key, payload from mood_period_cache order by kind, scope_key`);
    const sorted = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort();
    for (const row of rows) {
      const [scopePath, from, to, channel, , bucket] = JSON.parse(row.scope_key) as [string, string, string, string | null, string | null, 'week' | 'month' | null];
      const scope = { scopePath, from, to, ...(channel ? { channel } : {}) };
      const kept = JSON.parse(row.payload) as unknown;
      const label = `${row.kind} ${row.scope_key}`;
      if (row.kind.startsWith('aggregate')) {
        const options = { byChannel: row.kind.endsWith('by_channel'), unitsOnly: row.kind.startsWith('aggregate_units') };
        expect({ label, rows: sorted(unpackRows(kept as PackedRows)) }).toEqual({ label, rows: sorted(await repository.aggregate(scope, options)) });
      } else if (row.kind === 'topic_members') {
        expect({ label, rows: sorted(kept as unknown[]) }).toEqual({ label, rows: sorted([...(await repository.topicMembers(scope))]) });
      } else if (row.kind === 'trend') {
        expect({ label, rows: kept }).toEqual({ label, rows: await repository.trend(scope, bucket ?? 'week') });
      } else {
        expect({ label, rows: kept }).toEqual({ label, rows: await repository.excluded(scope) });
      }
    }
    return rows.length;
  }

  it.each(CLOCKS.map((now) => [now.toISOString().slice(0, 10), now] as const))(
    'keeps, on %s, the answers each unit’s own reads give, and every parent’s summaries are read from them unchanged',
    async (_day, now) => {
      await executeRows(database.db, sql`delete from mood_period_cache returning 1`);
      const channels = await moodChannels(database.db);
      expect(channels.sort()).toEqual([...CHANNELS].sort());
      const levels = createMoodLevelWarmup({ db: database.db });
      let reads = 0;
      for (const period of DASHBOARD_PERIODS) {
        const range = dashboardPeriodRange(period, now);
        reads += (await levels.keep(parents, { ...publishedPeriodOf(range, now), bucket: range.bucket }, channels)).reads;
      }
      // At most seven reads (five queries, two by channel) per depth and period: three depths, four periods; fewer
      // when two of the dashboard's periods snap to the same days (the later one finds its answers kept).
      expect(reads).toBeGreaterThanOrEqual(7 * 3 * 2);
      expect(reads).toBeLessThanOrEqual(7 * 3 * DASHBOARD_PERIODS.length);
      const keptByLevel = await keptCount();
      expect(await expectEveryKeptAnswerPerUnit()).toBeGreaterThan(parents.length * DASHBOARD_PERIODS.length);

      const clock = { now: () => now };
      const kept: MoodService = createMoodService({ db: database.db, units, k: K, clock });
      const computed: MoodService = createMoodService({ db: database.db, units, k: K, clock, keepFigures: false });
      let suppressed = 0;
      for (const unit of parents) {
        for (const period of DASHBOARD_PERIODS) {
          for (const channel of [undefined, ...channels]) {
            const request: MoodSummaryRequest = { unit, ...dashboardPeriodRange(period, now), channel, includeExcluded: true };
            const label = `${unit.code} ${period} ${channel ?? '-'}`;
            const fresh = JSON.stringify(await computed.summary(request));
            expect({ label, document: JSON.stringify(await kept.summary(request)) }).toEqual({ label, document: fresh });
            suppressed += (fresh.match(/"suppressed":true/g) ?? []).length;
          }
        }
      }
      // Groups below k are present (the privacy rules were exercised), and no summary had to compute anything: every
      // answer it looked up had been kept by level.
      expect(suppressed).toBeGreaterThan(20);
      expect(await keptCount()).toBe(keptByLevel);
    },
    300_000,
  );

  it.each([
    ['one read a level', undefined],
    ['chunks of one unit', 1],
    ['chunks of two units', 2],
  ] as const)(
    'the daily job (%s) assembles every parent’s summaries from what it computed by level, as the per-unit computation does; a second run computes nothing',
    async (_label, chunkRoots) => {
      await executeRows(database.db, sql`delete from mood_period_cache returning 1`);
      const now = CLOCKS[0]!;
      const clock = { now: () => now };
      const mood = createMoodService({ db: database.db, units, k: K, clock });
      const computed = createMoodService({ db: database.db, units, k: K, clock, keepFigures: false });
      const warmup = createMoodWarmup({ db: database.db, units, mood, clock, logger: silentLogger, ...(chunkRoots ? { chunkRoots } : {}) });
      const assembled: [MoodSummaryRequest, string][] = [];
      const first = await warmup.run({ onSummary: (request, document) => assembled.push([request, JSON.stringify(document)]) });
      expect(first.levelReads).toBeGreaterThanOrEqual(7 * 3 * 2 * (chunkRoots ? 2 : 1));
      // Two of the dashboard's periods that snap to the same days and bucket are one view: its documents are assembled
      // once (the second finds every answer kept and computes nothing).
      const views = new Set(
        DASHBOARD_PERIODS.map((period) => {
          const range = dashboardPeriodRange(period, now);
          const { from, to, previous } = publishedPeriodOf(range, now);
          return JSON.stringify([from, to, previous, range.bucket]);
        }),
      );
      expect(views.size).toBe(DASHBOARD_PERIODS.length - 1);
      expect(first.summaries).toBe(parents.length * views.size * (1 + CHANNELS.length));
      expect(assembled).toHaveLength(first.summaries);
      const kept = await keptCount();
      // Every document the job assembled is byte for byte the one computed from the rollups with nothing kept, and
      // the dashboard's own summary then reads it from the kept figures without computing anything.
      for (const [request, document] of assembled) {
        const label = `${request.unit.code} ${request.from}..${request.to} ${request.channel ?? '-'}`;
        const fresh = JSON.stringify(await computed.summary(request));
        expect({ label, document }).toEqual({ label, document: fresh });
        expect({ label, document: JSON.stringify(await mood.summary(request)) }).toEqual({ label, document: fresh });
      }
      expect(await keptCount()).toBe(kept);
      const second = await warmup.run();
      expect([second.levelReads, second.summaries, await keptCount()]).toEqual([0, 0, kept]);
    },
    300_000,
  );

  it.each([
    ['by level', true],
    ['per unit', false],
  ] as const)(
    'the daily job (%s) builds every summary it counts when nobody watches the documents (no onSummary, as in production)',
    async (_label, byLevel) => {
      await executeRows(database.db, sql`delete from mood_period_cache returning 1`);
      const clock = { now: () => CLOCKS[0]! };
      const mood = createMoodService({ db: database.db, units, k: K, clock });
      let built = 0;
      const counted = <R, D>(summary: (request: R) => Promise<D>) => async (request: R) => {
        const document = await summary(request);
        built++;
        return document;
      };
      const watched: MoodService = { ...mood, summary: counted(mood.summary), summariesFrom: (answers) => counted(mood.summariesFrom(answers)) };
      const result = await createMoodWarmup({ db: database.db, units, mood: watched, clock, logger: silentLogger }).run({ byLevel });
      expect(result.summaries).toBeGreaterThan(0);
      expect(built).toBe(result.summaries);
    },
    300_000,
  );
});
