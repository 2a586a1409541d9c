import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { MoodReportListSchema, MoodSummarySchema } from '../../core/contracts/mood-api.js';
import { createAccounts, TEST_UNITS } from '../support/admin-fixtures.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { shiftedClock } from '../support/shifted-clock.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, waitUntil, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({ 'công ty nợ lương hai tháng rồi': { route: 'question', topic: 'wage_arrears', sentiment: 'negative' } });
const UNITS = [...TEST_UNITS, { parentCode: 'HN-KCN', code: 'A2', name: 'CĐCS A2', level: 'grassroots' as const }];

/**
 * Monthly reports (issue #10 item 6): the daily job of the 1st queues the month's reports, one per unit, stored once
 * whatever restarts, retries or second workers do; listed for a unit and its children, downloadable as generated.
 */
describe.each(testBackends())('stored monthly reports on $name', (backend) => {
  let t: TestPlatform;
  let second: TestPlatform | null = null;
  let tokens: Record<string, string> = {};
  const time = shiftedClock('2026-10-10T09:00:00+07:00');
  const reportRows = async () =>
    executeRows<{ code: string; generated_at: string; members: number | null }>(
      t.database.db,
      sql`select u.code, r.generated_at::text, (r.document->>'members')::int as members from mood_reports r join units u on u.id = r.unit_id where r.month = '2026-10-01' order by u.code`,
    );

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock: time.clock });
    await createAccounts(t, [], UNITS);
    for (let i = 0; i < 6; i++) {
      await fetch(`${t.baseUrl}/api/webchat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), text: 'công ty nợ lương hai tháng rồi', unitCode: 'A1' }),
      });
    }
    await waitForIdle(t.platform.database.db, 60_000);
    // The 1st of November, just after the daily job's hour.
    time.moveTo('2026-11-01T06:05:00+07:00');
    tokens = await createAccounts(t, [['hn@x.vn', 'HN', 'leader'], ['hcm@x.vn', 'HCM', 'officer']], UNITS);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('the daily job of the 1st stores every unit’s report of the month before, with the dashboard’s figures', async () => {
    await t.platform.queue.enqueue('mood.daily', { day: '2026-11-01' }, { jobId: 'mood-daily-2026-11-01-test' });
    const rows = await waitUntil(async () => {
      const stored = await reportRows();
      return stored.length === UNITS.length ? stored : null;
    }, 60_000, 'a report for every unit');
    expect(rows.map((row) => row.code)).toEqual(['A1', 'A2', 'HCM', 'HN', 'HN-KCN', 'TLD']);
    expect(rows.find((row) => row.code === 'A1')?.members).toBe(6);
    // k-anonymity as on the dashboard: HN-KCN's two children are 6 and 0 members: A1's 6 shows, nothing is hidden.
    const [stored] = await executeRows<{ document: unknown }>(t.database.db, sql`select r.document from mood_reports r join units u on u.id = r.unit_id where u.code = 'HCM'`);
    expect(MoodSummarySchema.parse(stored?.document)).toMatchObject({ unit: 'HCM', from: '2026-10-01', to: '2026-10-31', members: 0 });
  });

  it('stores each report once across retries, concurrent runs and a restarted process', async () => {
    const before = await reportRows();
    await Promise.all([t.platform.monthlyReports.generate('2026-10-01'), t.platform.monthlyReports.generate('2026-10-01')]);
    await t.platform.queue.enqueue('mood.reports', { month: '2026-10-01' }, { jobId: 'mood-reports-2026-10-01-again' });
    // A second process on the same database starts its workers on the 3rd: it queues last month's reports again.
    second = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge(), clock: time.clock, database: t.database });
    await waitForIdle(t.platform.database.db);
    expect(await reportRows()).toEqual(before);
    // A unit missing its report (created late) is filled in by the next run, and only that one.
    await t.platform.repositories.units.upsertUnits([{ parentCode: 'HN-KCN', code: 'A3', name: 'CĐCS A3', level: 'grassroots' }]);
    expect(await t.platform.monthlyReports.generate('2026-10-01')).toEqual({ month: '2026-10-01', created: 1 });
    expect((await reportRows()).filter((row) => before.some((b) => b.code === row.code && b.generated_at === row.generated_at))).toHaveLength(before.length);
  });

  it('lists a unit’s report with its children’s, and serves the stored copy as XLSX, CSV and JSON within scope only', async () => {
    const get = (path: string, email = 'hn@x.vn') => fetch(`${t.baseUrl}/api/admin/mood${path}`, { headers: { authorization: `Bearer ${tokens[email]}` } });
    const list = MoodReportListSchema.parse(await (await get('/reports')).json());
    expect(list).toMatchObject({ unit: 'HN', months: ['2026-10-01'], month: '2026-10-01' });
    expect(list.reports.map((r) => r.unit)).toEqual(['HN', 'HN-KCN']);
    expect(list.reports[1]).toMatchObject({ members: 6, suppressed: false, alerts: 0 });
    const kcn = MoodReportListSchema.parse(await (await get('/reports?unit=HN-KCN&month=2026-10-01')).json());
    expect(kcn.reports.map((r) => r.unit)).toEqual(['HN-KCN', 'A1', 'A2', 'A3']);

    const xlsx = await get('/reports/HN-KCN/2026-10-01.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('bao-cao-thang-HN-KCN-2026-10.xlsx');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect(await (await get('/reports/A1/2026-10-01.csv')).text()).toContain('"A1","wage_arrears","negative","6","6","false"');
    expect(MoodSummarySchema.parse(await (await get('/reports/A1/2026-10-01.json')).json()).members).toBe(6);

    expect((await get('/reports/HN/2026-10-01.xlsx', 'hcm@x.vn')).status).toBe(404);
    expect((await get('/reports?unit=HN', 'hcm@x.vn')).status).toBe(404);
    expect((await get('/reports/HN/2026-09-01.xlsx')).status).toBe(404);
    expect((await get('/reports/HN/2026-10-05.xlsx')).status).toBe(422);
    expect((await get('/reports?month=2026-10-05')).status).toBe(422);
  });
});
