import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors/app-error.js';
import { loadClausePhrasings, parseClausePhrasingsJsonl } from './clause-phrasings.js';

const FIXTURE_DIR = fileURLToPath(new URL('./testing/clause-phrasings/', import.meta.url));

describe('clause phrasing files', () => {
  it('reads every line of every file of the folder, with its khoản, blank lines skipped', () => {
    const entries = loadClausePhrasings(FIXTURE_DIR);
    expect(entries.map((entry) => `${entry.lawId} ${entry.articleNo}.${entry.clauseNo}`)).toEqual(['LD/2019 3.2', 'LD/2019 5.2', 'LD/2019 7.2']);
    expect(entries[1]?.phrasings).toContain('lương về chậm cả tháng thì công ty có phải đền không');
  });

  it('accepts a missing or empty folder as no phrasing at all', () => {
    expect(loadClausePhrasings(join(tmpdir(), 'no-such-clause-phrasings-folder'))).toEqual([]);
    expect(loadClausePhrasings(mkdtempSync(join(tmpdir(), 'clause-phrasings-')))).toEqual([]);
  });

  it('fails loudly on a bad line, naming the file and the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clause-phrasings-'));
    writeFileSync(join(dir, 'LD-2019.jsonl'), '{"law_id":"LD/2019","article_no":"3","clause":"1","phrasings":["nghỉ việc báo trước mấy ngày"]}\n{"law_id":"LD/2019","article_no":"3","phrasings":["nghỉ việc báo trước mấy ngày"]}\n');
    expect(() => loadClausePhrasings(dir)).toThrow(AppError);
    expect(() => loadClausePhrasings(dir)).toThrow(/LD-2019\.jsonl: line 2/);
    expect(() => parseClausePhrasingsJsonl('not json')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    // The khoản is the string splitIntoClauses gives ("3"), not a number nor "khoản 3"; an unknown key is a typo.
    expect(() => parseClausePhrasingsJsonl('{"law_id":"A","article_no":"1","clause":3,"phrasings":["nghỉ việc báo trước"]}')).toThrow(AppError);
    expect(() => parseClausePhrasingsJsonl('{"law_id":"A","article_no":"1","clause":"khoản 3","phrasings":["nghỉ việc báo trước"]}')).toThrow(AppError);
    expect(() => parseClausePhrasingsJsonl('{"law_id":"A","article_no":"1","clause":"3","phrasing":["nghỉ việc báo trước"]}')).toThrow(AppError);
  });
});
