import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { createQuestionLawSearch } from '../answer/answer-search.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { createLawRetriever } from '../retrieval/law-retriever.js';
import { firstAcceptableRank, formatRetrievalDiagnostic, summariseRetrieval, type RetrievalCaseResult } from './retrieval-diagnostic.js';

const article = (lawId: string, articleNo: string) => ({ lawId, articleNo });
const cite = (lawId: string, articleNo: string) => ({ law_id: lawId, article_no: articleNo });

describe('firstAcceptableRank', () => {
  const hits = [article('A', '1'), article('B', '2'), article('A', '3'), article('B', '2')];

  it('is the 1-based rank of the first hit that is any acceptable article', () => {
    expect(firstAcceptableRank(hits, [cite('A', '1')])).toBe(1);
    expect(firstAcceptableRank(hits, [cite('A', '3'), cite('B', '2')])).toBe(2);
    expect(firstAcceptableRank(hits, [cite('A', '3')])).toBe(3);
  });

  it('needs both the document and the article number, and is null when no acceptable article is there', () => {
    expect(firstAcceptableRank(hits, [cite('B', '1')])).toBeNull();
    expect(firstAcceptableRank(hits, [cite('A', '2')])).toBeNull();
    expect(firstAcceptableRank([], [cite('A', '1')])).toBeNull();
  });
});

describe('summariseRetrieval', () => {
  const row = (id: string, rank: number | null, right: boolean, style: RetrievalCaseResult['style'], batch = 'dev'): RetrievalCaseResult => ({ id, batch, style, rank, right });
  const rows = [
    row('a', 1, true, 'typed'),
    row('b', 3, true, 'teencode'),
    row('c', 6, false, 'typed', 'dev-2'),
    row('d', null, true, 'unaccented', 'dev-2'),
    row('e', 10, false, 'typed', 'dev-2'),
    row('f', 2, false, 'teencode'),
    row('g', 11, false, 'typed'),
  ];
  const report = summariseRetrieval(rows);

  it('counts recall at each depth and the mean reciprocal rank within 10', () => {
    expect(report.n).toBe(7);
    expect(report.recall).toEqual({ at1: 1 / 7, at3: 3 / 7, at5: 3 / 7, at10: 5 / 7 });
    expect(report.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 6 + 1 / 10 + 1 / 2) / 7, 10);
    expect(report.right).toBe(3);
  });

  it('splits by batch, by style and typed against unaccented or teencode', () => {
    expect(report.by_batch['dev-2']?.recall).toEqual({ at1: 0, at3: 0, at5: 0, at10: 2 / 3 });
    expect(report.by_batch.dev?.n).toBe(4);
    expect(report.by_style.teencode?.recall.at3).toBe(1);
    expect(report.by_typing.typed.n).toBe(4);
    expect(report.by_typing.untyped).toMatchObject({ n: 3, right: 2, recall: { at1: 0, at3: 2 / 3, at5: 2 / 3, at10: 2 / 3 } });
  });

  it('crosses "an acceptable article in the first 5" with "the reply was right"', () => {
    expect(report.confusion).toEqual({ found_right: 2, found_wrong: 1, missed_right: 1, missed_wrong: 3 });
    expect(formatRetrievalDiagnostic(report).at(-1)).toBe('  có × đúng 2, có × sai 1, không × đúng 1, không × sai 3');
  });

  it('splits the questions an FAQ entry answered from those that reached the law, when the rows say which', () => {
    expect(report.by_route.faq.n + report.by_route.law.n).toBe(0);
    expect(formatRetrievalDiagnostic(report).some((line) => line.includes('trả lời từ luật'))).toBe(false);
    const routed = summariseRetrieval([{ ...row('a', 1, true, 'typed'), kind: 'faq' }, { ...row('b', 4, false, 'typed'), kind: 'legal' }, { ...row('c', null, false, 'typed'), kind: 'not_covered' }]);
    expect(routed.by_route.faq).toMatchObject({ n: 1, recall: { at1: 1 } });
    expect(routed.by_route.law).toMatchObject({ n: 2, right: 0, recall: { at1: 0, at5: 0.5 } });
    expect(formatRetrievalDiagnostic(routed).some((line) => line.startsWith('  trả lời từ luật: 2 câu'))).toBe(true);
  });

  it('reports zeros, not NaN, for no cases', () => {
    expect(summariseRetrieval([])).toMatchObject({ n: 0, mrr: 0, recall: { at1: 0, at10: 0 } });
  });
});

describe('createQuestionLawSearch (the search the answer makes)', () => {
  const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
  const retriever = createLawRetriever({ articles: corpus.articles, documents: corpus.documents });
  const search = createQuestionLawSearch({ retriever, redactor: { redact: (text) => text.replace(/\d{9,12}/g, '[SĐT]') } });
  const rank = (question: string, lawId: string, articleNo: string) =>
    firstAcceptableRank(search(question, 10).hits.map((hit) => hit.article), [cite(lawId, articleNo)]);

  it('ranks the acceptable article where the search puts it', () => {
    expect(rank('trợ cấp thôi việc tính sao', 'LD/2019', '4')).toBe(1);
    expect(rank('trợ cấp thôi việc tính sao', 'BH/2024', '1')).toBe(2);
    expect(rank('người lao động được trả lương làm thêm giờ và nghỉ hằng năm thế nào', 'LD/2019', '7')).toBe(2);
    // The expired 2012 article is hidden: the member is never sent to it.
    expect(rank('nghỉ hằng năm mấy ngày', 'LD/2012', '9')).toBeNull();
  });

  it('searches the redacted question without the clause that introduces the member', () => {
    const { searchText, hits } = search('em là Lan sđt 0912345678, trợ cấp thôi việc tính sao', 10);
    expect(searchText).toBe('trợ cấp thôi việc tính sao');
    expect(hits.map((hit) => hit.article.id)).toEqual(search('trợ cấp thôi việc tính sao', 10).hits.map((hit) => hit.article.id));
  });
});
