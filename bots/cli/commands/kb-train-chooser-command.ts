import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import {
  createChooserRecorder,
  createUnitChooser,
  DEFAULT_CHOOSER_TRAINING,
  informative,
  scoreAnswer,
  trainUnitChooser,
  type AnswerEvalCase,
} from '../../../knowledge/index.js';
import { reportCommandErrors } from '../cli-context.js';
import { loadEvaluationKnowledge, readCases, shippedSetFiles, type KbEvalAnswersDeps } from './kb-eval-answers-command.js';

const optionsSchema = z.object({
  format: z.enum(['text', 'json'], { message: 'format must be text or json' }),
  // The chooser learns from the dev batches only: the locked test is never read case by case (D-answers-3).
  set: z.enum(['dev'], { message: 'the chooser is trained on the dev set only' }),
  corpus: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  cv: z.boolean().default(false),
  articles: z.coerce.number({ message: 'articles must be a number' }).int().min(1).max(10),
  l2: z.coerce.number({ message: 'l2 must be a number' }).min(0).max(10),
  iterations: z.coerce.number({ message: 'iterations must be a number' }).int().min(1).max(10_000),
});

interface BatchRow {
  batch: string;
  n: number;
  right: number;
  cvRight?: number;
  invented: number;
  cvInvented?: number;
  /** Extractive answers whose candidates hold a unit stating an asked fact. */
  reachable: number;
  /** Of those, the ones the hand scores answer wrong: what a perfect chooser could gain at most. */
  reachableWrong: number;
}

/**
 * `kb train-chooser`: fits the unit chooser (knowledge/answer/unit-chooser.ts) on the dev batches and, with `--cv`,
 * measures it honestly: leave one batch out, train on the others, answer the batch left out, next to the figure the
 * hand scores get. `--out FILE` writes the model trained on every dev batch (D-answers-38).
 */
export function registerKbTrainChooser(kb: Command, deps: KbEvalAnswersDeps): void {
  kb.command('train-chooser')
    .description('train the learned chooser of the unit that leads an extractive answer; --cv: leave-one-batch-out evaluation')
    .option('--format <format>', 'text or json', 'text')
    .option('--set <set>', 'dev (the only set it may learn from)', 'dev')
    .option('--corpus <file>', 'answer from this JSONL corpus instead of the database')
    .option('--out <file>', 'write the model trained on every dev batch to this JSON file')
    .option('--cv', 'leave-one-batch-out cross-validation, per batch next to the hand-scored figure')
    .option('--articles <n>', 'how many leading articles compete for the lead', '6')
    .option('--l2 <value>', 'L2 penalty', String(DEFAULT_CHOOSER_TRAINING.l2))
    .option('--iterations <n>', 'gradient steps', String(DEFAULT_CHOOSER_TRAINING.iterations))
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(optionsSchema, rawOptions, 'options');
        const files = await shippedSetFiles(options.set);
        const batches = await Promise.all(files.map(async (file) => ({ name: basename(file, '.jsonl'), cases: await readCases(file) })));
        const { lookup, serviceWith } = await loadEvaluationKnowledge(deps, options.corpus);
        const answerAll = async (service: ReturnType<typeof serviceWith>, cases: readonly AnswerEvalCase[], before?: (item: AnswerEvalCase) => void) => {
          const results = [];
          for (const item of cases) {
            before?.(item);
            const answer = await service.answer({ text: item.q, topic: 'other', entities: [] });
            results.push(scoreAnswer(item, answer, (lawId, articleNo) => lookup.get(lawId, articleNo)));
          }
          return results;
        };
        // The recorder chooses nothing: this pass is the hand scores' figure, and it collects the training data.
        const recorder = createChooserRecorder(options.articles);
        const handService = serviceWith(recorder.chooser);
        const rows: BatchRow[] = [];
        const wrong = new Set<string>();
        for (const batch of batches) {
          const results = await answerAll(handService, batch.cases, (item) => recorder.answering(batch.name, item));
          for (const result of results) if (result.outcome !== 'right') wrong.add(`${batch.name}|${result.id}`);
          rows.push({ batch: batch.name, n: results.length, right: count(results, 'right'), invented: results.filter((r) => r.invented.length > 0).length, reachable: 0, reachableWrong: 0 });
        }
        const groups = recorder.groups();
        for (const row of rows) {
          const reachable = groups.filter((g) => g.batch === row.batch && g.positive.some(Boolean));
          row.reachable = reachable.length;
          row.reachableWrong = reachable.filter((g) => wrong.has(`${g.batch}|${g.id}`)).length;
        }
        const training = { ...DEFAULT_CHOOSER_TRAINING, l2: options.l2, iterations: options.iterations, articles: options.articles, set: options.set };
        if (options.cv) {
          for (const row of rows) {
            const model = trainUnitChooser(groups.filter((g) => g.batch !== row.batch), training);
            const cases = batches.find((b) => b.name === row.batch)?.cases ?? [];
            const results = await answerAll(serviceWith(createUnitChooser(model)), cases);
            row.cvRight = count(results, 'right');
            row.cvInvented = results.filter((r) => r.invented.length > 0).length;
          }
        }
        const model = trainUnitChooser(groups, training);
        if (options.out) {
          await writeFile(options.out, `${JSON.stringify(model, null, 2)}\n`).catch((error: unknown) => {
            throw new AppError('VALIDATION_FAILED', `cannot write ${options.out}`, { cause: error, fields: [{ path: 'out', message: 'cannot write' }] });
          });
        }
        const total = (key: 'n' | 'right' | 'cvRight' | 'invented' | 'cvInvented' | 'reachable' | 'reachableWrong') => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
        const summary = {
          questions: total('n'),
          extractive: groups.length,
          informative: groups.filter(informative).length,
          hand: { right: total('right'), invented: total('invented') },
          reachable: total('reachable'),
          reachableWrong: total('reachableWrong'),
          ...(options.cv ? { cv: { right: total('cvRight'), invented: total('cvInvented') } } : {}),
          weights: Object.fromEntries(model.features.map((name, i) => [name, Number((model.weights[i] as number).toFixed(3))])),
        };
        if (options.format === 'json') {
          deps.stdout(JSON.stringify({ ...summary, batches: rows }));
          return;
        }
        deps.stdout(`${summary.questions} câu hỏi, ${summary.extractive} trả lời trích luật (${summary.informative} dùng để học, ${summary.reachable} có đơn vị nêu dữ kiện, ${summary.reachableWrong} trong đó sai); đúng với điểm thủ công ${summary.hand.right}` + (summary.cv ? `, kiểm định chéo ${summary.cv.right} (bịa ${summary.hand.invented} → ${summary.cv.invented})` : ''));
        for (const row of rows) deps.stdout(`  ${row.batch}: ${row.right}/${row.n}` + (row.cvRight !== undefined ? ` → ${row.cvRight}/${row.n} (${signed(row.cvRight - row.right)})` : '') + `; có đơn vị nêu dữ kiện: ${row.reachable} (sai: ${row.reachableWrong})`);
        deps.stdout(`  trọng số: ${Object.entries(summary.weights).map(([name, w]) => `${name} ${w}`).join(', ')}`);
      }),
    );
}

const count = (results: readonly { outcome: string }[], outcome: string) => results.filter((r) => r.outcome === outcome).length;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
