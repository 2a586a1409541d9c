import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { CHANNEL_IDS } from '../../../core/messages/channels.js';
import { toAccessLogEntry } from '../../privacy/access-log.js';
import { runRetentionPurge } from '../../privacy/retention-purge.js';
import { createAuditRepository } from '../../storage/repositories/audit-repository.js';
import { createMemberLookup } from '../../storage/repositories/member-lookup.js';
import { createRetentionRepository } from '../../storage/repositories/retention-repository.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';

const PurgeSchema = z.object({
  dryRun: z.boolean().default(false),
  months: z.coerce.number().int('--months: a whole number').min(1, '--months: at least 1').max(1200).optional(),
  format: z.enum(['text', 'json']).default('text'),
});

const AccessLogSchema = z
  .object({
    member: z.uuid('--member must be a member id (UUID)').optional(),
    channel: z.enum(CHANNEL_IDS).optional(),
    user: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(200),
    format: z.enum(['text', 'json']).default('text'),
  })
  .refine((who) => who.member !== undefined || (who.channel !== undefined && who.user !== undefined), { message: 'give --member ID, or --channel and --user', path: ['member'] });

/** `privacy purge | access-log`: retention and accountability under the Personal Data Protection Law 91/2025/QH15. */
export function registerPrivacyCommands(program: Command, io: CliIo): void {
  const privacy = program.command('privacy').description("members' personal data: retention purge and the access log");

  privacy
    .command('purge')
    .description('delete conversation content older than RETENTION_MESSAGE_MONTHS (the daily job does it at 03:00); the mood figures stay')
    .option('--dry-run', 'only count what would be deleted')
    .option('--months <n>', 'retention in months for this run (default: RETENTION_MESSAGE_MONTHS)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string | boolean>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(PurgeSchema, raw);
        await withBase(io, async ({ env, database }) => {
          const months = options.months ?? env.RETENTION_MESSAGE_MONTHS;
          const report = await runRetentionPurge({ retention: createRetentionRepository(database.db), audit: createAuditRepository(database.db), months, actor: 'cli' }, new Date(), { dryRun: options.dryRun });
          if (options.format === 'json') return io.stdout(JSON.stringify(report));
          if (report.cutoff === null) return io.stdout('retention is off (RETENTION_MESSAGE_MONTHS=0): nothing is deleted');
          const what = `${report.messages} messages, ${report.learningItems} learning-queue items, ${report.notes} officer notes, ${report.deliveries} delivery records`;
          const whole = report.monthsDropped.length > 0 ? `; whole months dropped: ${report.monthsDropped.join(', ')}` : '';
          io.stdout(`${report.dryRun ? 'would delete' : 'deleted'} ${what} handled before ${report.cutoff} (${report.months} months; kept from ${report.horizonDay}${whole})`);
        });
      }),
    );

  privacy
    .command('access-log')
    .description("who read or changed a member's personal data (a member may ask); newest first")
    .option('--member <id>', 'member id')
    .option('--channel <channel>', CHANNEL_IDS.join(' | '))
    .option('--user <id>', 'platform user id on that channel')
    .option('--limit <n>', 'at most this many rows', '200')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(AccessLogSchema, raw);
        await withBase(io, async ({ database }) => {
          // Only reads: no mood pseudonym key needed, none created (D-privacy-8).
          const members = createMemberLookup(database.db);
          const audit = createAuditRepository(database.db);
          const id = options.member ?? (await members.findByIdentity(options.channel as string, options.user as string));
          if (!id) throw new AppError('NOT_FOUND', `no member with ${options.channel} user id ${options.user}`, { fields: [{ path: 'user', message: 'unknown' }] });
          const status = await members.statusOf(id);
          if (!status) throw new AppError('NOT_FOUND', `no member ${id}`, { fields: [{ path: 'member', message: 'unknown' }] });
          await audit.record({ actor: 'cli', action: 'member_access_log', targetType: 'member', targetId: id, memberId: id });
          const rows = await audit.accessLog(id, { limit: options.limit + 1 });
          const items = rows.slice(0, options.limit).map(toAccessLogEntry);
          const nextBefore = rows.length > options.limit ? (items.at(-1)?.id ?? null) : null;
          if (options.format === 'json') return io.stdout(JSON.stringify({ member: { id, erased: status.erased }, items, nextBefore }));
          for (const item of items) {
            const who = item.actorName ? `${item.actorName} <${item.actor}> (${item.actorRole}, ${item.actorUnit?.code ?? '-'})` : item.actor;
            io.stdout(`${item.at}  ${who}  ${item.action}${item.listed ? ' (in a list)' : ''}  ${item.purpose}  ${item.route}`);
          }
          if (items.length === 0) io.stdout('no access recorded');
        });
      }),
    );
}
