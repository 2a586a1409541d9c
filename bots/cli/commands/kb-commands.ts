import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportCommandErrors } from '../cli-context.js';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../core/errors/app-error.js';
import { fieldIssuesFromZod, parseOrThrow } from '../../../core/errors/zod-issues.js';
import { silentLogger, type Logger } from '../../../core/ports/logger.js';
import {
  createArticleReranker,
  createLawRetriever,
  evaluateRetrieval,
  loadArticleRerankerModel,
  importLawCorpus,
  loadDefaultEvaluationQuestions,
  loadDefaultSynonymGroups,
  loadExpansionPhrasings,
  loadStarterPack,
  parseEvaluationQuestions,
  readLawCorpus,
  type LexicalLawRetriever,
  type PassageHit,
} from '../../../knowledge/index.js';
import type { LawRepository } from '../../storage/repositories/law-repository.js';
import { registerKbEvalAnswers } from './kb-eval-answers-command.js';
import { registerKbTrainChooser } from './kb-train-chooser-command.js';
import { registerKbTrainReranker } from './kb-train-reranker-command.js';

export interface KbCommandDeps {
  /** `announceLawChange` tells running servers and workers to rebuild their law index (bots/knowledge/knowledge-sync.ts). */
  openDatabase: () => Promise<{ lawRepository: LawRepository; announceLawChange?: () => Promise<void>; close(): Promise<void> }>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Teencode/tone normaliser for queries (the NLU helper's); identity when absent. */
  normalizeQuery?: (text: string) => string;
  logger?: Logger;
}

const formatSchema = z.enum(['text', 'json'], { message: 'format must be text or json' });
const importOptionsSchema = z.object({ format: formatSchema });
const searchOptionsSchema = z.object({
  format: formatSchema,
  k: z.coerce.number({ message: 'k must be a number' }).int('k must be a whole number').min(1).max(50),
  corpus: z.string().min(1).optional(),
  input: z.string().min(1).optional(),
  includeExpired: z.boolean().optional(),
});
const evalOptionsSchema = z.object({ format: formatSchema, corpus: z.string().min(1).optional(), questions: z.string().min(1).optional(), reranker: z.string().min(1).optional() });
const queryLineSchema = z.object({ q: z.string().trim().min(1, 'q must not be empty') });

/**
 * `kb import | search | eval`: the law corpus from the command line. stdout carries only the result (one
 * JSON document or line per query with `--format json`); any error goes to stderr and exits with code 2.
 */
export function registerKbCommands(program: Command, deps: KbCommandDeps): void {
  const kb = program.command('kb').description('law knowledge base: import the corpus, search it, evaluate retrieval');
  const logger = deps.logger ?? silentLogger;

  kb.command('import')
    .description('import a law corpus JSONL file (laws.json beside it is read too); idempotent')
    .argument('<file>', 'articles.jsonl in the shared corpus format')
    .option('--format <format>', 'text or json', 'text')
    .action(async (file: string, rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(importOptionsSchema, rawOptions, 'options');
        const database = await deps.openDatabase();
        try {
          const counts = await importLawCorpus({ file, repository: database.lawRepository, logger });
          if (counts.added + counts.changed + counts.removed > 0) await database.announceLawChange?.();
          deps.stdout(
            options.format === 'json'
              ? JSON.stringify(counts)
              : `${counts.documents} văn bản: ${counts.added} điều thêm mới, ${counts.changed} điều thay đổi, ${counts.unchanged} điều giữ nguyên, ${counts.removed} điều bị bỏ`,
          );
        } finally {
          await database.close();
        }
      }),
    );

