import { sql } from 'drizzle-orm';
import { runCli } from '../../bots/cli/main.js';
import { createMoodService } from '../../bots/mood/mood-service.js';
import { openDatabase } from '../../bots/storage/database.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createMoodAlertRepository } from '../../bots/storage/repositories/mood-alert-repository.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { parseEnv } from '../../core/config/env-schema.js';
import { systemClock } from '../../core/ports/clock.js';
import { AccessLogResponseSchema } from '../../core/contracts/privacy-api.js';
import { retentionCutoff } from '../../core/privacy/retention.js';
import { testBackends, type TestDatabase } from '../support/backends.js';
import { captureCli } from '../support/cli-capture.js';
import { closeCliStore, openCliStore } from '../support/cli-store.js';

const capture = (env: Record<string, string>) => captureCli(env);

const DAY_MS = 86_400_000;
const vietnamDay = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);

describe.each(testBackends())('congdoan privacy purge and access-log on $name', (backend) => {
  let dir: string;
  let database: TestDatabase | null = null;
  let env: Record<string, string>;

  async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const run = capture(env);
    const code = await runCli(args, run.io);
    return { code, out: run.out, err: run.err };
  }
  async function json<T>(args: string[]): Promise<T> {
    const run = await cli([...args, '--format', 'json']);
    if (run.code !== 0) throw new Error(`${args.join(' ')} failed: ${run.err.join('\n')}`);
    return JSON.parse(run.out[0] as string) as T;
  }

  beforeAll(async () => {
    ({ dir, env, database } = await openCliStore(backend, 'cd-privacy-'));
  });
  afterAll(() => closeCliStore({ dir, database }));

  it('deletes messages older than the retention period while every mood figure, before and after a rebuild, stays the same', async () => {
    const today = vietnamDay(Date.now());
    // Many members writing rarely: each week brings members new to any period, so no figure of these periods
    // falls under the k-rules that protect a week from being isolated by subtraction (D-mood-7).
    await json(['demo', 'generate', '--members', '1000', '--messages', '3000', '--seed', '5', '--end', today, '--days', '700']);
    const { horizonDay } = retentionCutoff(new Date(), 12);
    const dayBefore = (day: string, days: number) => vietnamDay(Date.parse(`${day}T00:00:00+07:00`) - days * DAY_MS);
    // Periods wholly before the horizon, straddling it, and wholly after it (the whole history too).
    const periods = [
      [dayBefore(horizonDay, 120), dayBefore(horizonDay, 60)],
      [dayBefore(horizonDay, 30), dayBefore(horizonDay, -30)],
      [dayBefore(today, 60), today],
      [dayBefore(today, 700), today],
    ] as const;
    // The figures of the four periods, read four times, through the service `congdoan mood report` prints (wired the
    // same way) on one opening of the store: on the embedded store each command opens and closes the database,
    // which made 16 reports a third of this suite's time. The command itself prints the same document (below).
    const reports = async () => {
      const opened = await openDatabase(backend.name === 'postgres' ? { databaseUrl: env.DATABASE_URL as string } : { dataDir: env.DATA_DIR as string });
      try {
        const units = createUnitRepository(opened.db);
        const mood = createMoodService({ db: opened.db, units, k: parseEnv(env).K_ANONYMITY, clock: systemClock, listAlerts: createMoodAlertRepository(opened.db).listForSummary });
        const unit = (await units.findByCode('TLD'))!;
        // Computed from the rollups every time, never read from the kept figures (D-mood-12): a kept summary made
        // before the purge would still match if the purge had wrongly deleted rollup rows.
        await executeRows(opened.db, sql`delete from mood_period_cache returning 1`);
        const figures: Record<string, unknown>[] = [];
        for (const [from, to] of periods) figures.push(JSON.parse(JSON.stringify(await mood.summary({ unit, from, to, bucket: 'month', includeExcluded: true }))) as Record<string, unknown>);
        return figures;
      } finally {
        await opened.close();
      }
    };
    const before = await reports();
    expect((before[0] as { members: number | null }).members).toBeGreaterThan(20);

    type Report = { dryRun: boolean; months: number; messages: number; learningItems: number; cutoff: string; horizonDay: string };
    const dryRun = await json<Report>(['privacy', 'purge', '--dry-run', '--months', '12']);
    expect(dryRun).toMatchObject({ dryRun: true, months: 12, horizonDay });
    expect(dryRun.messages).toBeGreaterThan(300);
    // A dry run deletes nothing: the same count again.
    expect((await json<Report>(['privacy', 'purge', '--dry-run', '--months', '12'])).messages).toBe(dryRun.messages);

    const purged = await json<Report>(['privacy', 'purge', '--months', '12']);
    expect(purged).toMatchObject({ dryRun: false, messages: dryRun.messages, learningItems: dryRun.learningItems, horizonDay });
    expect((await json<Report>(['privacy', 'purge', '--dry-run', '--months', '12'])).messages).toBe(0);
    // Recent messages are all still there.
    expect((await json<Report>(['privacy', 'purge', '--dry-run', '--months', '6'])).messages).toBeGreaterThan(100);

    expect(await reports()).toEqual(before);
    // A rebuild from the remaining messages recomputes only the days they cover; older figures stay as they were.
    await json(['mood', 'rebuild']);
    expect(await reports()).toEqual(before);
    await json(['mood', 'rebuild', '--from', dayBefore(horizonDay, 400), '--to', dayBefore(horizonDay, 1)]);
    expect(await reports()).toEqual(before);
    const [from, to] = periods[1];
    expect(await json(['mood', 'report', '--unit', 'TLD', '--from', from, '--to', to, '--bucket', 'month'])).toEqual(before[1]);

    // The run is in the audit log with its counts (no content).
    const text = await cli(['privacy', 'purge', '--months', '12']);
    expect(text.code).toBe(0);
    expect(text.out[0]).toMatch(/^deleted 0 messages, 0 learning-queue items, 0 officer notes, 0 delivery records handled before /);
  }, 420_000);

  it('refuses bad options with exit code 2 and changes nothing', async () => {
    for (const args of [['--months', '0'], ['--months', 'abc'], ['--months', '1.5'], ['--format', 'xml']]) {
      const run = await cli(['privacy', 'purge', ...args]);
      expect(run.code).toBe(2);
    }
    expect((await json<{ messages: number }>(['privacy', 'purge', '--dry-run', '--months', '6'])).messages).toBeGreaterThan(100);
  });

  it('lists who accessed a member, including the CLI itself, and refuses unknown members', async () => {
    const opened = await openDatabase(backend.name === 'postgres' ? { databaseUrl: env.DATABASE_URL as string } : { dataDir: env.DATA_DIR as string });
    let memberId: string;
    try {
      const [row] = await executeRows<{ id: string }>(opened.db, sql`select id from members order by id limit 1`);
      memberId = row!.id;
    } finally {
      await opened.close();
    }
    expect((await cli(['member', 'export', '--member', memberId])).code).toBe(0);
    const log = AccessLogResponseSchema.parse(await json(['privacy', 'access-log', '--member', memberId]));
    expect(log.member).toEqual({ id: memberId, erased: false });
    expect(log.items.map((item) => [item.actor, item.action, item.purpose])).toEqual([
      ['cli', 'member_access_log', 'accountability'],
      ['cli', 'member_export', 'data_request'],
    ]);
    const text = await cli(['privacy', 'access-log', '--member', memberId]);
    // Newest first: this look, the JSON look, then the export.
    expect(text.out).toHaveLength(3);
    expect(text.out[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+ {2}cli {2}member_export {2}data_request {2}GET \/api\/admin\/members\/:id\/export$/);

    const unknown = await cli(['privacy', 'access-log', '--channel', 'web', '--user', 'nobody-here', '--format', 'json']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('')).toContain('NOT_FOUND');
    expect((await cli(['privacy', 'access-log', '--member', 'not-a-uuid'])).code).toBe(2);
    expect((await cli(['privacy', 'access-log'])).code).toBe(2);
  });
});

