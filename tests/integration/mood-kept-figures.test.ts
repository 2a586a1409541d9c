import { sql } from 'drizzle-orm';
import { generateDemo } from '../../bots/demo/demo-generator.js';
import { createMoodService, publishedPeriodOf, type MoodService, type MoodSummaryRequest } from '../../bots/mood/mood-service.js';
import { createMoodWarmup } from '../../bots/mood/mood-warmup.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createMoodPeriodCache, invalidateAllMoodPeriods } from '../../bots/storage/repositories/mood-period-cache.js';
import { recordMood, recordMoodBatch, type MoodRecord } from '../../bots/storage/repositories/mood-repository.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';
import { silentLogger } from '../../core/ports/logger.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Kept figures (docs/decisions.md D-mood-12): a summary answered from the figures kept for a closed period is the very
 * same document, byte for byte, as the one computed from the rollups, for every level, period, bucket and filter; a
 * write into a kept period's days or a rebuild makes the summary be computed again.
 */
const NOW = new Date('2026-12-03T09:00:00+07:00');
const NOVEMBER: [string, string, 'week'] = ['2026-11-01', '2026-11-30', 'week'];
const PERIODS: [string, string, 'week' | 'month'][] = [
  NOVEMBER,
  ['2026-09-01', '2026-11-30', 'week'],
  ['2026-06-01', '2026-11-30', 'month'],
  ['2026-10-09', '2026-11-20', 'week'],
  ['2026-07-03', '2026-08-17', 'month'],
  ...DASHBOARD_PERIODS.map((period): [string, string, 'week' | 'month'] => {
    const range = dashboardPeriodRange(period, NOW);
    return [range.from, range.to, range.bucket];
  }),
];
const FILTERS: { channel?: string; topic?: string }[] = [{}, { channel: 'zalo' }, { topic: 'wages' }, { channel: 'messenger', topic: 'social_insurance' }];

describe.each(testBackends())('kept mood figures on $name', (backend) => {
  let t: TestPlatform;
  let kept: MoodService;
  let computed: MoodService;
  const requests: Omit<MoodSummaryRequest, 'includeExcluded'>[] = [];
  let national: MoodSummaryRequest['unit'];

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    await generateDemo(t.database.db, { members: 1500, messages: 9000, seed: 23, days: 200, endDay: '2026-11-30' });
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    const units = t.platform.repositories.units;
    const clock = { now: () => NOW };
    kept = createMoodService({ db: t.database.db, units, k: 5, clock });
    computed = createMoodService({ db: t.database.db, units, k: 5, clock, keepFigures: false });
    const picked = await executeRows<{ code: string }>(
      t.database.db,
      sql`select distinct on (level) code from units order by level, (select count(*) from units c where c.path like units.path || '%') desc, code`,
    );
    expect(picked.length).toBe(4);
    // Each level and period unfiltered, and with one of the filters, rotated so that every level and every period
    // meets every filter: half of the full product, which computed the same code paths over again (CI's slowest
    // suite). The unfiltered view of the same unit and period stays, so a kept key that forgot the channel or the
    // topic would hand the filtered request the unfiltered figures and fail.
    for (const [level, { code }] of picked.entries()) {
      const unit = (await units.findByCode(code))!;
      if (unit.level === 'national') national = unit;
      for (const [index, [from, to, bucket]] of PERIODS.entries()) {
        for (const filter of [FILTERS[0], FILTERS[1 + ((level + index) % (FILTERS.length - 1))]]) requests.push({ unit, from, to, bucket, ...filter });
      }
    }
  }, 240_000);
  afterAll(async () => t?.close());

  const bytes = async (service: MoodService, request: Omit<MoodSummaryRequest, 'includeExcluded'>) => JSON.stringify(await service.summary({ ...request, includeExcluded: true }));

  it('answers every level, period and filter from kept figures with the same bytes as computed from the rollups', async () => {
    for (const request of requests) {
      const label = `${request.unit.code} ${request.from}..${request.to} ${request.bucket} ${request.channel ?? '-'} ${request.topic ?? '-'}`;
      const fresh = await bytes(computed, request);
      expect({ label, document: await bytes(kept, request) }).toEqual({ label, document: fresh }); // computes and keeps
      expect({ label, document: await bytes(kept, request) }).toEqual({ label, document: fresh }); // reads the kept figures
    }
    const [count] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mood_period_cache`);
    expect(Number(count?.n)).toBeGreaterThan(0);
  }, 600_000);

  it('computes again after a message is recorded into a kept period, or after a rebuild', async () => {
    const [from, to, bucket] = NOVEMBER;
    const request = { unit: national, from, to, bucket };
    const before = await bytes(kept, request);
    const covering = async () =>
      Number((await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mood_period_cache where from_day <= '2026-11-10' and to_day >= '2026-11-10'`))[0]?.n);
    expect(await covering()).toBeGreaterThan(0);
    // Six new members of one grassroots union write on 10 November (late, as after an outage): the kept figures go.
    const [unit] = await executeRows<{ id: string }>(t.database.db, sql`select id from units where level = 'grassroots' order by code limit 1`);
    for (let i = 0; i < 6; i++) {
      const memberId = `00000000-0000-4000-8000-00000000000${i}`;
      await t.database.db.transaction((tx) => recordMood(tx, { day: '2026-11-10', unitId: unit!.id, memberPseudonym: memberId, channel: 'zalo', capture: { kind: 'counted', topic: 'safety', sentiment: 'negative', weight: 1 } }));
    }
    expect(await covering()).toBe(0);
    const after = await bytes(kept, request);
    expect(after).toBe(await bytes(computed, request));
    expect(JSON.parse(after).members).toBe(JSON.parse(before).members + 6);
    // The rebuild recomputes the rollups from the messages (the six above were never messages): kept figures go too.
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    expect(await bytes(kept, request)).toBe(before);
    expect(await bytes(kept, request)).toBe(await bytes(computed, request));
  }, 120_000);

  it('never reads figures computed before a rebuild that committed while they were being computed', async () => {
    const cache = createMoodPeriodCache(t.database.db);
    const key = { scopePath: '/nowhere/', from: '2026-11-01', to: '2026-11-30' };
    const stale = await cache.answer('excluded', key, async () => {
      await invalidateAllMoodPeriods(t.database.db);
      return { stale: 1 };
    });
    expect(stale).toEqual({ stale: 1 });
    expect(await cache.answer('excluded', key, async () => ({ fresh: 1 }))).toEqual({ fresh: 1 });
    expect(await cache.answer('excluded', key, async () => ({ again: 1 }))).toEqual({ fresh: 1 });
  });
});