  kb.command('search')
    .description('rank law articles for a question (from the database, or from --corpus FILE in memory)')
    .argument('[query]', 'the question; or use --input')
    .option('--format <format>', 'text or json', 'text')
    .option('--k <k>', 'number of articles per question', '5')
    .option('--corpus <file>', 'search this JSONL corpus instead of the database')
    .option('--input <file>', 'JSONL file with one {"q": "..."} per line')
    .option('--include-expired', 'also rank expired documents')
    .action(async (query: string | undefined, rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(searchOptionsSchema, rawOptions, 'options');
        const queries = options.input ? await readQueryFile(options.input) : query ? [query] : [];
        if (queries.length === 0) {
          throw new AppError('VALIDATION_FAILED', 'give a question or --input FILE', { fields: [{ path: 'query', message: 'required' }] });
        }
        const retriever = await buildRetriever(deps, options.corpus);
        for (const q of queries) {
          const hits = retriever.search(q, { k: options.k, includeExpired: options.includeExpired === true });
          deps.stdout(options.format === 'json' ? JSON.stringify({ q, hits: hits.map(toJsonHit) }) : formatTextHits(q, hits));
        }
      }),
    );

  kb.command('eval')
    .description('measure Recall@1, Recall@5 and MRR@10 of retrieval on an evaluation set')
    .option('--format <format>', 'text or json', 'text')
    .option('--corpus <file>', 'evaluate over this JSONL corpus instead of the database')
    .option('--questions <file>', 'evaluation JSONL ({"q","gold":[{"law_id","article_no"}]}); default: the shipped set')
    .option('--reranker <file>', "reorder the leading articles with this trained reranker (kb train-reranker --out), as the answer's search does")
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(evalOptionsSchema, rawOptions, 'options');
        const questions = options.questions
          ? parseEvaluationQuestions(await readInput(options.questions))
          : await loadDefaultEvaluationQuestions();
        const retriever = await buildRetriever(deps, options.corpus);
        const reranker = options.reranker ? createArticleReranker(loadArticleRerankerModel(options.reranker)) : null;
        const search = (q: string, o: { k: number }) =>
          reranker ? [...reranker.rerank({ text: q, asker: null }, retriever.search(q, { k: Math.max(o.k, reranker.depth), signals: true }))].slice(0, o.k) : retriever.search(q, o);
        for (const view of ['as_typed', 'folded'] as const) {
          const { misses: _misses, ...metrics } = await evaluateRetrieval(search, questions, view);
          deps.stdout(
            options.format === 'json'
              ? JSON.stringify({ view, ...metrics })
              : `${view}: ${metrics.questions} câu hỏi, Recall@1 ${pct(metrics.recallAt1)}, Recall@5 ${pct(metrics.recallAt5)}, MRR@10 ${metrics.mrrAt10.toFixed(3)}`,
          );
        }
      }),
    );

  registerKbEvalAnswers(kb, deps);
  registerKbTrainChooser(kb, deps);
  registerKbTrainReranker(kb, deps);
}

async function buildRetriever(deps: KbCommandDeps, corpusFile: string | undefined): Promise<LexicalLawRetriever> {
  const synonyms = loadDefaultSynonymGroups();
  const normalizeQuery = deps.normalizeQuery;
  // The starter pack's phrasings, as `kb eval-answers` reads them (a server expands with the published FAQ instead).
  const phrasings = loadExpansionPhrasings(loadStarterPack());
  if (corpusFile) {
    const corpus = await readLawCorpus(corpusFile);
    return createLawRetriever({ articles: corpus.articles, documents: corpus.documents, synonyms, normalizeQuery, phrasings });
  }
  const database = await deps.openDatabase();
  try {
    const [articles, documents] = await Promise.all([database.lawRepository.listArticles(), database.lawRepository.listDocuments()]);
    if (articles.length === 0) {
      throw new AppError('NOT_FOUND', 'no law articles in the database: run `kb import FILE` first, or pass --corpus FILE');
    }
    return createLawRetriever({ articles, documents, synonyms, normalizeQuery, phrasings });
  } finally {
    await database.close();
  }
}

async function readQueryFile(file: string): Promise<string[]> {
  const text = await readInput(file);
  const queries: string[] = [];
  const issues: FieldIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown = null;
    try {
      json = JSON.parse(line);
    } catch {
      issues.push({ path: `line ${index + 1}`, message: 'not valid JSON' });
      return;
    }
    const parsed = queryLineSchema.safeParse(json);
    if (parsed.success) queries.push(parsed.data.q);
    else issues.push(...fieldIssuesFromZod(parsed.error, `line ${index + 1}`));
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `invalid query file: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { fields: issues });
  }
  return queries;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
      fields: [{ path: 'file', message: 'cannot read' }],
    });
  }
}

function toJsonHit(hit: PassageHit) {
  return {
    law_id: hit.article.lawId,
    article_no: hit.article.articleNo,
    title: hit.article.title,
    score: Number(hit.score.toFixed(4)),
    strength: Number(hit.strength.toFixed(3)),
  };
}

function formatTextHits(q: string, hits: PassageHit[]): string {
  if (hits.length === 0) return `${q}\n  (không tìm thấy điều luật phù hợp)`;
  const lines = hits.map(
    (hit, i) => `  ${i + 1}. Điều ${hit.article.articleNo} ${hit.article.lawName} (${hit.article.lawId}): ${hit.article.title} [${hit.score.toFixed(1)}; độ khớp ${hit.strength.toFixed(2)}]`,
  );
  return [q, ...lines].join('\n');
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

