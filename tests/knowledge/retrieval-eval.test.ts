import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { evaluateRetrieval, type RetrievalMetrics } from '../../knowledge/eval/evaluate-retrieval.js';
import { loadDefaultEvaluationQuestions, parseEvaluationQuestions, type EvaluationQuestion } from '../../knowledge/eval/evaluation-questions.js';
import { parseLawCorpus } from '../../knowledge/law/parse-law-corpus.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { createLawRetriever, RECOMMENDED_MIN_STRENGTH, type LexicalLawRetriever } from '../../knowledge/retrieval/law-retriever.js';
import { loadDefaultSynonymGroups } from '../../knowledge/retrieval/synonym-groups.js';
import { loadExpansionPhrasings } from '../../knowledge/retrieval/faq-phrasings.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { miniCorpusJsonl, miniLawsJson } from './fixtures/mini-law-corpus.js';

/**
 * Retrieval quality gate. With the shared corpus present (../shared/data/law relative to the repo root) it
 * runs the member question sets of knowledge/eval; floors sit just under the measured values, so a change
 * that makes retrieval worse fails here. Without the corpus it runs a small set over the test fixture.
 */
const CORPUS_FILE = process.env.LAW_CORPUS_FILE ?? fileURLToPath(new URL('../../../shared/data/law/articles.jsonl', import.meta.url));
const HOLDOUT_FILE = fileURLToPath(new URL('../../knowledge/eval/questions-holdout.jsonl', import.meta.url));
const OFF_TOPIC_FILE = fileURLToPath(new URL('../../knowledge/eval/off-topic.jsonl', import.meta.url));
const hasCorpus = existsSync(CORPUS_FILE);

const FIXTURE_QUESTIONS: EvaluationQuestion[] = [
  { q: 'thử việc tối đa mấy ngày', gold: [{ law_id: 'LD/2019', article_no: '2' }] },
  { q: 'Muốn nghỉ việc phải báo trước bao lâu?', gold: [{ law_id: 'LD/2019', article_no: '3' }] },
  { q: 'tien tro cap thoi viec tinh the nao', gold: [{ law_id: 'LD/2019', article_no: '4' }] },
  { q: 'công ty trả lương chậm 20 ngày có phải đền bù không', gold: [{ law_id: 'LD/2019', article_no: '5' }] },
  { q: 'làm thêm giờ ngày lễ được trả bao nhiêu phần trăm', gold: [{ law_id: 'LD/2019', article_no: '6' }] },
  { q: 'nghi hang nam duoc bao nhieu ngay', gold: [{ law_id: 'LD/2019', article_no: '7' }] },
  { q: 'nghỉ thai sản mấy tháng', gold: [{ law_id: 'LD/2019', article_no: '8' }] },
  { q: 'điều kiện hưởng trợ cấp thất nghiệp', gold: [{ law_id: 'BH/2024', article_no: '1' }] },
  { q: 'ty le dong bao hiem xa hoi bat buoc', gold: [{ law_id: 'BH/2024', article_no: '2' }] },
];

