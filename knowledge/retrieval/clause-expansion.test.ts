import { fileURLToPath } from 'node:url';
import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { loadClausePhrasings } from './clause-phrasings.js';
import { buildExpansionIndex } from './expansion-field.js';
import { createLawRetriever } from './law-retriever.js';
import { createTextAnalyzer } from './text-views.js';

const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
const clausePhrasings = loadClausePhrasings(fileURLToPath(new URL('./testing/clause-phrasings/', import.meta.url)));
// The word-translation lift (D-answers-52) learns from the phrasings too: the comparisons below are of the clause
// phrasings' own part, without it.
const lexicalOnly = { translationWeight: 0 };
const plain = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, tuning: lexicalOnly });
const phrased = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: clausePhrasings });
const phrasedLexical = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: clausePhrasings, tuning: lexicalOnly });

describe('clause phrasings (members’ questions per khoản, D-answers-47)', () => {
  it('find the article, and the hit says which khoản was asked and how closely', () => {
    const [hit] = phrased.search('mới vào làm được nửa năm thì có được nghỉ phép không', { k: 3 });
    expect(hit?.article.id).toBe('LD2019__D7');
    expect(hit?.phrasedClause).toEqual({ clauseNo: '2', match: expect.any(Number) });
    expect(hit?.phrasedClause?.match).toBeGreaterThan(0.9);
    // The law's own words lead with khoản 1 ("được nghỉ hằng năm"); the members' question asked khoản 2.
    expect(plain.explain('mới vào làm được nửa năm thì có được nghỉ phép không', ['LD2019__D7'])[0]?.passages[0]?.clauseNo).toBe('1');
    expect(hit?.passages[0]?.clauseNo).toBe('2');
  });

  it('count a clause phrasing only when it asks what the question asks (match ≥ clauseLeadMatch)', () => {
    const strict = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: clausePhrasings, tuning: { ...lexicalOnly, clauseLeadMatch: 1.01 } });
    const question = 'mới vào làm được nửa năm thì có được nghỉ phép không';
    const [hit] = strict.search(question, { k: 1 });
    expect(hit?.phrasedClause).toBeUndefined();
    expect(hit?.passages[0]?.clauseNo).toBe('1');
    expect(strict.search(question, { k: 3 }).map((h) => [h.article.id, h.score])).toEqual(plain.search(question, { k: 3 }).map((h) => [h.article.id, h.score]));
  });

  it('changes nothing at weight 0, nor for a question none of them shares a word with', () => {
    const off = createLawRetriever({ articles: corpus.articles, documents: corpus.documents, phrasings: clausePhrasings, tuning: { ...lexicalOnly, clauseExpansionWeight: 0 } });
    for (const question of ['công ty trả lương trễ nửa tháng có phải bù tiền lãi không', 'mới vào làm được nửa năm thì có được nghỉ phép không']) {
      const expected = plain.search(question, { k: 5 }).map((hit) => [hit.article.id, hit.score, hit.passages]);
      expect(off.search(question, { k: 5 }).map((hit) => [hit.article.id, hit.score, hit.passages])).toEqual(expected);
      expect(off.search(question, { k: 5 }).some((hit) => hit.phrasedClause)).toBe(false);
    }
    const unrelated = 'phạm vi điều chỉnh tiêu chuẩn';
    expect(phrasedLexical.search(unrelated, { k: 5 }).map((hit) => [hit.article.id, hit.score])).toEqual(plain.search(unrelated, { k: 5 }).map((hit) => [hit.article.id, hit.score]));
  });

  it('index each phrasing with its khoản, and drop a khoản the article does not have from the hit', () => {
    const analyzer = createTextAnalyzer();
    const index = buildExpansionIndex(
      corpus.articles,
      [
        { lawId: 'LD/2019', articleNo: '5', clauseNo: '2', phrasings: ['lương về chậm có được đền không'] },
        { lawId: 'LD/2019', articleNo: '5', phrasings: ['công ty giam lương thì làm sao'] },
      ],
      () => true,
      analyzer,
      { k1: 0.9, b: 0.75 },
      (text) => text,
    );
    expect([...index.phrasingClause].sort()).toEqual(['2', null].sort());
    const ghost = createLawRetriever({
      articles: corpus.articles,
      documents: corpus.documents,
      phrasings: [{ lawId: 'LD/2019', articleNo: '7', clauseNo: '9', phrasings: ['mới vào làm được nửa năm thì có được nghỉ phép không'] }],
    });
    const [hit] = ghost.search('mới vào làm được nửa năm thì có được nghỉ phép không', { k: 1 });
    expect(hit?.article.id).toBe('LD2019__D7');
    expect(hit?.phrasedClause).toBeUndefined();
  });
});
