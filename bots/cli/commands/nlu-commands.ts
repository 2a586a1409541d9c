import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportCommandErrors } from '../cli-context.js';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { MessageClassifier, NluResult } from '../../../core/nlu/nlu-result.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { Logger } from '../../../core/ports/logger.js';
import {
  evaluate,
  labelledTextSchema,
  loadOrTrainClassifier,
  parseJsonLines,
  trainAndSaveClassifier,
  trainTextClassifier,
} from '../../../intents/index.js';

export interface NluCommandDeps {
  modelPath: string;
  dataDir: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  logger?: Logger;
  clock?: Clock;
}

const formatSchema = z.enum(['text', 'json'], { message: 'format must be text or json' });
const trainOptionsSchema = z.object({ format: formatSchema });
const evalOptionsSchema = z.object({
  format: formatSchema,
  train: z.string({ message: '--train <file> is required' }).min(1),
  test: z.string({ message: '--test <file> is required' }).min(1),
});
const classifyOptionsSchema = z.object({ format: formatSchema, input: z.string().min(1).optional() });
const classifyLineSchema = z.object({ text: z.string().trim().min(1, 'text is empty').max(4000, 'text is longer than 4000 characters') });

async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('NOT_FOUND', `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { cause });
  }
}

function classificationLine(text: string, result: NluResult): string {
  return JSON.stringify({
    text,
    route: result.route,
    topic: result.topic,
    sentiment: result.sentiment,
    confidence: result.confidence,
    entities: result.entities,
  });
}

function humanLine(text: string, result: NluResult): string {
  const c = result.confidence;
  return `${result.route} (${c.route.toFixed(2)}) · ${result.topic} (${c.topic.toFixed(2)}) · ${result.sentiment} (${c.sentiment.toFixed(2)}) — ${text}`;
}

/**
 * `nlu train`, `nlu eval` and `classify`. stdout carries only the result (JSON with `--format json`); progress
 * and errors go to stderr. Bad input (a malformed line, a missing file) exits with code 2 and prints nothing
 * on stdout: input files are fully validated before any output.
 */
export function registerNluCommands(program: Command, deps: NluCommandDeps): void {
  const nlu = program.command('nlu').description('Vietnamese NLU: train the shipped model, evaluate the learner');

  nlu
    .command('train')
    .description('rebuild the shipped NLU model from the training data (intents/data/train/*.jsonl)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(trainOptionsSchema, rawOptions, 'options');
        const summary = await trainAndSaveClassifier({ modelPath: deps.modelPath, dataDir: deps.dataDir, ...(deps.logger ? { logger: deps.logger } : {}) });
        deps.stdout(
          options.format === 'json'
            ? JSON.stringify(summary)
            : `model ${summary.modelId}: ${summary.examples} examples, ${summary.features} features, ${summary.bytes} bytes, ${summary.trainingMs} ms → ${summary.modelPath}`,
        );
      }),
    );

  nlu
    .command('eval')
    .description('train a fresh classifier on --train and report accuracy and F1 on --test (lines {"text","label"})')
    .option('--train <file>', 'training JSONL')
    .option('--test <file>', 'test JSONL')
    .option('--format <format>', 'text or json', 'text')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(evalOptionsSchema, rawOptions, 'options');
        const trainLines = parseJsonLines(await readInputFile(options.train), labelledTextSchema, options.train);
        const testLines = parseJsonLines(await readInputFile(options.test), labelledTextSchema, options.test);
        if (trainLines.length === 0) throw new AppError('VALIDATION_FAILED', `${options.train}: no training lines`);
        const started = performance.now();
        // Only the labels are scored here, and temperature scaling never changes which label wins: skip its fold.
        const classifier = trainTextClassifier(trainLines, { calibrationFraction: 0 });
        const trainedMs = Math.round(performance.now() - started);
        const report = evaluate(classifier, testLines);
        deps.stderr(`trained on ${trainLines.length} lines, ${classifier.labels.length} labels in ${trainedMs} ms; tested on ${testLines.length} lines`);
        if (options.format === 'json') {
          deps.stdout(JSON.stringify(report));
          return;
        }
        deps.stdout(`n=${report.n} accuracy=${report.accuracy} macro_f1=${report.macro_f1} weighted_f1=${report.weighted_f1}`);
        for (const [label, m] of Object.entries(report.per_label)) {
          deps.stdout(`  ${label}: precision=${m.precision} recall=${m.recall} f1=${m.f1} support=${m.support}`);
        }
      }),
    );

  program
    .command('classify')
    .description('classify a message (or each {"text"} line of --input) with the shipped NLU model')
    .argument('[text]', 'the message')
    .option('--input <file>', 'JSONL file with one {"text"} per line')
    .option('--format <format>', 'text or json', 'text')
    .action(async (text: string | undefined, rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(classifyOptionsSchema, rawOptions, 'options');
        if ((text === undefined) === (options.input === undefined)) {
          throw new AppError('VALIDATION_FAILED', 'give either a text argument or --input <file>, not both');
        }
        const texts =
          options.input === undefined
            ? [parseOrThrow(classifyLineSchema, { text }, 'argument').text]
            : parseJsonLines(await readInputFile(options.input), classifyLineSchema, options.input).map((line) => line.text);
        const classifier: MessageClassifier = await loadOrTrainClassifier({
          modelPath: deps.modelPath,
          dataDir: deps.dataDir,
          ...(deps.logger ? { logger: deps.logger } : {}),
          ...(deps.clock ? { clock: deps.clock } : {}),
        });
        for (const message of texts) {
          const result = classifier.classify(message);
          deps.stdout(options.format === 'json' ? classificationLine(message, result) : humanLine(message, result));
        }
      }),
    );
}

