import type { Command } from 'commander';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { generateInboxDemo } from '../../seed/generate-inbox-demo.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';

const GenerateSchema = z.object({
  conversations: z.coerce.number().int().min(1).max(2_000_000).default(100_000),
  messagesPerConversation: z.coerce.number().int().min(1).max(50).default(10),
  units: z.coerce.number().int().min(1).max(9_999).default(300),
  format: z.enum(['text', 'json']).default('text'),
});

/** `demo generate`: a large demo inbox for benchmarks (issue #9 §11). */
export function registerDemoCommands(program: Command, io: CliIo): void {
  const demo = program.command('demo').description('demo data for trying and benchmarking the platform');
  demo
    .command('generate')
    .description('fill the database with a large demo inbox: grassroots unions, members, conversations and messages (PostgreSQL recommended)')
    .option('--conversations <n>', 'conversations, one per member', '100000')
    .option('--messages-per-conversation <n>', 'messages in each conversation', '10')
    .option('--units <n>', 'grassroots unions to create', '300')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: Record<string, string>) =>
      reportCommandErrors(io.stderr, raw, async () => {
        const options = parseOrThrow(GenerateSchema, raw);
        await withBase(io, async ({ database }) => {
          const report = await generateInboxDemo(database.db, options);
          if (options.format === 'json') io.stdout(JSON.stringify(report));
          else if (report.skipped) io.stdout(`the database already holds ${report.conversations} generated conversations; nothing added`);
          else io.stdout(`generated ${report.units} unions, ${report.members} members, ${report.conversations} conversations and ${report.messages} messages in ${report.ms} ms`);
        });
      }),
    );
}
