import type { Command } from 'commander';
import { withBase, type CliIo } from '../cli-context.js';

export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply pending migrations (every command and the server also do this at start)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format: string }) => {
      await withBase(io, async ({ database }) => {
        const result = { migrated: true, database: database.kind };
        io.stdout(options.format === 'json' ? JSON.stringify(result) : `migrations applied (${database.kind})`);
      });
    });
}