/**
 * The warmup's reach (every unit with units below it, the dashboard's periods, all channels and each) does not depend
 * on the data's size: a small tree of three levels proves it with 80 summaries instead of the demo organisation's
 * ~1,900 (93 parent units, five channels), which took two thirds of this file's time.
 */
describe.each(testBackends())('mood figures computed ahead on $name', (backend) => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    const { units } = t.platform.repositories;
    await units.upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'TLD', code: 'YT', name: 'Công đoàn Y tế Việt Nam', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'Công đoàn các KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'HN-KCN-1', name: 'Công đoàn Công ty May 1', level: 'grassroots' },
      { parentCode: 'HN-KCN', code: 'HN-KCN-2', name: 'Công đoàn Công ty Điện tử 2', level: 'grassroots' },
      { parentCode: 'YT', code: 'YT-HN', name: 'Công đoàn Y tế Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'YT-HN', code: 'YT-BV', name: 'Công đoàn Bệnh viện Bạch Mai', level: 'grassroots' },
    ]);
    // Eight members in each grassroots union write on three channels, once a fortnight over the year before NOW.
    const records: MoodRecord[] = [];
    const channels = ['zalo', 'messenger', 'web'];
    for (const [u, code] of ['HN-KCN-1', 'HN-KCN-2', 'YT-BV'].entries()) {
      const unitId = (await units.findByCode(code))!.id;
      for (let member = 0; member < 8; member++) {
        for (let fortnight = 0; fortnight < 26; fortnight++) {
          const day = new Date(Date.parse('2026-11-30T00:00:00Z') - (fortnight * 14 + member) * 86_400_000).toISOString().slice(0, 10);
          const memberPseudonym = `00000000-0000-4000-8000-${String(u * 100 + member).padStart(12, '0')}`;
          const sentiment = (member + fortnight) % 3 === 0 ? 'negative' : 'neutral';
          records.push({ day, unitId, memberPseudonym, channel: channels[(member + fortnight) % 3]!, capture: { kind: 'counted', topic: fortnight % 2 ? 'wages' : 'safety', sentiment, weight: 1 } });
        }
      }
    }
    await t.database.db.transaction((tx) => recordMoodBatch(tx, records));
  }, 120_000);
  afterAll(async () => t?.close());

  it('computes ahead the dashboard’s periods of every unit with units below it, all channels and each, once', async () => {
    const { units } = t.platform.repositories;
    const kept = createMoodService({ db: t.database.db, units, k: 5, clock: { now: () => NOW } });
    const warmup = createMoodWarmup({ db: t.database.db, units, mood: kept, clock: { now: () => NOW }, logger: silentLogger });
    const count = async (query: ReturnType<typeof sql>) => Number((await executeRows<{ n: number }>(t.database.db, query))[0]?.n);
    const parents = await count(sql`select count(*)::int as n from units u where exists (select 1 from units c where c.parent_id = u.id)`);
    const channels = await count(sql`select count(distinct channel)::int as n from mood_daily`);
    expect([parents, channels]).toEqual([5, 3]);
    const first = await warmup.run();
    // The 30-day view and the previous month are the same days on 3 December: one view, assembled once (D-mood-17).
    const views = new Set(
      DASHBOARD_PERIODS.map((period) => {
        const range = dashboardPeriodRange(period, NOW);
        const { from, to, previous } = publishedPeriodOf(range, NOW);
        return JSON.stringify([from, to, previous, range.bucket]);
      }),
    );
    expect(first.summaries).toBe(parents * views.size * (1 + channels));
    const keptRows = await count(sql`select count(*)::int as n from mood_period_cache`);
    expect(keptRows).toBeGreaterThan(0);
    // The dashboard's national view of every usual period is read from them (nothing new is kept), and a second
    // run finds everything kept (it computes and assembles nothing).
    const national = (await units.findByCode('TLD'))!;
    for (const period of DASHBOARD_PERIODS) await kept.summary({ unit: national, ...dashboardPeriodRange(period, NOW), includeExcluded: true });
    expect(await count(sql`select count(*)::int as n from mood_period_cache`)).toBe(keptRows);
    expect(await warmup.run()).toMatchObject({ summaries: 0, levelReads: 0 });
    expect(await count(sql`select count(*)::int as n from mood_period_cache`)).toBe(keptRows);
  }, 120_000);
});
