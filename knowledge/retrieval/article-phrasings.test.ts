import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors/app-error.js';
import { loadArticlePhrasings, parseArticlePhrasingsJsonl } from './article-phrasings.js';

const FIXTURE_DIR = fileURLToPath(new URL('./testing/article-phrasings/', import.meta.url));

describe('article phrasing files', () => {
  it('reads every line of every file of the folder, blank lines skipped', () => {
    const entries = loadArticlePhrasings(FIXTURE_DIR);
    expect(entries.map((entry) => `${entry.lawId} ${entry.articleNo}`)).toEqual(['LD/2019 3', 'LD/2019 5', 'LD/2019 8']);
    expect(entries[1]?.phrasings).toContain('công ty giam lương của em thì làm sao');
  });

  it('accepts a missing or empty folder as no phrasing at all', () => {
    expect(loadArticlePhrasings(join(tmpdir(), 'no-such-phrasings-folder'))).toEqual([]);
    expect(loadArticlePhrasings(mkdtempSync(join(tmpdir(), 'phrasings-')))).toEqual([]);
  });

  it('fails loudly on a bad line, naming the file and the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phrasings-'));
    writeFileSync(join(dir, 'LD-2019.jsonl'), '{"law_id":"LD/2019","article_no":"3","phrasings":["nghỉ việc báo trước mấy ngày"]}\n{"law_id":"LD/2019","phrasings":["x"]}\n');
    expect(() => loadArticlePhrasings(dir)).toThrow(AppError);
    expect(() => loadArticlePhrasings(dir)).toThrow(/LD-2019\.jsonl: line 2/);
    expect(() => parseArticlePhrasingsJsonl('not json')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    // An unknown key is a typo (`phrasing`), not something to ignore.
    expect(() => parseArticlePhrasingsJsonl('{"law_id":"A","article_no":"1","phrasing":["nghỉ việc"]}')).toThrow(AppError);
  });
});