describe.each(testBackends())('congdoan privacy access-log on a fresh database ($name)', (backend) => {
  let dir: string;
  let database: TestDatabase | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ dir, env, database } = await openCliStore(backend, 'cd-access-log-'));
  });
  afterAll(() => closeCliStore({ dir, database }));

  it('reads the log without creating the mood pseudonym key, which only mood writes and erasure need (D-privacy-8)', async () => {
    const opened = await openDatabase(backend.name === 'postgres' ? { databaseUrl: env.DATABASE_URL as string } : { dataDir: env.DATA_DIR as string });
    let memberId: string;
    try {
      const [member] = await executeRows<{ id: string }>(opened.db, sql`insert into members (display_name) values ('Đoàn viên mới') returning id`);
      memberId = member!.id;
      await executeRows(opened.db, sql`insert into channel_identities (member_id, channel, platform_user_id) values (${memberId}::uuid, 'web', 'phien-moi-1')`);
      expect(await executeRows(opened.db, sql`select key from app_settings where key = 'mood_pseudonym_key'`)).toEqual([]);
    } finally {
      await opened.close();
    }

    const run = captureCli(env);
    expect(await runCli(['privacy', 'access-log', '--channel', 'web', '--user', 'phien-moi-1', '--format', 'json'], run.io)).toBe(0);
    const log = AccessLogResponseSchema.parse(JSON.parse(run.out[0] as string));
    expect(log.member).toEqual({ id: memberId, erased: false });
    expect(log.items.map((item) => [item.actor, item.action])).toEqual([['cli', 'member_access_log']]);
    const text = captureCli(env);
    expect(await runCli(['privacy', 'access-log', '--member', memberId], text.io)).toBe(0);
    expect(text.out).toHaveLength(2);

    const reopened = await openDatabase(backend.name === 'postgres' ? { databaseUrl: env.DATABASE_URL as string } : { dataDir: env.DATA_DIR as string });
    try {
      expect(await executeRows(reopened.db, sql`select key from app_settings where key = 'mood_pseudonym_key'`)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
