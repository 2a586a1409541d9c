import { runCli } from '../../bots/cli/main.js';
import { openDatabase } from '../../bots/storage/database.js';
import { createMoodReportRepository } from '../../bots/storage/repositories/mood-report-repository.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { MoodSummarySchema } from '../../core/contracts/mood-api.js';
import { testBackends, type TestDatabase } from '../support/backends.js';
import { captureCli } from '../support/cli-capture.js';
import { closeCliStore, openCliStore } from '../support/cli-store.js';

const capture = (env: Record<string, string>) => captureCli(env);

describe.each(testBackends())('congdoan demo generate and mood report on $name', (backend) => {
  let dir: string;
  let database: TestDatabase | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ dir, env, database } = await openCliStore(backend, 'cd-mood-'));
  });
  afterAll(() => closeCliStore({ dir, database }));

  it('generates an organisation and history, then prints the k-anonymous summary of a subtree', async () => {
    const generate = capture(env);
    expect(await runCli(['demo', 'generate', '--members', '400', '--messages', '4000', '--seed', '3', '--end', '2026-11-30', '--days', '120', '--format', 'json'], generate.io)).toBe(0);
    const result = JSON.parse(generate.out[0] as string) as { units: number; members: number; messages: number; rebuild_ms: number };
    expect(result).toMatchObject({ members: 400, messages: 4000 });
    expect(result.units).toBeGreaterThanOrEqual(200);

    const report = capture(env);
    expect(await runCli(['mood', 'report', '--unit', 'TLD', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json'], report.io)).toBe(0);
    const document = MoodSummarySchema.parse(JSON.parse(report.out[0] as string));
    expect(Object.keys(document).slice(0, 8)).toEqual(['unit', 'from', 'to', 'k', 'members', 'mood_index', 'cells', 'alerts']);
    expect(document).toMatchObject({ unit: 'TLD', from: '2026-11-01', to: '2026-11-30', k: 5 });
    expect(document.members).toBeGreaterThan(50);
    // Small groups exist in a 400-member organisation: they are hidden, with their counts null.
    const hidden = document.cells.filter((cell) => cell.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const cell of hidden) expect(cell).toMatchObject({ members: null, messages: null });
    for (const cell of document.cells.filter((c) => !c.suppressed)) expect(cell.members).toBeGreaterThanOrEqual(5);

    const rebuild = capture(env);
    expect(await runCli(['mood', 'rebuild', '--format', 'json'], rebuild.io)).toBe(0);
    const again = capture(env);
    await runCli(['mood', 'report', '--unit', 'TLD', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json'], again.io);
    expect(JSON.parse(again.out[0] as string)).toEqual(JSON.parse(report.out[0] as string));
  }, 180_000);

  it('files again the stored monthly reports of the months a new demo history covers, and only those', async () => {
    // Reports filed before the history existed (as the first start files last month's): June and a month outside.
    for (const month of ['2026-06-01', '2025-01-01']) {
      const filed = capture(env);
      expect(await runCli(['mood', 'reports', '--month', month, '--format', 'json'], filed.io)).toBe(0);
      expect((JSON.parse(filed.out[0] as string) as { created: number }).created).toBeGreaterThan(0);
    }
    const nationalJune = async () => {
      const opened = await openDatabase(backend.name === 'postgres' ? { databaseUrl: env.DATABASE_URL as string } : { dataDir: env.DATA_DIR as string });
      try {
        const national = (await createUnitRepository(opened.db).findByCode('TLD'))!;
        const reports = createMoodReportRepository(opened.db);
        return { june: (await reports.find(national.id, '2026-06-01'))?.document, january: (await reports.find(national.id, '2025-01-01'))?.generatedAt };
      } finally {
        await opened.close();
      }
    };
    const before = await nationalJune();
    expect(before.june?.members ?? 0).toBe(0);

    const generate = capture(env);
    expect(await runCli(['demo', 'generate', '--members', '300', '--messages', '3000', '--seed', '4', '--end', '2026-07-31', '--days', '60', '--format', 'json'], generate.io)).toBe(0);
    // July has not been filed (no report was stored for it), so only June is filed again.
    expect((JSON.parse(generate.out[0] as string) as { reports_refiled: string[] }).reports_refiled).toEqual(['2026-06-01']);
    const after = await nationalJune();
    expect(after.june?.members).toBeGreaterThan(5);
    // A month the new history does not reach keeps its filed report as it was.
    expect(after.january).toEqual(before.january);
  }, 180_000);

  it('rejects an unknown unit and a bad date with exit code 2', async () => {
    const unknown = capture(env);
    expect(await runCli(['mood', 'report', '--unit', 'NOPE', '--format', 'json'], unknown.io)).toBe(2);
    expect(unknown.err.join('')).toContain('UNIT_NOT_FOUND');
    const bad = capture(env);
    expect(await runCli(['mood', 'report', '--unit', 'TLD', '--from', '2026-13-01', '--format', 'json'], bad.io)).toBe(2);
  });
});
