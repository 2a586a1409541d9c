import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { splitIntoClauses } from '../../knowledge/retrieval/clause-passages.js';
import { CLAUSE_PHRASINGS_DIR, parseClausePhrasingsJsonl } from '../../knowledge/retrieval/clause-phrasings.js';
import { SHARED_CORPUS_FILE } from './answers-fixtures.js';

/**
 * The hand-written clause phrasings of knowledge/retrieval/data/clause-phrasings (D-answers-47): each file one document
 * (`45-2019-QH14.jsonl` for 45/2019/QH14), each line a khoản of an article in force in the shared corpus, numbered as
 * splitIntoClauses numbers it, once over all files, with 1–3 questions written as members write them, with diacritics,
 * none repeated in its file (a phrasing under two clauses would say neither).
 */
const files = existsSync(CLAUSE_PHRASINGS_DIR) ? readdirSync(CLAUSE_PHRASINGS_DIR).filter((name) => name.endsWith('.jsonl')).sort() : [];
const read = (name: string) => parseClausePhrasingsJsonl(readFileSync(join(CLAUSE_PHRASINGS_DIR, name), 'utf8'), name);
const fileNameOf = (lawId: string) => `${foldDiacritics(lawId).replace(/\//g, '-')}.jsonl`;

describe('clause phrasing files', () => {
  it('parse, one document per file, named after its law id', () => {
    const misplaced = files.flatMap((name) => read(name).filter((entry) => fileNameOf(entry.lawId) !== name).map((entry) => `${name}: ${entry.lawId} Điều ${entry.articleNo}`));
    expect(misplaced).toEqual([]);
  });

  it('name each khoản once, with 1–3 questions typed with diacritics, none repeated in a file', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const name of files) {
      const phrasingsSeen = new Set<string>();
      for (const entry of read(name)) {
        const where = `${name}: Điều ${entry.articleNo} khoản ${entry.clauseNo}`;
        const key = `${entry.lawId}#${entry.articleNo}#${entry.clauseNo}`;
        if (seen.has(key)) problems.push(`${where} twice`);
        seen.add(key);
        if (entry.phrasings.length < 1 || entry.phrasings.length > 3) problems.push(`${where}: ${entry.phrasings.length} phrasings`);
        for (const phrasing of entry.phrasings) {
          if (!hasDiacritics(phrasing)) problems.push(`${where}: "${phrasing}" has no diacritics`);
          const text = phrasing.trim().toLowerCase();
          if (phrasingsSeen.has(text)) problems.push(`${where}: "${phrasing}" repeated`);
          phrasingsSeen.add(text);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('name only khoản of articles in force in the shared corpus', async () => {
    if (!existsSync(SHARED_CORPUS_FILE)) return;
    const corpus = await readLawCorpus(SHARED_CORPUS_FILE);
    const expiredLaws = new Set(corpus.documents.filter((doc) => doc.status === 'expired').map((doc) => doc.lawId));
    const clausesOf = new Map(
      corpus.articles
        .filter((a) => a.status !== 'expired' && !expiredLaws.has(a.lawId))
        .map((a) => [`${a.lawId}#${a.articleNo}`, new Set(splitIntoClauses(a.text).map((clause) => clause.clauseNo))]),
    );
    const unknown = files.flatMap((name) =>
      read(name)
        .filter((e) => !clausesOf.get(`${e.lawId}#${e.articleNo}`)?.has(e.clauseNo))
        .map((e) => `${name}: ${e.lawId} Điều ${e.articleNo} khoản ${e.clauseNo}${clausesOf.has(`${e.lawId}#${e.articleNo}`) ? ' (no such khoản)' : ' (no such article in force)'}`),
    );
    expect(unknown).toEqual([]);
  });
});