describe(`retrieval evaluation (${hasCorpus ? 'shared law corpus' : 'test fixture corpus'})`, () => {
  let retriever: LexicalLawRetriever;
  let questions: EvaluationQuestion[];
  let asTyped: RetrievalMetrics;
  let folded: RetrievalMetrics;
  const search = (query: string, options: { k: number }) => retriever.search(query, options);

  beforeAll(async () => {
    const corpus = hasCorpus ? await readLawCorpus(CORPUS_FILE) : parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
    // The document expansion as `kb eval` reads it (the starter pack's and the phrasing files' questions, D-answers-44).
    const phrasings = loadExpansionPhrasings(loadStarterPack());
    retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, synonyms: loadDefaultSynonymGroups(), phrasings });
    questions = hasCorpus ? await loadDefaultEvaluationQuestions() : FIXTURE_QUESTIONS;
    asTyped = await evaluateRetrieval(search, questions, 'as_typed');
    folded = await evaluateRetrieval(search, questions, 'folded');
  });

  it('uses an evaluation set of at least 120 member questions, a third typed without diacritics or in teencode', () => {
    if (!hasCorpus) {
      expect(questions.length).toBe(FIXTURE_QUESTIONS.length);
      return;
    }
    expect(questions.length).toBeGreaterThanOrEqual(120);
    const informal = questions.filter((question) => question.style !== 'accented').length;
    expect(informal / questions.length).toBeGreaterThanOrEqual(0.3);
    const topics = new Set(questions.map((question) => question.topic));
    for (const topic of ['wages', 'wage_arrears', 'working_time', 'contract', 'termination', 'maternity', 'social_insurance', 'safety', 'harassment', 'union', 'dispute']) {
      expect(topics.has(topic)).toBe(true);
    }
  });

  it('every gold article exists in the corpus and is in force', () => {
    for (const question of questions) {
      const hits = question.gold.map((gold) => retriever.articles.find((a) => a.lawId === gold.law_id && a.articleNo === gold.article_no));
      expect(hits.every((article) => article !== undefined && article.status !== 'expired')).toBe(true);
    }
  });

  it('keeps Recall@1, Recall@5 and MRR@10 above their floors', () => {
    // Measured 2026-12-05 on the shared corpus (182 questions), with the document expansion (D-answers-44): R@1 0.874,
    // R@5 0.989, MRR@10 0.924 (without it 0.725 / 0.962 / 0.827; the FAQ was written with this set in view). Fixture: 1.0.
    const floors = hasCorpus ? { recallAt1: 0.84, recallAt5: 0.97, mrrAt10: 0.9 } : { recallAt1: 0.85, recallAt5: 1, mrrAt10: 0.9 };
    expect(asTyped.recallAt1).toBeGreaterThanOrEqual(floors.recallAt1);
    expect(asTyped.recallAt5).toBeGreaterThanOrEqual(floors.recallAt5);
    expect(asTyped.mrrAt10).toBeGreaterThanOrEqual(floors.mrrAt10);
  });

  it('loses less than 2 points of Recall@5 when every diacritic is stripped', () => {
    expect(asTyped.recallAt5 - folded.recallAt5).toBeLessThan(0.02);
    // Measured: folded R@5 0.989, MRR@10 0.918 (0.951 / 0.821 without the expansion).
    expect(folded.mrrAt10).toBeGreaterThanOrEqual(hasCorpus ? 0.89 : 0.9);
  });

  it('holds up on the held-out questions (written after tuning; no synonym or weight was fitted to them)', async () => {
    if (!hasCorpus) return;
    const holdout = parseEvaluationQuestions(await readFile(HOLDOUT_FILE, 'utf8'));
    const metrics = await evaluateRetrieval(search, holdout, 'as_typed');
    // Measured: R@1 0.844, R@5 0.978, MRR@10 0.902 on 45 questions (0.800 / 0.978 / 0.866 without the expansion).
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(metrics.mrrAt10).toBeGreaterThanOrEqual(0.87);
  });

  it('separates covered questions from off-topic ones by the strength of the top hit', async () => {
    if (!hasCorpus) return;
    const offTopic = (await readFile(OFF_TOPIC_FILE, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q);
    const topStrength = (q: string) => retriever.search(q, { k: 1 })[0]?.strength ?? 0;
    const inScopeWeak = questions.filter((question) => topStrength(question.q) < RECOMMENDED_MIN_STRENGTH).length / questions.length;
    const offTopicStrong = offTopic.filter((q) => topStrength(q) >= RECOMMENDED_MIN_STRENGTH).length / offTopic.length;
    // Measured: 7 % of in-scope questions below the threshold, 3 of 30 off-topic questions above it.
    expect(inScopeWeak).toBeLessThanOrEqual(0.09);
    expect(offTopicStrong).toBeLessThanOrEqual(0.15);
  });
});
