import type { Command } from 'commander';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { systemClock } from '../../../core/ports/clock.js';
import { DEFAULT_DEMO_DAYS, generateDemo } from '../../demo/demo-generator.js';
import { generateInboxDemo } from '../../seed/generate-inbox-demo.js';
import { createMoodService } from '../../mood/mood-service.js';
import { createMonthlyReports } from '../../mood/monthly-reports.js';
import { createHandoffStatsRepository } from '../../storage/repositories/handoff-stats-repository.js';
import { createMoodAlertRepository } from '../../storage/repositories/mood-alert-repository.js';
import { createMoodReportRepository } from '../../storage/repositories/mood-report-repository.js';
import { vietnamDay } from '../../storage/repositories/turn-commit.js';
import { createUnitRepository } from '../../storage/repositories/unit-repository.js';
import { silentLogger } from '../../../core/ports/logger.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';
import { memberPseudonymsOf } from '../cli-secrets.js';

const DAY_MS = 86_400_000;
const count = (max: number) => z.coerce.number().int().min(0).max(max);
const GenerateSchema = z.object({
  members: count(5_000_000).refine((n) => n >= 1, 'at least 1'),
  messages: count(50_000_000),
  seed: count(1_000_000_000).default(1),
  units: count(10_000).optional(),
  days: count(3650).refine((n) => n >= 7, 'at least 7').optional(),
  end: z.iso.date('--end: YYYY-MM-DD').optional(),
  spikes: count(1000).default(0),
  rebuild: z.boolean().default(true),
  format: z.enum(['text', 'json']).default('text'),
});

const InboxSchema = z.object({
  conversations: z.coerce.number().int().min(1).max(2_000_000).default(100_000),
  messagesPerConversation: z.coerce.number().int().min(1).max(50).default(10),
  units: z.coerce.number().int().min(1).max(9_999).default(300),
  format: z.enum(['text', 'json']).default('text'),
});

/** `demo generate`: fill the configured database with a realistic organisation and history (bots/demo). */
export function registerDemoCommands(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('demo and benchmark data');
  demo
    .command('generate')
    .description('generate units, members, conversations and member messages in the configured database (SQL, fast), then rebuild the mood rollups')
    .requiredOption('--members <n>', 'members')
    .requiredOption('--messages <n>', 'member messages')
    .option('--seed <n>', 'random seed (same seed, same data shape)', '1')
    .option('--units <n>', 'units in all (default members/100, 200..10000)')
    .option('--days <n>', 'days of history (default 730)')
    .option('--end <day>', 'last day of the history (default today)')
    .option('--spikes <n>', 'planted topic spikes for the early-warning measurement', '0')
    .option('--no-rebuild', 'leave the mood rollups as they are')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, unknown>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(GenerateSchema, raw);
        await withBase(io, async (base) => {
          const { env, database } = base;
          const result = await generateDemo(database.db, {
            members: options.members,
            messages: options.messages,
            seed: options.seed,
            spikes: options.spikes,
            ...(options.units !== undefined ? { units: options.units } : {}),
            ...(options.days !== undefined ? { days: options.days } : {}),
            ...(options.end ? { endDay: options.end } : {}),
          });
          let rebuildMs: number | null = null;
          let refiled: string[] = [];
          if (options.rebuild) {
            const started = Date.now();
            const units = createUnitRepository(database.db);
            const mood = createMoodService({ db: database.db, units, k: env.K_ANONYMITY, clock: systemClock, pseudonyms: await memberPseudonymsOf(base) });
            await mood.rebuild({ thresholds: { route: env.NLU_MIN_ROUTE_CONFIDENCE, topic: env.NLU_MIN_TOPIC_CONFIDENCE } });
            rebuildMs = Date.now() - started;
            // The history was written into the past: a monthly report filed before it (the first start files last
            // month's, all zeros) would keep saying nobody wrote. Those months are filed again from the new figures.
            const reportingMood = createMoodService({ db: database.db, units, k: env.K_ANONYMITY, clock: systemClock, listAlerts: createMoodAlertRepository(database.db).listForSummary });
            const reports = createMonthlyReports({ reports: createMoodReportRepository(database.db), units, mood: reportingMood, handoffs: createHandoffStatsRepository(database.db), clock: systemClock, logger: silentLogger });
            const lastDay = options.end ?? vietnamDay(new Date());
            const firstDay = vietnamDay(new Date(Date.parse(`${lastDay}T00:00:00+07:00`) - (options.days ?? DEFAULT_DEMO_DAYS) * DAY_MS));
            refiled = await reports.refile(`${firstDay.slice(0, 7)}-01`, `${lastDay.slice(0, 7)}-01`);
          }
          const summary = { ...result, rebuild_ms: rebuildMs, reports_refiled: refiled };
          io.stdout(
            options.format === 'json'
              ? JSON.stringify(summary)
              : `generated ${result.units} units, ${result.members} members, ${result.messages} messages in ${result.ms} ms${rebuildMs !== null ? `; mood rollups rebuilt in ${rebuildMs} ms` : ''}${refiled.length > 0 ? `; monthly reports filed again for ${refiled.join(', ')}` : ''}`,
          );
        });
      }),
    );

  demo
    .command('inbox')
    .description('fill the database with a large officers\' inbox: conversations in every state (3 % waiting, 3 % with an officer, 20 % closed) with member messages and bot replies (issue #9 benchmark)')
    .option('--conversations <n>', 'conversations, one per member', '100000')
    .option('--messages-per-conversation <n>', 'messages in each conversation, member and bot alternating', '10')
    .option('--units <n>', 'grassroots unions to create', '300')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(InboxSchema, raw);
        await withBase(io, async ({ database }) => {
          const report = await generateInboxDemo(database.db, options);
          if (options.format === 'json') io.stdout(JSON.stringify(report));
          else if (report.skipped) io.stdout(`the database already holds ${report.conversations} generated inbox conversations; nothing added`);
          else io.stdout(`generated ${report.units} unions, ${report.members} members, ${report.conversations} conversations and ${report.messages} messages in ${report.ms} ms`);
        });
      }),
    );
}
