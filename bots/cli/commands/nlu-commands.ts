import { readFile } from 'node:fs/promises';
import { CommanderError, type Command } from 'commander';
import { reportCommandErrors } from '../cli-context.js';
import { z } from 'zod';
import type { Env } from '../../../core/config/env-schema.js';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { NluResult } from '../../../core/nlu/nlu-result.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import { silentLogger, type Logger } from '../../../core/ports/logger.js';
import {
  buildNluModel,
  buildShippedModel,
  compareModels,
  createModelStore,
  DEFAULT_HIDDEN_LAYER_OPTIONS,
  evaluate,
  labelledTextSchema,
  loadClassifierFile,
  modelVersionName,
  nluExampleSchema,
  parseJsonLines,
  readEvaluationSets,
  type EvaluationSets,
  scoreOnSets,
  trainTextClassifier,
  withDirectoryLock,
  type NluExample,
  type NluClassifier,
  type NluMetrics,
} from '../../../intents/index.js';
import { resolveNluModel, type NluPaths } from '../../nlu/load-classifier.js';

export interface NluCommandDeps {
  paths: NluPaths;
  /** The settings `classify` resolves its model with (NLU_MODEL_PATH, MODEL_DIR, NLU_TRAIN_IF_MISSING). */
  env: Pick<Env, 'NLU_MODEL_PATH' | 'MODEL_DIR' | 'DATA_DIR' | 'NLU_TRAIN_IF_MISSING'>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  logger?: Logger;
  clock?: Clock;
  /**
   * Reviewed officer labels kept in the database (the knowledge desk's relabels), when the platform has them;
   * `nlu train` merges them with the team data and any --reviewed files.
   */
  reviewedFromDatabase?: () => Promise<NluExample[]>;
  /**
   * Phrasings of the FAQ entries officers wrote or extended on the knowledge desk (not the starter pack's), as
   * questions on the entry's topic: the next model learns what members are now asking (issue #11 item 7).
   */
  curatedFromDatabase?: () => Promise<NluExample[]>;
  /** Tells running servers and workers that another model is active (they reload it; knowledge-sync.ts). */
  announceModelChange?: () => Promise<void>;
}

/** Exit code of `nlu train` when the new model was stored but not activated because it scored worse. */
export const NOT_ACTIVATED_EXIT_CODE = 3;

