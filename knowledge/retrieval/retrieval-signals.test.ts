import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { createLawRetriever } from './law-retriever.js';
import { createSignalRecorder } from './retrieval-signals.js';

const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
const retriever = createLawRetriever({
  articles: corpus.articles,
  documents: corpus.documents,
  phrasings: [{ lawId: corpus.articles[0]!.lawId, articleNo: corpus.articles[0]!.articleNo, phrasings: ['nghỉ việc phải báo trước mấy ngày'] }],
});

describe('retrieval signals', () => {
  it('splits the running score into what each stage added', () => {
    const recorder = createSignalRecorder();
    recorder.stage('title', Float64Array.from([1, 0]));
    recorder.stage('body', Float64Array.from([3, 2]));
    recorder.stage('expansion', Float64Array.from([3, 2]));
    recorder.stage('passage', Float64Array.from([4, 2]));
    recorder.stage('coverage', Float64Array.from([6, 2]));
    recorder.stage('translation', Float64Array.from([7, 2]));
    recorder.stage('reference', Float64Array.from([7, 2]));
    expect(recorder.signalsOf(0)).toEqual({ title: 1, body: 2, expansion: 0, passage: 1, coverage: 2, reference: 0, translation: 1 });
  });

  it('are attached only when asked, sum to the score, and change no ranking', () => {
    const question = 'Xin nghỉ việc thì phải báo trước bao nhiêu ngày?';
    const plain = retriever.search(question, { k: 5 });
    const withSignals = retriever.search(question, { k: 5, signals: true });
    expect(plain.every((hit) => hit.signals === undefined)).toBe(true);
    expect(withSignals.map((hit) => [hit.article.id, hit.score])).toEqual(plain.map((hit) => [hit.article.id, hit.score]));
    for (const hit of withSignals) {
      const parts = hit.signals!;
      expect(parts.title + parts.body + parts.expansion + parts.passage + parts.coverage + parts.reference + parts.translation).toBeCloseTo(hit.score, 9);
    }
    expect(withSignals[0]!.signals!.body).toBeGreaterThan(0);
  });

  it("attach the question's word-translation log-likelihood given each article only when asked (D-answers-52)", () => {
    const question = 'Xin nghỉ việc thì phải báo trước bao nhiêu ngày?';
    expect(retriever.search(question, { k: 5 }).every((hit) => hit.translation === undefined)).toBe(true);
    const withSignals = retriever.search(question, { k: 5, signals: true });
    expect(withSignals.length).toBeGreaterThan(0);
    for (const hit of withSignals) expect(hit.translation).toBeLessThan(0);
  });
});
