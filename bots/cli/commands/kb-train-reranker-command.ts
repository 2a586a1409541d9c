import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import {
  createArticleReranker,
  createQuestionLawSearch,
  createRerankRecorder,
  DEFAULT_RERANK_TRAINING,
  firstAcceptableRank,
  informativeGroup,
  recallFigures,
  trainArticleReranker,
  scoreAnswer,
  type AnswerEvalCase,
  type ArticleReranker,
  type RecallFigures,
  type RetrievalCaseResult,
} from '../../../knowledge/index.js';
import { reportCommandErrors } from '../cli-context.js';
import { loadEvaluationKnowledge, readCases, shippedSetFiles, type KbEvalAnswersDeps } from './kb-eval-answers-command.js';

const optionsSchema = z.object({
  format: z.enum(['text', 'json'], { message: 'format must be text or json' }),
  // Learns from the dev batches only: the locked test is never read case by case (D-answers-3).
  set: z.enum(['dev'], { message: 'the reranker is trained on the dev set only' }),
  corpus: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  cv: z.boolean().default(false),
  answers: z.boolean().default(false),
  depth: z.coerce.number({ message: 'depth must be a number' }).int().min(2).max(50),
  margin: z.coerce.number({ message: 'margin must be a number' }).min(0).max(100),
  l2: z.coerce.number({ message: 'l2 must be a number' }).min(0).max(10),
  iterations: z.coerce.number({ message: 'iterations must be a number' }).int().min(1).max(10_000),
});

const RANK_DEPTH = 10;

/**
 * `kb train-reranker`: fits the article reranker (knowledge/answer/article-reranker.ts) on the dev batches, from the
 * search the answer makes, and with `--cv` measures it honestly: leave one batch out (a question and its unaccented
 * twin are in the same batch), train on the others, rank the batch left out; recall@1/3/5/10 next to the search's
 * own order. `--out FILE` writes the model trained on every dev batch (D-answers-49).
 */
