import { fileURLToPath } from 'node:url';
import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { loadArticlePhrasings } from './article-phrasings.js';
import { addExpansionScores, buildExpansionIndex, phrasingCoverage, questionCoverageOfPhrasing } from './expansion-field.js';
import { createLawRetriever } from './law-retriever.js';
import type { ViewFields } from './lexical-index.js';
import { accumulateBm25 } from './bm25-field.js';
import { DEFAULT_RETRIEVAL_TUNING } from './retrieval-tuning.js';
import { createTextAnalyzer } from './text-views.js';
import { buildWeightedQuery } from './weighted-query.js';

const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
const phrasings = loadArticlePhrasings(fileURLToPath(new URL('./testing/article-phrasings/', import.meta.url)));
// The word-translation lift (D-answers-52) learns from the phrasings too: these tests compare the expansion alone.
const lexicalOnly = { translationWeight: 0 };
const plain = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, tuning: lexicalOnly });
const expanded = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings });
const top = (hits: { article: { id: string } }[]) => hits[0]?.article.id;

describe('document expansion (members’ phrasings of an article)', () => {
  it('finds the article a question in members’ words asks about, which the law words otherwise', () => {
    const question = 'công ty giam lương thì phải làm sao';
    expect(top(plain.search(question, { k: 3 }))).not.toBe('LD2019__D5');
    expect(top(expanded.search(question, { k: 3 }))).toBe('LD2019__D5');
    expect(top(expanded.search('cong ty giam luong thi phai lam sao', { k: 3 }))).toBe('LD2019__D5');
  });

  it('leaves the clauses to quote to the law’s own words', () => {
    const question = 'lương về muộn nửa tháng có được đền không';
    const [hit] = expanded.search(question, { k: 1 });
    expect(hit?.article.id).toBe('LD2019__D5');
    expect(hit?.passages).toEqual(plain.explain(question, ['LD2019__D5'])[0]?.passages);
  });

  it('changes nothing when there are no phrasings, and is off at weight 0', () => {
    const none = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: [], tuning: lexicalOnly });
    const off = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings, tuning: { ...lexicalOnly, expansionWeight: 0 } });
    for (const question of ['công ty giam lương thì phải làm sao', 'nghỉ phép năm mấy ngày']) {
      const expected = plain.search(question, { k: 5 }).map((hit) => [hit.article.id, hit.score]);
      expect(none.search(question, { k: 5 }).map((hit) => [hit.article.id, hit.score])).toEqual(expected);
      expect(off.search(question, { k: 5 }).map((hit) => [hit.article.id, hit.score])).toEqual(expected);
    }
  });

  it('drops the phrasings of expired articles and of articles not in the corpus, and counts a repeated phrasing once', () => {
    const analyzer = createTextAnalyzer();
    const expiredAt = corpus.articles.findIndex((article) => article.id === 'LD2012__D10');
    const index = buildExpansionIndex(
      corpus.articles,
      [
        { lawId: 'LD/2012', articleNo: '10', phrasings: ['xin lại bìa sổ cũ'] },
        { lawId: 'XX/2030', articleNo: '1', phrasings: ['câu hỏi về một luật không có'] },
        { lawId: 'LD/2019', articleNo: '3', phrasings: ['nghỉ việc báo trước mấy ngày', 'Nghỉ việc báo trước mấy ngày '] },
      ],
      (position) => position !== expiredAt,
      analyzer,
      { k1: 0.9, b: 0.75 },
      (text) => text,
    );
    expect(index.phrasingArticle.length).toBe(1);
    expect(index.counts[expiredAt]).toBe(0);
    const withExpired = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: [{ lawId: 'LD/2012', articleNo: '10', phrasings: ['xin lại bìa sổ cũ'] }], tuning: lexicalOnly });
    expect(withExpired.explain('xin lại bìa sổ cũ', ['LD2012__D10'])[0]?.score).toBe(plain.explain('xin lại bìa sổ cũ', ['LD2012__D10'])[0]?.score);
  });

  it('scores an article by its best phrasing’s coverage of the question, not by one common word many phrasings share', () => {
    const analyzer = createTextAnalyzer();
    const at = (id: string) => corpus.articles.findIndex((article) => article.id === id);
    const index = buildExpansionIndex(
      corpus.articles,
      [
        { lawId: 'LD/2019', articleNo: '5', phrasings: ['công ty giam lương của em'] },
        // Six questions about overtime pay, each with "lương": as one bag they would hold "lương" six times.
        { lawId: 'LD/2019', articleNo: '6', phrasings: ['tăng ca được trả lương bao nhiêu', 'lương làm đêm tính sao', 'lương ngày lễ gấp mấy lần', 'làm chủ nhật lương thế nào', 'lương làm thêm có đóng thuế không', 'lương tăng ca trả khi nào'] },
      ],
      () => true,
      analyzer,
      { k1: 0.9, b: 0.75 },
      (text) => text,
    );
    const scores = new Float64Array(corpus.articles.length);
    const query = buildWeightedQuery('công ty giam lương', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    const scoreField = (fields: ViewFields, weight: number, into: Float64Array) => accumulateBm25(fields.accented, query.accentedTerms, weight, into);
    addExpansionScores(index, query, { weight: 1, coverageExponent: 2 }, scoreField, scores);
    expect(scores[at('LD2019__D5')]).toBeGreaterThan(0);
    // "lương" alone is a fraction of the question's weight, squared: the overtime article gets little.
    expect(scores[at('LD2019__D6')]).toBeLessThan(0.15 * (scores[at('LD2019__D5')] as number));
  });

  it('counts a phrasing the question holds whole, as in a story around the question, but not a one-word phrasing', () => {
    const analyzer = createTextAnalyzer();
    const at = (id: string) => corpus.articles.findIndex((article) => article.id === id);
    const index = buildExpansionIndex(
      corpus.articles,
      [
        { lawId: 'LD/2019', articleNo: '2', phrasings: ['bao nhiêu tuổi mới được đi làm'] },
        { lawId: 'LD/2019', articleNo: '5', phrasings: ['lương thế nào'] },
      ],
      () => true,
      analyzer,
      { k1: 0.9, b: 0.75 },
      (text) => text,
    );
    const query = buildWeightedQuery('em trai em muốn nghỉ học đi làm công nhân ở xưởng may, bao nhiêu tuổi mới được đi làm, lương thế nào', analyzer, null, DEFAULT_RETRIEVAL_TUNING);
    const asked = new Map(query.coverage.map((term) => [term.folded, 1]));
    expect(phrasingCoverage(index, query)[0]).toBeLessThan(0.5);
    expect(questionCoverageOfPhrasing(index, 0, asked)).toBe(1);
    expect(questionCoverageOfPhrasing(index, 1, asked)).toBe(0);
    const scores = new Float64Array(corpus.articles.length);
    const scoreField = (fields: ViewFields, weight: number, into: Float64Array) => accumulateBm25(fields.accented, query.accentedTerms, weight, into);
    addExpansionScores(index, query, { weight: 1, coverageExponent: 2 }, scoreField, scores);
    expect(scores[at('LD2019__D2')]).toBeGreaterThan(10 * (scores[at('LD2019__D5')] as number));
  });
});
