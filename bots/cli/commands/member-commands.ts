import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { CHANNEL_IDS } from '../../../core/messages/channels.js';
import { createAuditRepository } from '../../storage/repositories/audit-repository.js';
import { createMemberDataRepository, type MemberDataRepository } from '../../storage/repositories/member-data-repository.js';
import { withBase, type CliIo } from '../cli-context.js';
import { memberPseudonymsOf } from '../cli-secrets.js';

const WhoSchema = z
  .object({
    member: z.uuid('--member must be a member id (UUID)').optional(),
    channel: z.enum(CHANNEL_IDS).optional(),
    user: z.string().trim().min(1).max(200).optional(),
  })
  .refine((who) => who.member !== undefined || (who.channel !== undefined && who.user !== undefined), {
    message: 'give --member ID, or --channel and --user (the platform user id)',
    path: ['member'],
  });

async function resolveMember(repository: MemberDataRepository, who: z.infer<typeof WhoSchema>): Promise<string> {
  if (who.member) return who.member;
  const id = await repository.findByIdentity(who.channel as string, who.user as string);
  if (!id) throw new AppError('NOT_FOUND', `no member with ${who.channel} user id ${who.user}`, { fields: [{ path: 'user', message: 'unknown' }] });
  return id;
}

/** `member export | erase`: answering a member's data request (Personal Data Protection Law 91/2025/QH15). */
export function registerMemberCommands(program: Command, io: CliIo): void {
  const member = program.command('member').description("a member's personal data: export or erase on request");
  const who = (command: Command) =>
    command
      .option('--member <id>', 'member id')
      .option('--channel <channel>', CHANNEL_IDS.join(' | '))
      .option('--user <id>', 'platform user id on that channel');

  who(member.command('export').description('print everything stored about a member as JSON')).action(async (raw: Record<string, string>) => {
    const target = parseOrThrow(WhoSchema, raw);
    await withBase(io, async (base) => {
      const { database } = base;
      const repository = createMemberDataRepository(database.db, await memberPseudonymsOf(base));
      const id = await resolveMember(repository, target);
      const data = await repository.exportMember(id, new Date());
      await createAuditRepository(database.db).record({ actor: 'cli', action: 'member_export', targetType: 'member', targetId: id, memberId: id });
      io.stdout(JSON.stringify(data, null, 2));
    });
  });

  who(member.command('erase').description("delete a member's identities, conversations and messages (irreversible)"))
    .option('--yes', 'confirm the erasure')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string | boolean>) => {
      const target = parseOrThrow(WhoSchema, raw);
      if (raw.yes !== true) throw new AppError('VALIDATION_FAILED', 'erasure is irreversible: add --yes to confirm', { fields: [{ path: 'yes', message: 'required' }] });
      await withBase(io, async (base) => {
        const { database } = base;
        const repository = createMemberDataRepository(database.db, await memberPseudonymsOf(base));
        const id = await resolveMember(repository, target);
        const removed = await repository.eraseMember(id, new Date());
        await createAuditRepository(database.db).record({ actor: 'cli', action: 'member_erase', targetType: 'member', targetId: id, memberId: id, details: removed });
        io.stdout(raw.format === 'json' ? JSON.stringify({ erased: true, member: id, ...removed }) : `erased member ${id}: ${removed.conversations} conversations, ${removed.messages} messages, ${removed.identities} identities`);
      });
    });
}
