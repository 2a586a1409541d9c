import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { createRedactor } from '../../../intents/index.js';
import {
  createArticleLookup,
  createDefaultFaqMatcher,
  createKnowledgeService,
  createLawRetriever,
  loadDefaultSynonymGroups,
  loadStarterPack,
  loadExpansionPhrasings,
  parseAnswerEvalJsonl,
  readLawCorpus,
  scoreAnswer,
  summariseAnswers,
  failureDetail,
  formatFailure,
  type AnswerFailureDetail,
  createQuestionLawSearch,
  createUnitChooser,
  loadUnitChooserModel,
  createArticleReranker,
  DEFAULT_ARTICLE_RERANKER_MODEL,
  loadArticleRerankerModel,
  type ArticleReranker,
  firstAcceptableRank,
  summariseRetrieval,
  formatRetrievalDiagnostic,
  FOUND_DEPTH,
  type RetrievalCaseResult,
  type UnitChooser,
} from '../../../knowledge/index.js';
import { fromProjectRoot } from '../../project-root.js';
import { reportCommandErrors } from '../cli-context.js';
import type { LawRepository } from '../../storage/repositories/law-repository.js';

/** What the command needs of the `kb` commands' dependencies (declared here: kb-commands imports this file). */
export interface KbEvalAnswersDeps {
  openDatabase: () => Promise<{ lawRepository: LawRepository; close(): Promise<void> }>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  normalizeQuery?: (text: string) => string;
}

const optionsSchema = z.object({
  format: z.enum(['text', 'json'], { message: 'format must be text or json' }),
  set: z.enum(['dev', 'locked'], { message: 'set must be dev or locked' }),
  cases: z.string().min(1).optional(),
  corpus: z.string().min(1).optional(),
  failures: z.boolean().default(false),
  retrieval: z.boolean().default(false),
  chooser: z.string().min(1).optional(),
  reranker: z.string().min(1),
});

/**
 * `kb eval-answers`: the answer evaluation of issue #11 (knowledge/eval/answers/, dev and a locked test set): each
 * member question is answered as members are answered without an LLM (starter-pack FAQ first, then the extractive
 * legal answer, the members' query normaliser) and scored: right (fact stated and an acceptable article cited),
 * fact-only, cite-only, neither, invented citations or figures, and whether the fact leads the reply. `--failures`
 * prints what members were told on each failing question (dev or a --cases file only). `--retrieval` adds where a
 * question is lost: the rank of the first acceptable article in the search the answer makes (recall@1/3/5/10, MRR,
 * by batch and typing) and {found in the first 5} × {reply right} (D-answers-34; dev or a --cases file only).
 */
export function registerKbEvalAnswers(kb: Command, deps: KbEvalAnswersDeps): void {
  kb.command('eval-answers')
    .description('score answers on the answer evaluation set: right, fact-only, cite-only, invented citations')
    .option('--format <format>', 'text or json', 'text')
    .option('--set <set>', 'dev or locked (the shipped sets)', 'locked')
    .option('--cases <file>', 'another evaluation JSONL ({"id","q","facts":[…],"cite":[{"law_id","article_no"}]})')
    .option('--corpus <file>', 'answer from this JSONL corpus instead of the database')
    .option('--failures', "also print each failing question with the reply members get, what was expected and what it cited")
    .option('--chooser <file>', 'lead extractive answers with the unit a trained chooser picks (kb train-chooser --out; off by default, D-answers-38)')
    .option('--reranker <file>', "the trained reranker of the law search's leading articles (kb train-reranker --out); off: the retriever's order (D-answers-49)", 'default')
    .option('--retrieval', 'also rank the first acceptable article in the law search the answer makes: recall@1/3/5/10, MRR, found × right (dev or --cases only)')
    .action(async (rawOptions: unknown) =>
      reportCommandErrors(deps.stderr, rawOptions, async () => {
        const options = parseOrThrow(optionsSchema, rawOptions, 'options');
        // The locked test is never read case by case (D-answers-3): reading its failures is how one tunes on it.
        if (options.failures && !options.cases && options.set === 'locked') {
          throw new AppError('VALIDATION_FAILED', '--failures is for the dev set or your own --cases file: the locked test set is never read case by case', {
            fields: [{ path: 'failures', message: 'not with --set locked' }],
          });
        }
        if (options.retrieval && !options.cases && options.set === 'locked') {
          throw new AppError('VALIDATION_FAILED', '--retrieval is for the dev set or your own --cases file: the locked test set is never diagnosed', {
            fields: [{ path: 'retrieval', message: 'not with --set locked' }],
          });
        }
        const files = options.cases ? [options.cases] : await shippedSetFiles(options.set);
        const batches = await Promise.all(files.map(async (file) => ({ file, cases: await readCases(file) })));
        const { lookup, retriever, redactor, normalizeQuery, serviceWith } = await loadEvaluationKnowledge(deps, options.corpus);
        // The committed model unless another file is named, or `off` (D-answers-49): members get the committed one.
        const reranker =
          options.reranker === 'off' ? undefined : createArticleReranker(loadArticleRerankerModel(options.reranker === 'default' ? DEFAULT_ARTICLE_RERANKER_MODEL : options.reranker));
        const service = serviceWith(options.chooser ? createUnitChooser(loadUnitChooserModel(options.chooser)) : undefined, reranker);
        // The diagnostic searches with the service's own dependencies and options: the search members get.
        const searchQuestion = createQuestionLawSearch({ retriever, redactor, queryNormalizer: normalizeQuery, ...(reranker ? { reranker } : {}) });
        const retrievalRows: (RetrievalCaseResult & { top: string[] })[] = [];
        const batchReports = [];
        const results = [];
        const failures: AnswerFailureDetail[] = [];
        for (const batch of batches) {
          const batchResults = [];
          for (const item of batch.cases) {
            const answer = await service.answer({ text: item.q, topic: 'other', entities: [] });
            const result = scoreAnswer(item, answer, (lawId, articleNo) => lookup.get(lawId, articleNo));
            batchResults.push(result);
            if (options.retrieval) {
              const hits = searchQuestion(item.q, 10).hits.slice(0, 10).map((hit) => hit.article);
              retrievalRows.push({
                id: item.id,
                batch: basename(batch.file, '.jsonl'),
                style: item.style,
                rank: firstAcceptableRank(hits, item.cite),
                right: result.outcome === 'right',
                kind: answer.kind,
                top: hits.slice(0, FOUND_DEPTH).map((article) => `${article.lawId} Điều ${article.articleNo}`),
              });
            }
            if (options.failures && (result.outcome !== 'right' || result.invented.length > 0)) failures.push(failureDetail(item, answer, result));
          }
          results.push(...batchResults);
          batchReports.push({ file: basename(batch.file), n: batchResults.length, right: batchResults.filter((r) => r.outcome === 'right').length });
        }
        const report = summariseAnswers(results);
        const retrieval = options.retrieval ? summariseRetrieval(retrievalRows) : null;
        if (options.format === 'json') {
          deps.stdout(
            JSON.stringify({
              set: options.cases ?? options.set,
              batches: batchReports,
              ...report,
              ...(options.failures ? { failure_details: failures } : {}),
              ...(retrieval ? { retrieval: { ...retrieval, cases: retrievalRows } } : {}),
            }),
          );
          return;
        }
        const pct = (n: number) => `${((100 * n) / Math.max(report.n, 1)).toFixed(1)} %`;
        deps.stdout(
          `${report.n} câu hỏi: đúng ${pct(report.right)} (${report.right}), chỉ đúng dữ kiện ${report.fact_only}, chỉ đúng điều luật ${report.cite_only}, sai cả hai ${report.neither}; ` +
            `dữ kiện ở đoạn đầu ${pct(report.lead)}; trích dẫn hoặc số liệu bịa ${report.invented}`,
        );
        for (const [style, bucket] of Object.entries(report.by_style)) deps.stdout(`  ${style}: ${bucket.right}/${bucket.n}`);
        if (batchReports.length > 1) for (const batch of batchReports) deps.stdout(`  ${batch.file}: ${batch.right}/${batch.n}`);
        if (retrieval) for (const line of formatRetrievalDiagnostic(retrieval)) deps.stdout(line);
        for (const detail of failures) for (const line of formatFailure(detail)) deps.stdout(line);
      }),
    );
}