export function registerKbTrainReranker(kb: Command, deps: KbEvalAnswersDeps): void {
  kb.command('train-reranker')
    .description('train the learned reranker of the law search\'s leading articles; --cv: leave-one-batch-out recall')
    .option('--format <format>', 'text or json', 'text')
    .option('--set <set>', 'dev (the only set it may learn from)', 'dev')
    .option('--corpus <file>', 'search this JSONL corpus instead of the database')
    .option('--out <file>', 'write the model trained on every dev batch to this JSON file')
    .option('--cv', 'leave-one-batch-out cross-validation, recall per batch next to the search\'s order')
    .option('--answers', 'with --cv: also answer each left-out batch through the service with its fold\'s model (right answers, invented citations)')
    .option('--depth <n>', 'how many leading hits are reordered', String(DEFAULT_RERANK_TRAINING.depth))
    .option('--margin <value>', "another candidate leads only when the model prefers it to the search's first by more than this", String(DEFAULT_RERANK_TRAINING.keepFirstMargin))
    .option('--l2 <value>', 'L2 penalty', String(DEFAULT_RERANK_TRAINING.l2))
    .option('--iterations <n>', 'gradient steps', String(DEFAULT_RERANK_TRAINING.iterations))
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(optionsSchema, rawOptions, 'options');
        const files = await shippedSetFiles(options.set);
        const batches = await Promise.all(files.map(async (file) => ({ name: basename(file, '.jsonl'), cases: await readCases(file) })));
        const { retriever, redactor, normalizeQuery, lookup, serviceWith } = await loadEvaluationKnowledge(deps, options.corpus);
        const answerRows: { batch: string; right: number; invented: number; n: number }[] = [];
        const searchWith = (reranker: ArticleReranker) => createQuestionLawSearch({ retriever, redactor, queryNormalizer: normalizeQuery, reranker });
        const rank = (search: ReturnType<typeof searchWith>, batch: string, item: AnswerEvalCase): RetrievalCaseResult => ({
          id: item.id,
          batch,
          style: item.style,
          rank: firstAcceptableRank(search(item.q, RANK_DEPTH).hits.slice(0, RANK_DEPTH).map((hit) => hit.article), item.cite),
          right: false,
        });
        // The recorder reorders nothing: this pass is the search's own order, and it collects the training data.
        const recorder = createRerankRecorder(options.depth);
        const recording = searchWith(recorder.reranker);
        const before: RetrievalCaseResult[] = [];
        for (const batch of batches) {
          for (const item of batch.cases) {
            recorder.searching(batch.name, item);
            before.push(rank(recording, batch.name, item));
          }
        }
        const groups = recorder.groups();
        const training = { ...DEFAULT_RERANK_TRAINING, l2: options.l2, iterations: options.iterations, depth: options.depth, keepFirstMargin: options.margin, set: options.set };
        const after: RetrievalCaseResult[] = [];
        if (options.cv) {
          for (const batch of batches) {
            const reranker = createArticleReranker(trainArticleReranker(groups.filter((g) => g.batch !== batch.name), training));
            const search = searchWith(reranker);
            for (const item of batch.cases) after.push(rank(search, batch.name, item));
            if (options.answers) {
              const service = serviceWith(undefined, reranker);
              const row = { batch: batch.name, right: 0, invented: 0, n: batch.cases.length };
              for (const item of batch.cases) {
                const result = scoreAnswer(item, await service.answer({ text: item.q, topic: 'other', entities: [] }), (lawId, articleNo) => lookup.get(lawId, articleNo));
                if (result.outcome === 'right') row.right += 1;
                if (result.invented.length > 0) row.invented += 1;
              }
              answerRows.push(row);
            }
          }
        }
        const model = trainArticleReranker(groups, training);
        if (options.out) {
          await writeFile(options.out, `${JSON.stringify(model, null, 2)}\n`).catch((error: unknown) => {
            throw new AppError('VALIDATION_FAILED', `cannot write ${options.out}`, { cause: error, fields: [{ path: 'out', message: 'cannot write' }] });
          });
        }
        const byBatch = batches.map((batch) => ({
          batch: batch.name,
          before: recallFigures(before.filter((r) => r.batch === batch.name)),
          ...(options.cv ? { cv: recallFigures(after.filter((r) => r.batch === batch.name)) } : {}),
          ...(options.answers ? { answers: answerRows.find((row) => row.batch === batch.name) } : {}),
        }));
        const summary = {
          questions: before.length,
          informative: groups.filter(informativeGroup).length,
          before: recallFigures(before),
          ...(options.cv ? { cv: recallFigures(after), changed: after.filter((r, i) => r.rank !== before[i]?.rank).map((r, i) => ({ id: `${r.batch}/${r.id}`, rank: r.rank, was: before[i]?.rank ?? null })) } : {}),
          weights: Object.fromEntries(model.features.map((name, i) => [name, Number((model.weights[i] as number).toFixed(3))])),
        };
        if (options.format === 'json') {
          deps.stdout(JSON.stringify({ ...summary, batches: byBatch }));
          return;
        }
        deps.stdout(`${summary.questions} câu hỏi (${summary.informative} dùng để học); thứ tự của tìm kiếm → kiểm định chéo (bỏ một đợt):`);
        deps.stdout(`  tất cả: ${line(summary.before)}` + (summary.cv ? ` → ${line(summary.cv)}` : ''));
        for (const row of byBatch) deps.stdout(`  ${row.batch}: ${line(row.before)}` + (row.cv ? ` → ${line(row.cv)}` : '') + (row.answers ? `; trả lời đúng ${row.answers.right}/${row.answers.n}, bịa ${row.answers.invented}` : ''));
        deps.stdout(`  trọng số: ${Object.entries(summary.weights).map(([name, w]) => `${name} ${w}`).join(', ')}`);
      }),
    );
}

const pct = (share: number) => `${(100 * share).toFixed(1)}`;
const line = (f: RecallFigures) => `@1 ${pct(f.recall.at1)} @3 ${pct(f.recall.at3)} @5 ${pct(f.recall.at5)} @10 ${pct(f.recall.at10)} MRR ${f.mrr.toFixed(3)}`;
