import { AppError } from '../../core/errors/app-error.js';
import { miniCorpusJsonl, miniCorpusLines, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseArticleLines, parseLawCorpus } from './parse-law-corpus.js';

function captureError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseLawCorpus', () => {
  it('reads articles and joins laws.json metadata (status, expiry, note)', () => {
    const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
    expect(corpus.articles).toHaveLength(12);
    expect(corpus.documents.map((doc) => doc.lawId)).toEqual(['LD/2019', 'BH/2024', 'LD/2012']);
    const old = corpus.documents.find((doc) => doc.lawId === 'LD/2012');
    expect(old).toMatchObject({ status: 'expired', effectiveDate: '2013-05-01', expiredDate: '2021-01-01', issuer: 'Quốc hội' });
    const article = corpus.articles.find((a) => a.id === 'LD2019__D2');
    expect(article).toMatchObject({ lawId: 'LD/2019', articleNo: '2', title: 'Thời gian thử việc', status: 'in_force', section: null });
    expect(article?.text.split('\n')).toHaveLength(4);
  });

  it('derives documents from the articles when there is no laws.json', () => {
    const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl() });
    const old = corpus.documents.find((doc) => doc.lawId === 'LD/2012');
    expect(old).toMatchObject({ name: 'Bộ luật Lao động 2012', type: 'Bộ luật', status: 'expired', expiredDate: null, issuer: null });
  });

  it('maps the corpus status spellings to LawStatus', () => {
    const lines = miniCorpusLines().slice(0, 4);
    lines[0] = { ...lines[0], status: 'in_force_as_of_source' };
    lines[1] = { ...lines[1], status: 'partially_amended' };
    lines[2] = { ...lines[2], status: 'something new' };
    lines[3] = { ...lines[3], status: null };
    const statuses = parseArticleLines(miniCorpusJsonl(lines)).map((article) => article.status);
    expect(statuses).toEqual(['in_force', 'partly_amended', 'unknown', 'unknown']);
  });

  it('composes decomposed Unicode and accepts a numeric article number and CRLF line ends', () => {
    const line = { ...miniCorpusLines()[0], title: 'Phạm vi điều chỉnh'.normalize('NFD'), article_no: 1 };
    const [article] = parseArticleLines(`${JSON.stringify(line)}\r\n`);
    expect(article?.title).toBe('Phạm vi điều chỉnh');
    expect(article?.articleNo).toBe('1');
  });

  it('rejects a line with a missing field, naming the line number and the field', () => {
    const lines = miniCorpusLines();
    const { title: _title, ...withoutTitle } = lines[2] as Record<string, unknown>;
    const jsonl = miniCorpusJsonl([lines[0] as Record<string, unknown>, lines[1] as Record<string, unknown>, withoutTitle]);
    const error = captureError(() => parseArticleLines(jsonl));
    expect(error.code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect(error.message).toContain('line 3.title');
    expect(error.fields).toEqual([expect.objectContaining({ path: 'line 3.title' })]);
  });

  it('reports every bad line: invalid JSON, a bad date, a duplicate id', () => {
    const lines = miniCorpusLines();
    const jsonl = [
      JSON.stringify(lines[0]),
      '{not json',
      JSON.stringify({ ...lines[1], effective_date: '01/01/2021' }),
      JSON.stringify(lines[0]),
    ].join('\n');
    const error = captureError(() => parseArticleLines(jsonl));
    expect(error.fields.map((field) => field.path)).toEqual(['line 2', 'line 3.effective_date', 'line 4.id']);
    expect(error.message).toContain('(and 2 more)');
  });

  it('rejects an empty file and a broken laws.json', () => {
    expect(captureError(() => parseArticleLines('\n\n')).code).toBe('KNOWLEDGE_IMPORT_INVALID');
    const error = captureError(() => parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: '[{"law_id": 5}]' }));
    expect(error.code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect(error.message).toContain('laws.json');
  });
});
