import type { Command } from 'commander';
import { z } from 'zod';
import { MoodQuerySchema } from '../../../core/contracts/mood-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { systemClock } from '../../../core/ports/clock.js';
import { silentLogger } from '../../../core/ports/logger.js';
import { runEarlyWarning } from '../../mood/early-warning.js';
import { createMonthlyReports, previousMonth } from '../../mood/monthly-reports.js';
import { createMoodReportRepository } from '../../storage/repositories/mood-report-repository.js';
import { createHandoffStatsRepository } from '../../storage/repositories/handoff-stats-repository.js';
import { vietnamDay } from '../../storage/repositories/processing-repository.js';
import { createMoodService } from '../../mood/mood-service.js';
import { createMoodAlertRepository } from '../../storage/repositories/mood-alert-repository.js';
import { createUnitRepository } from '../../storage/repositories/unit-repository.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';
import { memberPseudonymsOf } from '../cli-secrets.js';

const RebuildSchema = z.object({ from: z.iso.date('--from: YYYY-MM-DD').optional(), to: z.iso.date('--to: YYYY-MM-DD').optional(), format: z.enum(['text', 'json']).default('text') });

/** `mood rebuild | report`: the leaders' figures from the command line (issue #10). */
export function registerMoodCommands(program: Command, io: CliIo): void {
  const mood = program.command('mood').description("members' concerns and mood: rollups and the k-anonymous summary");

  mood
    .command('rebuild')
    .description('recompute the mood rollups from the stored messages (all days, or --from/--to)')
    .option('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(RebuildSchema, raw);
        await withBase(io, async (base) => {
          const { env, database } = base;
          const started = Date.now();
          const service = createMoodService({ db: database.db, units: createUnitRepository(database.db), k: env.K_ANONYMITY, clock: systemClock, pseudonyms: await memberPseudonymsOf(base) });
          const result = await service.rebuild({ ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), thresholds: { route: env.NLU_MIN_ROUTE_CONFIDENCE, topic: env.NLU_MIN_TOPIC_CONFIDENCE } });
          const ms = Date.now() - started;
          io.stdout(options.format === 'json' ? JSON.stringify({ ...result, ms }) : `rebuilt the mood rollups: ${result.cells} cells, ${result.memberDays} member-days, ${result.excluded} excluded rows in ${ms} ms`);
        });
      }),
    );

  mood
    .command('warnings')
    .description('run the early-warning test for the week ending --week-end (default: yesterday) and record alerts')
    .option('--week-end <day>', 'last day of the week, YYYY-MM-DD')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(z.object({ weekEnd: z.iso.date('--week-end: YYYY-MM-DD').optional(), format: z.enum(['text', 'json']).default('text') }), raw);
        await withBase(io, async ({ env, database }) => {
          const weekEnd = options.weekEnd ?? new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
          const result = await runEarlyWarning({ db: database.db, alerts: createMoodAlertRepository(database.db), k: env.K_ANONYMITY }, weekEnd, new Date());
          io.stdout(options.format === 'json' ? JSON.stringify(result) : `week ${result.weekStart}..${result.weekEnd}: ${result.candidates} candidates, ${result.created.length} new alerts`);
        });
      }),
    );

  mood
    .command('reports')
    .description('store every unit’s report of a past month (what the 1st-of-month job does; units that have one are skipped)')
    .option('--month <day>', 'first day of the month, YYYY-MM-01 (default: last month)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(z.object({ month: z.iso.date('--month: YYYY-MM-01').refine((d) => d.endsWith('-01'), '--month: the first day of a month').optional(), format: z.enum(['text', 'json']).default('text') }), raw);
        await withBase(io, async ({ env, database }) => {
          const units = createUnitRepository(database.db);
          const alerts = createMoodAlertRepository(database.db);
          const service = createMoodService({ db: database.db, units, k: env.K_ANONYMITY, clock: systemClock, listAlerts: alerts.listForSummary });
          const month = options.month ?? previousMonth(vietnamDay(new Date()));
          if (month >= `${vietnamDay(new Date()).slice(0, 7)}-01`) throw new AppError('VALIDATION_FAILED', 'only a month that has ended can be reported', { fields: [{ path: 'month', message: 'chỉ lập báo cáo cho tháng đã qua' }] });
          const reports = createMonthlyReports({ reports: createMoodReportRepository(database.db), units, mood: service, handoffs: createHandoffStatsRepository(database.db), clock: systemClock, logger: silentLogger });
          const result = await reports.generate(month);
          io.stdout(options.format === 'json' ? JSON.stringify(result) : `stored ${result.created} reports for ${result.month}`);
        });
      }),
    );

  mood
    .command('report')
    .description('print what the dashboard shows for a unit subtree and period (k-anonymity applied)')
    .requiredOption('--unit <code>', 'unit code')
    .option('--from <day>', 'first day, YYYY-MM-DD (default: 29 days before --to)')
    .option('--to <day>', 'last day, YYYY-MM-DD (default: today in Vietnam)')
    .option('--channel <channel>', 'only one channel')
    .option('--topic <topic>', 'only one topic in the cells and the trend')
    .option('--bucket <bucket>', 'trend points: week or month', 'week')
    .option('--format <format>', 'json', 'json')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const { format, ...rest } = raw;
        if (format !== 'json') throw new AppError('VALIDATION_FAILED', 'only --format json is supported', { fields: [{ path: 'format', message: 'json' }] });
        const query = parseOrThrow(MoodQuerySchema, rest);
        await withBase(io, async ({ env, database }) => {
          const units = createUnitRepository(database.db);
          const unit = await units.findByCode(query.unit as string);
          if (!unit) throw new AppError('UNIT_NOT_FOUND', `no unit ${query.unit}`, { fields: [{ path: 'unit', message: 'unknown' }] });
          const alerts = createMoodAlertRepository(database.db);
          const service = createMoodService({ db: database.db, units, k: env.K_ANONYMITY, clock: systemClock, listAlerts: alerts.listForSummary });
          io.stdout(JSON.stringify(await service.summary({ unit, from: query.from, to: query.to, channel: query.channel, topic: query.topic, bucket: query.bucket, includeExcluded: true })));
        });
      }),
    );
}