const formatSchema = z.enum(['text', 'json'], { message: 'format must be text or json' });
const buildOptionsSchema = z.object({ format: formatSchema, force: z.boolean().optional() });
const trainOptionsSchema = z.object({
  format: formatSchema,
  force: z.boolean().optional(),
  activate: z.boolean().default(true),
  reviewed: z.array(z.string().min(1)).default([]),
});
const activateOptionsSchema = z.object({ format: formatSchema });
const versionArgumentSchema = z.string().trim().min(1, 'give a version (see `congdoan nlu models`)');
const evalOptionsSchema = z.object({
  format: formatSchema,
  hidden: z.boolean().optional(),
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
    flags: result.flags ?? [],
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
  const clock = (): Clock => deps.clock ?? systemClock;
  const logged = () => ({ clock: clock(), ...(deps.logger ? { logger: deps.logger } : {}) });
  /** The metrics of what runs today: the active version, else the shipped build (scored now on dev/test). */
  async function activeMetrics(store: ReturnType<typeof createModelStore>, sets: EvaluationSets): Promise<{ version: string | null; metrics: NluMetrics | null; classifier: NluClassifier | null }> {
    const active = await store.activeModel().catch(() => null);
    const path = active?.modelPath ?? `${deps.paths.buildDir}/model.json`;
    try {
      const classifier = await loadClassifierFile(path, { clock: clock() });
      return { version: active?.version ?? 'shipped', metrics: scoreOnSets(classifier, sets), classifier };
    } catch {
      return { version: null, metrics: null, classifier: null };
    }
  }
  /** Activation is done once the pointer is written; failing to tell running processes only delays them to their restart. */
  async function announceModel(): Promise<void> {
    try {
      await deps.announceModelChange?.();
    } catch (cause) {
      deps.stderr(`running servers and workers were not told of the new model (${cause instanceof Error ? cause.message : String(cause)}); they load it at their next start`);
    }
  }
  const nlu = program.command('nlu').description('Vietnamese NLU: train the shipped model, evaluate the learner');

  nlu
    .command('build')
    .description('build the shipped NLU model from the team data into build/nlu (npm install runs this; skipped when up to date)')
    .option('--force', 'rebuild even when up to date')
    .option('--format <format>', 'text or json', 'text')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(buildOptionsSchema, rawOptions, 'options');
        const result = await buildShippedModel({ dataDir: deps.paths.dataDir, buildDir: deps.paths.buildDir, force: options.force === true, ...logged() });
        const summary = { built: result.built, modelId: result.manifest.modelId, examples: result.manifest.examples, modelPath: result.modelPath, metrics: result.manifest.metrics };
        deps.stdout(options.format === 'json' ? JSON.stringify(summary) : `${result.built ? 'built' : 'up to date'}: ${summary.modelId} (${summary.examples} examples) → ${summary.modelPath}`);
      }),
    );

  nlu
    .command('train')
    .description('train a new model version from the team data and reviewed officer labels, compare it with the active one on dev, activate it unless it is worse')
    .option('--reviewed <file>', 'JSONL of reviewed labels {"text","route","topic","sentiment"} (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--force', 'activate even if the new model scores worse on dev')
    .option('--no-activate', 'store the new version without activating it')
    .option('--format <format>', 'text or json', 'text')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(trainOptionsSchema, rawOptions, 'options');
        const reviewed: NluExample[] = [];
        for (const file of options.reviewed) reviewed.push(...parseJsonLines(await readInputFile(file), nluExampleSchema, file));
        if (deps.reviewedFromDatabase) {
          // The database may be busy (the embedded one is single-process, docs/decisions.md D8): say so and go on
          // with the files, rather than refuse to train.
          try {
            reviewed.push(...(await deps.reviewedFromDatabase()));
          } catch (cause) {
            deps.stderr(`reviewed labels from the database skipped (${cause instanceof Error ? cause.message : String(cause)}); export them with \`congdoan nlu labels export\` and pass --reviewed`);
          }
        }
        const curated: NluExample[] = [];
        if (deps.curatedFromDatabase) {
          try {
            curated.push(...(await deps.curatedFromDatabase()));
          } catch (cause) {
            deps.stderr(`officers' FAQ phrasings skipped (${cause instanceof Error ? cause.message : String(cause)})`);
          }
        }
        const store = createModelStore(deps.paths.storeDir);
        // The comparison is printed before anything is activated, so an operator reads it first.
        const outcome = await withDirectoryLock(store.dir, async () => {
          const built = await buildNluModel({ dataDir: deps.paths.dataDir, reviewed, curated, ...logged() });
          const now = clock().now();
          const saved = await store.save(built.content, { version: modelVersionName(now, built.manifest.modelId), createdAt: now.toISOString(), ...built.manifest });
          // Dev and the locked test are read once: the active model is scored on them, and the comparison reads dev.
          const sets = await readEvaluationSets(deps.paths.dataDir);
          const baseline = await activeMetrics(store, sets);
          const comparison = compareModels(built.classifier, baseline.classifier, sets.dev);
          const activated = options.activate && (!comparison.worse || options.force === true);
          const report = {
            version: saved.version,
            modelId: saved.manifest.modelId,
            examples: saved.manifest.examples,
            reviewed: { used: built.merge.reviewedUsed.length, replacedTeamLines: built.merge.teamOverridden, droppedHeldOut: built.merge.reviewedDropped.heldOut, duplicates: built.merge.reviewedDropped.duplicate },
            curated: { offered: curated.length, used: built.merge.curatedUsed.length },
            trainingMs: saved.manifest.trainingMs,
            candidate: saved.manifest.metrics,
            active: baseline.metrics === null ? null : { version: baseline.version, metrics: baseline.metrics },
            comparison,
            activated,
          };
          if (options.format === 'text') for (const line of describeTraining(report)) deps.stdout(line);
          if (activated) {
            await store.activate(saved.version, now);
            await announceModel();
          }
          if (options.format === 'json') deps.stdout(JSON.stringify(report));
          else deps.stdout(activated ? `activated ${saved.version}` : `stored ${saved.version}, not activated`);
          return { baseline, comparison, activated };
        });
        const { baseline, comparison, activated } = outcome;
        if (!activated && options.activate && comparison.worse) {
          deps.stderr(`not activated: the new model is worse than ${baseline.version ?? 'the active model'} (${comparison.reasons.join('; ')}); --force activates it anyway`);
          throw new CommanderError(NOT_ACTIVATED_EXIT_CODE, 'nlu.not_activated', 'new model not activated');
        }
      }),
    );

  nlu
    .command('models')
    .description('list the trained model versions (the active one marked)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(activateOptionsSchema, rawOptions, 'options');
        const store = createModelStore(deps.paths.storeDir);
        const active = (await store.active())?.version ?? null;
        for (const manifest of await store.list()) {
          const row = { version: manifest.version, modelId: manifest.modelId, createdAt: manifest.createdAt, examples: manifest.examples, active: manifest.version === active, dev: manifest.metrics.dev ?? null };
          deps.stdout(options.format === 'json' ? JSON.stringify(row) : `${row.active ? '*' : ' '} ${row.version}  ${row.examples} examples  route(dev) ${row.dev?.route?.accuracy ?? '-'}`);
        }
      }),
    );

  nlu
    .command('activate')
    .description('make a stored model version the active one (roll back or forward)')
    .argument('<version>', 'a version from `congdoan nlu models`')
    .option('--format <format>', 'text or json', 'text')
    .action(async (version: unknown, rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(activateOptionsSchema, rawOptions, 'options');
        const chosen = parseOrThrow(versionArgumentSchema, version, 'version');
        const store = createModelStore(deps.paths.storeDir);
        const pointer = await withDirectoryLock(store.dir, async () => {
          const found = await store.find(chosen);
          if (found === null) throw new AppError('NOT_FOUND', `no model version ${chosen} in ${store.dir}`);
          await loadClassifierFile(found.modelPath);
          return store.activate(chosen, clock().now());
        });
        await announceModel();
        deps.stdout(options.format === 'json' ? JSON.stringify(pointer) : `active: ${pointer.version} (was ${pointer.previous ?? 'none'})`);
      }),
    );

  nlu
    .command('eval')
    .description('train a fresh classifier on --train and report accuracy and F1 on --test (lines {"text","label"})')
    .option('--train <file>', 'training JSONL')
    .option('--hidden', 'add the shared hidden layer (a small neural network) to the linear model')
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
        const classifier = trainTextClassifier(trainLines, { calibrationFraction: 0, ...(options.hidden === true ? { hiddenLayer: DEFAULT_HIDDEN_LAYER_OPTIONS } : {}) });
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
        const { classifier } = await resolveNluModel(deps.env, deps.logger ?? silentLogger, clock());
        for (const message of texts) {
          const result = classifier.classify(message);
          deps.stdout(options.format === 'json' ? classificationLine(message, result) : humanLine(message, result));
        }
      }),
    );
}


