import { writeFileSync } from 'node:fs';
import { silentLogger } from '../../../core/ports/logger.js';
import { AppError } from '../../../core/errors/app-error.js';
import { importLawCorpus } from '../../../knowledge/law/import-law-corpus.js';
import { createLawRetriever } from '../../../knowledge/retrieval/law-retriever.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { miniCorpusJsonl, miniCorpusLines, writeMiniCorpus } from '../../../tests/knowledge/fixtures/mini-law-corpus.js';
import { createLawRepository } from './law-repository.js';

describe.each(testBackends())('law repository on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await database.close();
  });

  it('imports a corpus, then reports everything unchanged on a second import', async () => {
    const repository = createLawRepository(database.db);
    const file = writeMiniCorpus();
    expect(await importLawCorpus({ file, repository, logger: silentLogger })).toEqual({ documents: 3, added: 12, changed: 0, unchanged: 0, removed: 0 });
    expect(await importLawCorpus({ file, repository, logger: silentLogger })).toEqual({ documents: 3, added: 0, changed: 0, unchanged: 12, removed: 0 });
    expect(await repository.countArticles()).toBe(12);

    const documents = await repository.listDocuments();
    expect(documents.find((doc) => doc.lawId === 'LD/2012')).toMatchObject({ status: 'expired', effectiveDate: '2013-05-01', expiredDate: '2021-01-01' });
    const article = await repository.findArticle('LD/2019', '2');
    expect(article).toMatchObject({ id: 'LD2019__D2', title: 'Thời gian thử việc', effectiveDate: '2021-01-01', status: 'in_force', section: null });
    expect(article?.text).toContain('\n1. Không quá 60 ngày');
    expect(await repository.findArticle('LD/2019', '99')).toBeNull();
  });

  it('applies changes and removals of a re-import and feeds retrieval from the database', async () => {
    const repository = createLawRepository(database.db);
    const lines = miniCorpusLines()
      .filter((line) => line.id !== 'LD2019__D8')
      .map((line) => (line.id === 'LD2019__D5' ? { ...line, title: 'Kỳ hạn trả lương (sửa)' } : line));
    const file = writeMiniCorpus({ jsonl: miniCorpusJsonl(lines) });
    expect(await importLawCorpus({ file, repository, logger: silentLogger })).toEqual({ documents: 3, added: 0, changed: 1, unchanged: 10, removed: 1 });
    expect((await repository.findArticle('LD/2019', '5'))?.title).toBe('Kỳ hạn trả lương (sửa)');
    expect(await repository.findArticle('LD/2019', '8')).toBeNull();

    const articles = await repository.listArticles();
    expect(articles.map((a) => a.lawId)).toEqual([...articles.map((a) => a.lawId)].sort());
    expect(articles.filter((a) => a.lawId === 'LD/2012').map((a) => a.articleNo)).toEqual(['9', '10']);
    const retriever = createLawRetriever({ articles, documents: await repository.listDocuments() });
    expect(retriever.search('trả lương chậm có được đền bù', { k: 1 })[0]?.article.id).toBe('LD2019__D5');
  });

  it('writes nothing when any line of the file is bad', async () => {
    const repository = createLawRepository(database.db);
    const before = await repository.countArticles();
    const lines: Record<string, unknown>[] = miniCorpusLines().map((line) => ({ ...line, id: `NEW_${line.id}`, law_id: 'NEW/1' }));
    lines[7] = { ...lines[7], text: '' };
    const file = writeMiniCorpus({ jsonl: miniCorpusJsonl(lines), withLawsJson: false });
    const error = await importLawCorpus({ file, repository, logger: silentLogger }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('KNOWLEDGE_IMPORT_INVALID');
    expect((error as AppError).message).toContain('line 8.text');
    expect(await repository.countArticles()).toBe(before);
    expect((await repository.listDocuments()).some((doc) => doc.lawId === 'NEW/1')).toBe(false);
  });

  it('rolls the whole import back when the database rejects part of it', async () => {
    const repository = createLawRepository(database.db);
    const before = await repository.countArticles();
    // Two different ids for the same (law, article number) pass the file checks but break a unique index.
    const lines = [
      { ...miniCorpusLines()[0], id: 'DUP__A', law_id: 'DUP/1', article_no: '1' },
      { ...miniCorpusLines()[1], id: 'DUP__B', law_id: 'DUP/1', article_no: '1' },
    ];
    const file = writeMiniCorpus({ jsonl: miniCorpusJsonl(lines), withLawsJson: false });
    await expect(importLawCorpus({ file, repository, logger: silentLogger })).rejects.toThrow();
    expect(await repository.countArticles()).toBe(before);
    expect((await repository.listDocuments()).some((doc) => doc.lawId === 'DUP/1')).toBe(false);
  });

  it('reports a missing file as an import error', async () => {
    const repository = createLawRepository(database.db);
    const file = writeMiniCorpus();
    writeFileSync(file, '');
    await expect(importLawCorpus({ file: `${file}.missing`, repository, logger: silentLogger })).rejects.toMatchObject({ code: 'KNOWLEDGE_IMPORT_INVALID' });
  });
});
