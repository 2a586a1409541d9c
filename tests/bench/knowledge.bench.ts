/**
 * Knowledge retrieval benchmark: `node --import tsx tests/bench/knowledge.bench.ts`.
 * Prints one JSON line per measurement (index build, per-query latency p50/p99, queries per second, the CLI
 * batch of 1,000 queries end to end). Uses the shared corpus at ../shared/data/law when present, else the
 * test fixture (the line says which).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerKbCommands } from '../../bots/cli/commands/kb-commands.js';
import { loadDefaultEvaluationQuestions } from '../../knowledge/eval/evaluation-questions.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { createLawRetriever } from '../../knowledge/retrieval/law-retriever.js';
import { loadDefaultSynonymGroups } from '../../knowledge/retrieval/synonym-groups.js';
import { loadExpansionPhrasings } from '../../knowledge/retrieval/faq-phrasings.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { createHybridLawRetriever } from '../../knowledge/retrieval/hybrid-retriever.js';
import { createArticleReranker, DEFAULT_ARTICLE_RERANKER_MODEL, loadArticleRerankerModel } from '../../knowledge/answer/article-reranker.js';
import { createTransformersEmbeddingProvider } from '../../knowledge/retrieval/transformers-embedding-provider.js';
import { writeMiniCorpus } from '../knowledge/fixtures/mini-law-corpus.js';
import { buildTinyEmbeddingModel } from '../support/tiny-embedding-model.js';

const QUERIES = 1000;
const sharedCorpus = fileURLToPath(new URL('../../../shared/data/law/articles.jsonl', import.meta.url));
const corpusFile = process.env.LAW_CORPUS_FILE ?? (existsSync(sharedCorpus) ? sharedCorpus : writeMiniCorpus());
const corpusName = corpusFile === sharedCorpus ? 'shared' : 'fixture';

const emit = (record: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ suite: 'knowledge', corpus: corpusName, ...record })}\n`);
};
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const round = (value: number): number => Number(value.toFixed(3));

const loadStart = performance.now();
const corpus = await readLawCorpus(corpusFile);
emit({ bench: 'corpus_load', ms: round(performance.now() - loadStart), articles: corpus.articles.length });

const synonyms = loadDefaultSynonymGroups();
// The document expansion as `kb eval` and `kb eval-answers` read it: the starter pack's and the files' phrasings.
const phrasings = loadExpansionPhrasings(loadStarterPack());
const buildTimes: number[] = [];
let retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, synonyms, phrasings });
for (let run = 0; run < 3; run += 1) {
  const start = performance.now();
  retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, synonyms, phrasings });
  buildTimes.push(performance.now() - start);
}
buildTimes.sort((a, b) => a - b);
emit({ bench: 'index_build', runs: 3, ms_min: round(buildTimes[0] as number), ms_median: round(buildTimes[1] as number), articles: retriever.size });

// Member questions as typed and with diacritics stripped, cycled to QUERIES.
const questions = (await loadDefaultEvaluationQuestions()).flatMap((question) => [question.q, foldDiacritics(question.q)]);
const queries = Array.from({ length: QUERIES }, (_, i) => questions[i % questions.length] as string);
for (const query of queries.slice(0, 50)) retriever.search(query, { k: 5 });

const latencies: number[] = [];
const searchStart = performance.now();
for (const query of queries) {
  const start = performance.now();
  retriever.search(query, { k: 5 });
  latencies.push(performance.now() - start);
}
const totalMs = performance.now() - searchStart;
latencies.sort((a, b) => a - b);
emit({ bench: 'search', queries: QUERIES, k: 5, p50_ms: round(percentile(latencies, 0.5)), p99_ms: round(percentile(latencies, 0.99)), max_ms: round(latencies[latencies.length - 1] as number), qps: Math.round((QUERIES / totalMs) * 1000) });

// The same queries through the learned reranker (D-answers-49): 20 hits with their score parts, reordered, 5 kept.
const reranker = createArticleReranker(loadArticleRerankerModel(DEFAULT_ARTICLE_RERANKER_MODEL));
const rerankSearch = (query: string) => reranker.rerank({ text: query, asker: null }, retriever.search(query, { k: reranker.depth, signals: true })).slice(0, 5);
for (const query of queries.slice(0, 50)) rerankSearch(query);
const rerankLatencies: number[] = [];
const rerankStart = performance.now();
for (const query of queries) {
  const start = performance.now();
  rerankSearch(query);
  rerankLatencies.push(performance.now() - start);
}
const rerankTotalMs = performance.now() - rerankStart;
rerankLatencies.sort((a, b) => a - b);
emit({ bench: 'search_reranked', queries: QUERIES, depth: reranker.depth, k: 5, p50_ms: round(percentile(rerankLatencies, 0.5)), p99_ms: round(percentile(rerankLatencies, 0.99)), max_ms: round(rerankLatencies[rerankLatencies.length - 1] as number), qps: Math.round((QUERIES / rerankTotalMs) * 1000) });

// The CLI path of the brief: `kb search --format json --k 5 --corpus FILE --input Q.jsonl`, index built once.
const inputFile = join(mkdtempSync(join(tmpdir(), 'kb-bench-')), 'queries.jsonl');
writeFileSync(inputFile, queries.map((q) => JSON.stringify({ q })).join('\n'));
let outputLines = 0;
const program = new Command('congdoan').exitOverride();
registerKbCommands(program, {
  openDatabase: () => Promise.reject(new Error('the benchmark searches a corpus file, not the database')),
  stdout: () => {
    outputLines += 1;
  },
  stderr: (line) => process.stderr.write(`${line}\n`),
});
const cliStart = performance.now();
await program.parseAsync(['kb', 'search', '--format', 'json', '--k', '5', '--corpus', corpusFile, '--input', inputFile], { from: 'user' });
emit({ bench: 'cli_search_batch', queries: QUERIES, output_lines: outputLines, total_ms: round(performance.now() - cliStart), note: 'includes reading the corpus and building the index once' });

// Hybrid (BM25 + dense, RRF) with the tiny test encoder, or EMBEDDING_MODEL_PATH when set: the fusion and
// plumbing overhead. A real encoder's own cost is in vietnamese-nlp.md §7.2 (about 8 ms per short query).
const modelPath = process.env.EMBEDDING_MODEL_PATH ?? buildTinyEmbeddingModel().modelPath;
const embeddings = createTransformersEmbeddingProvider({ modelPath, batchSize: 32 });
const hybridStart = performance.now();
const hybrid = await createHybridLawRetriever({ lexical: retriever, embeddings });
emit({ bench: 'hybrid_build', model: embeddings.modelId, ms: round(performance.now() - hybridStart), articles: hybrid.size });
const hybridLatencies: number[] = [];
const hybridQueries = queries.slice(0, 200);
for (const query of hybridQueries) {
  const start = performance.now();
  await hybrid.searchAsync(query, { k: 5 });
  hybridLatencies.push(performance.now() - start);
}
hybridLatencies.sort((a, b) => a - b);
emit({ bench: 'hybrid_search', model: embeddings.modelId, queries: hybridQueries.length, p50_ms: round(percentile(hybridLatencies, 0.5)), p99_ms: round(percentile(hybridLatencies, 0.99)) });