interface TrainingReport {
  version: string;
  examples: number;
  reviewed: { used: number; replacedTeamLines: number; droppedHeldOut: number };
  curated: { offered: number; used: number };
  candidate: NluMetrics;
  active: { version: string | null; metrics: NluMetrics } | null;
  comparison: { worse: boolean; reasons: string[]; heads: Record<string, { lost: number; gained: number; p: number }> };
}

const percent = (value: number | undefined): string => (value === undefined ? '  -  ' : `${(value * 100).toFixed(1)}%`);

/** The before/after table `nlu train` prints before it activates anything. */
function describeTraining(report: TrainingReport): string[] {
  const lines = [
    `trained ${report.version}: ${report.examples} examples (${report.reviewed.used} reviewed officer labels, ${report.reviewed.replacedTeamLines} team lines replaced, ${report.reviewed.droppedHeldOut} dropped as dev/test messages; ${report.curated.used} of ${report.curated.offered} officers' FAQ phrasings)`,
    `                      new model (typed / no diacritics)   active ${report.active?.version ?? '(none)'}`,
  ];
  for (const set of ['dev', 'test'] as const) {
    for (const head of ['route', 'topic', 'sentiment']) {
      const next = report.candidate[set]?.[head];
      const current = report.active?.metrics[set]?.[head];
      if (next === undefined) continue;
      const label = `${set === 'test' ? 'locked test' : 'dev'} ${head}`.padEnd(22);
      lines.push(`${label}${percent(next.accuracy)} / ${percent(next.stripped)}              ${percent(current?.accuracy)} / ${percent(current?.stripped)}`);
    }
  }
  const paired = Object.entries(report.comparison.heads).map(([head, h]) => `${head} −${h.lost}/+${h.gained} (p ${h.p})`);
  if (paired.length > 0) lines.push(`dev messages lost/gained against the active model: ${paired.join(', ')}`);
  lines.push(report.comparison.worse ? `worse on dev: ${report.comparison.reasons.join('; ')}` : 'not significantly worse on dev');
  return lines;
}
