import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { ARTICLE_PHRASINGS_DIR, parseArticlePhrasingsJsonl } from '../../knowledge/retrieval/article-phrasings.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { SHARED_CORPUS_FILE } from './answers-fixtures.js';

/**
 * The hand-written phrasings of knowledge/retrieval/data/article-phrasings (D-answers-44): each file one document
 * (`45-2019-QH14.jsonl` for 45/2019/QH14), each line an article of it in force in the shared corpus, once, with 2–6
 * questions written as members write them, with diacritics (the folded view is derived; a folded phrasing would match
 * only questions typed without any).
 */
const files = existsSync(ARTICLE_PHRASINGS_DIR) ? readdirSync(ARTICLE_PHRASINGS_DIR).filter((name) => name.endsWith('.jsonl')).sort() : [];
const read = (name: string) => parseArticlePhrasingsJsonl(readFileSync(join(ARTICLE_PHRASINGS_DIR, name), 'utf8'), name);
const fileNameOf = (lawId: string) => `${foldDiacritics(lawId).replace(/\//g, '-')}.jsonl`;

describe('article phrasing files', () => {
  it('parse, one document per file, named after its law id', () => {
    const misplaced = files.flatMap((name) => read(name).filter((entry) => fileNameOf(entry.lawId) !== name).map((entry) => `${name}: ${entry.lawId} Điều ${entry.articleNo}`));
    expect(misplaced).toEqual([]);
  });

  it('name each article once per file, with 2–6 questions typed with diacritics', () => {
    const problems: string[] = [];
    for (const name of files) {
      const seen = new Set<string>();
      for (const entry of read(name)) {
        const where = `${name}: Điều ${entry.articleNo}`;
        if (seen.has(entry.articleNo)) problems.push(`${where} twice`);
        seen.add(entry.articleNo);
        if (entry.phrasings.length < 2 || entry.phrasings.length > 6) problems.push(`${where}: ${entry.phrasings.length} phrasings`);
        for (const phrasing of entry.phrasings) if (!hasDiacritics(phrasing)) problems.push(`${where}: "${phrasing}" has no diacritics`);
        if (new Set(entry.phrasings.map((p) => p.toLowerCase())).size !== entry.phrasings.length) problems.push(`${where}: a phrasing repeated`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('name only articles in force in the shared corpus', async () => {
    if (!existsSync(SHARED_CORPUS_FILE)) return;
    const corpus = await readLawCorpus(SHARED_CORPUS_FILE);
    const expiredLaws = new Set(corpus.documents.filter((doc) => doc.status === 'expired').map((doc) => doc.lawId));
    const inForce = new Set(corpus.articles.filter((a) => a.status !== 'expired' && !expiredLaws.has(a.lawId)).map((a) => `${a.lawId}#${a.articleNo}`));
    const unknown = files.flatMap((name) => read(name).filter((e) => !inForce.has(`${e.lawId}#${e.articleNo}`)).map((e) => `${name}: ${e.lawId} Điều ${e.articleNo}`));
    expect(unknown).toEqual([]);
  });
});
