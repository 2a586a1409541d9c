/**
 * Answer composition benchmark: `node --import tsx tests/bench/answers.bench.ts`.
 * JSON lines: FAQ index build and match latency, FAQ precision/recall on the held-out set, end-to-end
 * `KnowledgeService.answer` latency without an LLM (FAQ / extractive / not covered) and through the OpenAI SDK
 * against the local fake server (HTTP round trip, reply checks). Shared corpus when present, else the fixture.
 * `--set dev` prints the answer evaluation of the dev set only (without it: dev and locked).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FAQ_THRESHOLD } from '../../knowledge/faq/faq-matcher.js';
import { createDefaultFaqMatcher } from '../../knowledge/faq/default-faq-matcher.js';
import { evaluateFaqMatcher, parseFaqEvalJsonl } from '../../knowledge/faq/faq-evaluation.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { normalizeText } from '../../intents/index.js';
import { groundedResponder, startFakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { ask, createAnswerStack, loadAnswerCorpus, SHARED_CORPUS_FILE } from '../knowledge/answers-fixtures.js';
import { runAdversarialReplies } from '../knowledge/adversarial-replies.js';
import type { RecallFigures, RetrievalDiagnostic } from '../../knowledge/eval/retrieval-diagnostic.js';
import { answerEvalSets } from './support/bench-args.js';

// `--set dev` (npm run bench -- answers --set dev): the dev evaluation only, for everyone but the lead. Read first, so
// a bad value fails before minutes of benchmarks.
const evalSets = answerEvalSets(process.argv.slice(2));

const corpus = await loadAnswerCorpus();
const emit = (record: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ suite: 'answers', corpus: corpus.source, ...record })}\n`);
};
const round = (value: number): number => Number(value.toFixed(3));
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = latencies.reduce((sum, value) => sum + value, 0);
  return { n: latencies.length, ms_p50: round(percentile(sorted, 0.5)), ms_p99: round(percentile(sorted, 0.99)), per_second: round((latencies.length / total) * 1000) };
};

const entries = loadStarterPack();
const buildStart = performance.now();
const matcher = createDefaultFaqMatcher(entries);
emit({ bench: 'faq_index_build', ms: round(performance.now() - buildStart), entries: entries.length });

const cases = parseFaqEvalJsonl(readFileSync(new URL('../../knowledge/faq/faq-eval.jsonl', import.meta.url), 'utf8'));
for (const point of evaluateFaqMatcher(matcher, cases, [0.4, DEFAULT_FAQ_THRESHOLD, 0.6])) {
  emit({ bench: 'faq_eval', threshold: point.threshold, precision: round(point.precision), recall: round(point.recall), false_answer_rate: round(point.falseAnswerRate), cases: cases.length });
}

// As bots/ should wire it: the NLU normaliser (teencode, tone placement) on both sides of the FAQ comparison.
const normalized = createDefaultFaqMatcher(entries, { normalize: (text) => normalizeText(text).canonical });
for (const point of evaluateFaqMatcher(normalized, cases, [DEFAULT_FAQ_THRESHOLD])) {
  emit({ bench: 'faq_eval_normalized', threshold: point.threshold, precision: round(point.precision), recall: round(point.recall), false_answer_rate: round(point.falseAnswerRate), cases: cases.length });
}

const questions = Array.from({ length: 1000 }, (_, i) => cases[i % cases.length]?.text as string);
for (const question of questions.slice(0, 50)) matcher.match(question);
const matchLatencies = questions.map((question) => {
  const start = performance.now();
  matcher.match(question);
  return performance.now() - start;
});
emit({ bench: 'faq_match', ...summary(matchLatencies) });

const { service } = await createAnswerStack();
const kinds = new Map<string, number>();
const answerLatencies: number[] = [];
for (const question of questions.slice(0, 400)) {
  const start = performance.now();
  const answer = await service.answer(ask(question));
  answerLatencies.push(performance.now() - start);
  kinds.set(answer.composer, (kinds.get(answer.composer) ?? 0) + 1);
}
emit({ bench: 'answer_without_llm', ...summary(answerLatencies), composers: Object.fromEntries(kinds) });

// Coverage decision (answer vs "not covered") on questions the corpus covers and on ones it does not.
const jsonLines = (url: URL) => readFileSync(url, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
const coverage = [
  ...jsonLines(new URL('../../knowledge/answer/coverage-eval.jsonl', import.meta.url)).map((line) => ({ text: String(line.text), covered: line.covered === true })),
  ...cases.filter((c) => c.expected !== null).map((c) => ({ text: c.text, covered: true })),
  ...jsonLines(new URL('../../knowledge/eval/questions.jsonl', import.meta.url)).map((line) => ({ text: String(line.q), covered: true })),
];
let answeredCovered = 0;
let rejectedUncovered = 0;
for (const item of coverage) {
  const answer = await service.answer(ask(item.text));
  if (item.covered && answer.kind !== 'not_covered') answeredCovered += 1;
  if (!item.covered && answer.kind === 'not_covered') rejectedUncovered += 1;
}
const coveredCount = coverage.filter((item) => item.covered).length;
emit({
  bench: 'coverage_decision',
  covered: coveredCount,
  uncovered: coverage.length - coveredCount,
  covered_answered: round(answeredCovered / coveredCount),
  uncovered_not_covered: round(rejectedUncovered / (coverage.length - coveredCount)),
});

const llm = await startFakeOpenAiServer({ defaultResponder: groundedResponder });
const { service: llmService } = await createAnswerStack({ llmBaseURL: llm.baseURL, withFaq: false });
const legalQuestions = cases.filter((c) => c.expected !== null).map((c) => c.text);
const llmLatencies: number[] = [];
const llmComposers = new Map<string, number>();
for (const question of legalQuestions) {
  const start = performance.now();
  const answer = await llmService.answer(ask(question));
  llmLatencies.push(performance.now() - start);
  const key = answer.fallbackReason ? `${answer.composer}:${answer.fallbackReason}` : answer.composer;
  llmComposers.set(key, (llmComposers.get(key) ?? 0) + 1);
}
emit({ bench: 'answer_with_fake_llm', ...summary(llmLatencies), outcomes: Object.fromEntries(llmComposers), llm_requests: llm.requests.length });
await llm.close();

// Issue #11 item 8: the adversarial set of bad model replies, each served by the fake LLM for every attempt; caught =
// the member got the extractive answer instead. Needs the shared corpus (its questions name real articles).
if (corpus.source === 'shared') {
  const adversarialLlm = await startFakeOpenAiServer();
  const { service: guarded } = await createAnswerStack({ llmBaseURL: adversarialLlm.baseURL, withFaq: false });
  const outcomes = await runAdversarialReplies(adversarialLlm, guarded);
  const byCategory: Record<string, string> = {};
  for (const category of new Set(outcomes.map((o) => o.category))) {
    const inCategory = outcomes.filter((o) => o.category === category);
    byCategory[category] = `${inCategory.filter((o) => o.caught).length}/${inCategory.length}`;
  }
  emit({ bench: 'llm_adversarial', replies: outcomes.length, caught: outcomes.filter((o) => o.caught).length, catch_rate: round(outcomes.filter((o) => o.caught).length / outcomes.length), by_category: byCategory, missed: outcomes.filter((o) => !o.caught).map((o) => o.id) });
  await adversarialLlm.close();
}

// Issue #11 item 5: the answer evaluation (right = fact stated and an acceptable article cited, without an LLM),
// exactly as `congdoan kb eval-answers` prints it, per set and per batch (the locked batches are never tuned on).
if (corpus.source === 'shared') {
  for (const set of evalSets) {
    // Dev only: where a question is lost, the rank of the first acceptable article in the answer's own search (D-answers-34).
    const diagnose = set === 'dev' ? ['--retrieval'] : [];
    const output = execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/congdoan.mjs', import.meta.url)), 'kb', 'eval-answers', '--set', set, ...diagnose, '--corpus', SHARED_CORPUS_FILE, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const report = JSON.parse(output) as { n: number; right: number; invented: number; lead: number; batches: unknown; by_style: unknown; retrieval?: RetrievalDiagnostic };
    emit({ bench: 'answer_eval', set, n: report.n, right: report.right, right_rate: round(report.right / report.n), invented: report.invented, fact_first: round(report.lead / report.n), by_style: report.by_style, batches: report.batches });
    if (report.retrieval) emit(retrievalBenchLine(set, report.retrieval));
  }
}

/** The retrieval diagnostic as one bench line: recall@k and MRR overall, by typing and by batch, and found × right. */
function retrievalBenchLine(set: string, diagnostic: RetrievalDiagnostic): Record<string, unknown> {
  const figures = (f: RecallFigures) => ({ n: f.n, r1: round(f.recall.at1), r3: round(f.recall.at3), r5: round(f.recall.at5), r10: round(f.recall.at10), mrr: round(f.mrr), right: f.right });
  return {
    bench: 'answer_retrieval',
    set,
    ...figures(diagnostic),
    typed: figures(diagnostic.by_typing.typed),
    untyped: figures(diagnostic.by_typing.untyped),
    batches: Object.fromEntries(Object.entries(diagnostic.by_batch).map(([batch, f]) => [batch, figures(f)])),
    found_top5_x_right: diagnostic.confusion,
  };
}