const SETS_DIR = fromProjectRoot('knowledge/eval/answers');

/**
 * A shipped set is every batch of it: `dev.jsonl`, `dev-2.jsonl`, … Batches are added, never edited, so each locked
 * batch keeps the figure it was first measured with (docs/decisions.md D-answers-3).
 */
export async function shippedSetFiles(set: 'dev' | 'locked'): Promise<string[]> {
  const pattern = new RegExp(`^${set}(?:-(\\d+))?\\.jsonl$`);
  const batches = (await readdir(SETS_DIR)).flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ name, order: Number(match[1] ?? 1) }] : [];
  });
  return batches.sort((a, b) => a.order - b.order).map(({ name }) => join(SETS_DIR, name));
}

export async function readCases(file: string) {
  return parseAnswerEvalJsonl(await readFile(file, 'utf8').catch((error: unknown) => {
    throw new AppError('VALIDATION_FAILED', `cannot read ${file}`, { cause: error, fields: [{ path: 'cases', message: 'cannot read' }] });
  }));
}

/**
 * The knowledge service as members get it without an LLM (starter-pack FAQ, the law search over the corpus, the
 * redactor, the members' query normaliser), wired once for the evaluation commands (`kb eval-answers`,
 * `kb train-chooser`); `serviceWith` takes the unit chooser to lead extractive answers with, if any.
 */
export async function loadEvaluationKnowledge(deps: KbEvalAnswersDeps, corpusFile: string | undefined) {
  const { articles, documents } = await loadCorpus(deps, corpusFile);
  const normalizeQuery = deps.normalizeQuery ?? ((text: string) => text);
  const lookup = createArticleLookup(articles);
  const starterPack = loadStarterPack();
  const retriever = createLawRetriever({ articles, documents, synonyms: loadDefaultSynonymGroups(), normalizeQuery, phrasings: loadExpansionPhrasings(starterPack) });
  const faq = createDefaultFaqMatcher(starterPack, { normalize: normalizeQuery });
  const redactor = createRedactor();
  const serviceWith = (unitChooser?: UnitChooser, articleReranker?: ArticleReranker) =>
    createKnowledgeService({ retriever, faq, redactor, articles: lookup, queryNormalizer: normalizeQuery, ...(unitChooser ? { unitChooser } : {}), ...(articleReranker ? { articleReranker } : {}) });
  return { lookup, retriever, redactor, normalizeQuery, serviceWith };
}

export async function loadCorpus(deps: KbEvalAnswersDeps, corpusFile: string | undefined) {
  if (corpusFile) return readLawCorpus(corpusFile);
  const database = await deps.openDatabase();
  try {
    const [articles, documents] = await Promise.all([database.lawRepository.listArticles(), database.lawRepository.listDocuments()]);
    if (articles.length === 0) throw new AppError('NOT_FOUND', 'no law articles in the database: run `kb import FILE` first, or pass --corpus FILE');
    return { articles, documents };
  } finally {
    await database.close();
  }
}
