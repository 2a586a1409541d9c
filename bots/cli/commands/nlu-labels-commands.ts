import type { Command } from 'commander';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { createReviewedLabelRepository } from '../../storage/repositories/reviewed-label-repository.js';
import { reportCommandErrors, withBase, type CliIo } from '../cli-context.js';

const ExportOptionsSchema = z.object({ format: z.enum(['jsonl', 'json'], { message: 'format must be jsonl or json' }) });

/**
 * `congdoan nlu labels export --format jsonl`: officers' reviewed labels from the knowledge desk, one
 * `{"text","route","topic","sentiment"}` per line (texts already redacted), for `congdoan nlu train` to merge.
 * Registered under the existing `nlu` command (created here when absent).
 */
export function registerNluLabelsCommands(program: Command, io: CliIo): void {
  const nlu = program.commands.find((command) => command.name() === 'nlu') ?? program.command('nlu');
  const labels = nlu.command('labels').description("officers' reviewed labels (training data from the learning queue)");
  labels
    .command('export')
    .description('print the reviewed labels: one {"text","route","topic","sentiment"} per line')
    .option('--format <format>', 'jsonl or json', 'jsonl')
    .action(async (raw: Record<string, string>) => {
      await reportCommandErrors(io.stderr, raw, async () => {
        const { format } = parseOrThrow(ExportOptionsSchema, raw);
        await withBase(io, async ({ database }) => {
          const rows = await createReviewedLabelRepository(database.db).reviewedLabels();
          const examples = rows.map(({ text, route, topic, sentiment }) => ({ text, route, topic, sentiment }));
          if (format === 'json') io.stdout(JSON.stringify(examples));
          else for (const example of examples) io.stdout(JSON.stringify(example));
          io.stderr(`${examples.length} reviewed examples`);
        });
      });
    });
}
