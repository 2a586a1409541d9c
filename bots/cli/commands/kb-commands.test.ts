import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../tests/support/backends.js';
import { writeMiniCorpus } from '../../../tests/knowledge/fixtures/mini-law-corpus.js';
import { createLawRepository } from '../../storage/repositories/law-repository.js';
import { registerKbCommands } from './kb-commands.js';

interface RunResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

function writeTemp(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kb-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe.each(testBackends())('kb commands on $name', (backend) => {
  let database: TestDatabase;
  let closes = 0;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await database.close();
  });

  async function run(args: string[]): Promise<RunResult> {
    const result: RunResult = { code: 0, stdout: [], stderr: [] };
    const program = new Command('congdoan').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: (text) => result.stderr.push(text.trimEnd()) });
    registerKbCommands(program, {
      openDatabase: async () => ({
        lawRepository: createLawRepository(database.db),
        close: async () => {
          closes += 1;
        },
      }),
      stdout: (line) => result.stdout.push(line),
      stderr: (line) => result.stderr.push(line),
    });
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      result.code = error.exitCode;
    }
    return result;
  }

  it('refuses to search an empty database, pointing at kb import', async () => {
    const result = await run(['kb', 'search', '--format', 'json', 'nghỉ phép']);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(JSON.parse(result.stderr[0] as string)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });

  it('imports a corpus file and prints the counts as JSON; a second import changes nothing', async () => {
    const file = writeMiniCorpus();
    const before = closes;
    const first = await run(['kb', 'import', file, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(first.stdout.map((line) => JSON.parse(line))).toEqual([{ documents: 3, added: 12, changed: 0, unchanged: 0, removed: 0 }]);
    const second = await run(['kb', 'import', file, '--format', 'json']);
    expect(JSON.parse(second.stdout[0] as string)).toMatchObject({ added: 0, unchanged: 12 });
    expect(closes - before).toBe(2);
    const text = await run(['kb', 'import', file]);
    expect(text.stdout[0]).toContain('12 điều giữ nguyên');
  });

  it('searches the database', async () => {
    const result = await run(['kb', 'search', '--format', 'json', '--k', '2', 'nghi viec phai bao truoc bao lau']);
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout[0] as string);
    expect(line.q).toBe('nghi viec phai bao truoc bao lau');
    expect(line.hits).toHaveLength(2);
    expect(line.hits[0]).toEqual({ law_id: 'LD/2019', article_no: '3', title: 'Quyền đơn phương chấm dứt hợp đồng lao động của người lao động', score: expect.any(Number), strength: expect.any(Number) });
  });

  it('searches an in-memory corpus for every line of an input file, one JSON line per query', async () => {
    const corpus = writeMiniCorpus();
    const input = writeTemp('q.jsonl', '{"q":"nghỉ phép năm được mấy ngày"}\n\n{"q":"tỷ lệ đóng bảo hiểm xã hội"}\n{"q":"giá vàng hôm nay"}\n');
    const result = await run(['kb', 'search', '--format', 'json', '--k', '3', '--corpus', corpus, '--input', input]);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    const lines = result.stdout.map((line) => JSON.parse(line));
    expect(lines.map((line) => line.q)).toEqual(['nghỉ phép năm được mấy ngày', 'tỷ lệ đóng bảo hiểm xã hội', 'giá vàng hôm nay']);
    expect(lines[0].hits[0]).toMatchObject({ law_id: 'LD/2019', article_no: '7' });
    expect(lines[1].hits[0]).toMatchObject({ law_id: 'BH/2024', article_no: '2' });
    expect(lines.every((line) => line.hits.length <= 3)).toBe(true);
  });

  it('prints readable text without --format json', async () => {
    const result = await run(['kb', 'search', '--corpus', writeMiniCorpus(), 'nghỉ thai sản']);
    expect(result.stdout[0]).toContain('1. Điều 8 Bộ luật Lao động 2019 (LD/2019): Nghỉ thai sản');
  });

  it.each([
    [['kb', 'search', '--format', 'json', '--k', '0', 'x'], 'VALIDATION_FAILED'],
    [['kb', 'search', '--format', 'json', '--k', 'abc', 'x'], 'VALIDATION_FAILED'],
    [['kb', 'search', '--format', 'json'], 'VALIDATION_FAILED'],
    [['kb', 'search', '--format', 'json', '--corpus', '/nonexistent/articles.jsonl', 'x'], 'KNOWLEDGE_IMPORT_INVALID'],
    [['kb', 'import', '--format', 'json', '/nonexistent/articles.jsonl'], 'KNOWLEDGE_IMPORT_INVALID'],
  ])('rejects %j with exit code 2 and a JSON error on stderr only', async (args, code) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(JSON.parse(result.stderr[0] as string).error.code).toBe(code);
  });

  it('names the bad line of an input file', async () => {
    const input = writeTemp('q.jsonl', '{"q":"ok"}\n{"question":"sai"}\nnot json\n');
    const result = await run(['kb', 'search', '--format', 'json', '--corpus', writeMiniCorpus(), '--input', input]);
    expect(result.code).toBe(2);
    const error = JSON.parse(result.stderr[0] as string).error;
    expect(error.fields.map((field: { path: string }) => field.path)).toEqual(['line 2.q', 'line 3']);
  });

  it('rejects a corpus with a bad line without importing anything', async () => {
    const file = writeMiniCorpus({ jsonl: '{"id":"X__D1","law_id":"X/1"}\n', withLawsJson: false });
    const before = await createLawRepository(database.db).countArticles();
    const result = await run(['kb', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^error KNOWLEDGE_IMPORT_INVALID: invalid law corpus: line 1\.law_name/);
    expect(await createLawRepository(database.db).countArticles()).toBe(before);
  });

  it('evaluates retrieval on a question file', async () => {
    const questions = writeTemp('eval.jsonl', '{"q":"nghỉ thai sản mấy tháng","gold":[{"law_id":"LD/2019","article_no":"8"}]}\n');
    const result = await run(['kb', 'eval', '--format', 'json', '--corpus', writeMiniCorpus(), '--questions', questions]);
    expect(result.code).toBe(0);
    expect(result.stdout.map((line) => JSON.parse(line))).toEqual([
      { view: 'as_typed', questions: 1, recallAt1: 1, recallAt5: 1, mrrAt10: 1 },
      { view: 'folded', questions: 1, recallAt1: 1, recallAt5: 1, mrrAt10: 1 },
    ]);
  });
  it('prints what members were told on each failing answer with --failures, and refuses it on the locked set', async () => {
    // The starter-pack FAQ answers this one, citing the real code, which the mini corpus does not hold: a failure.
    const cases = writeTemp('answers.jsonl', '{"id":"holiday","q":"làm thêm vào ngày nghỉ lễ tết được trả bao nhiêu phần trăm","facts":["300%"],"cite":[{"law_id":"LD/2019","article_no":"6"}]}\n');
    const text = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--failures']);
    expect(text.code).toBe(0);
    expect(text.stdout.filter((line) => line.startsWith('── '))).toEqual(['── holiday (fact_only, typed, faq)']);
    expect(text.stdout).toContain('  hỏi: làm thêm vào ngày nghỉ lễ tết được trả bao nhiêu phần trăm');
    expect(text.stdout).toContain('  cần: 300% — LD/2019 Điều 6');
    expect(text.stdout.some((line) => line.startsWith('  │ ') && line.includes('300%'))).toBe(true);
    expect(text.stdout.some((line) => line.startsWith('  bịa: ') && line.includes('"300%" not in the cited articles'))).toBe(true);

    const json = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--failures', '--format', 'json']);
    const report = JSON.parse(json.stdout[0] as string) as { right: number; failure_details: unknown[] };
    expect(report.right).toBe(0);
    expect(report.failure_details).toEqual([expect.objectContaining({ id: 'holiday', outcome: 'fact_only', q: expect.any(String), answer: expect.stringContaining('300%') })]);
    const plain = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--format', 'json']);
    expect(JSON.parse(plain.stdout[0] as string)).not.toHaveProperty('failure_details');

    const locked = await run(['kb', 'eval-answers', '--set', 'locked', '--corpus', writeMiniCorpus(), '--failures']);
    expect(locked.code).toBe(2);
    expect(locked.stdout).toEqual([]);
    expect(locked.stderr[0]).toMatch(/^error VALIDATION_FAILED: --failures is for the dev set/);
  });

  it('ranks the first acceptable article of each question with --retrieval, and refuses it on the locked set', async () => {
    const cases = writeTemp(
      'answers-retrieval.jsonl',
      [
        '{"id":"sev","q":"trợ cấp thôi việc tính sao","facts":["nửa tháng"],"cite":[{"law_id":"BH/2024","article_no":"1"}]}',
        '{"id":"none","q":"trợ cấp thôi việc tính sao","facts":["nửa tháng"],"cite":[{"law_id":"LD/2012","article_no":"10"}]}',
      ].join('\n'),
    );
    const json = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--retrieval', '--format', 'json']);
    expect(json.code).toBe(0);
    const { retrieval } = JSON.parse(json.stdout[0] as string) as { retrieval: { n: number; recall: Record<string, number>; cases: { id: string; rank: number | null }[] } };
    expect(retrieval.cases.map(({ id, rank }) => ({ id, rank }))).toEqual([{ id: 'sev', rank: 2 }, { id: 'none', rank: null }]);
    expect(retrieval.recall).toEqual({ at1: 0, at3: 0.5, at5: 0.5, at10: 0.5 });
    const text = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--retrieval']);
    expect(text.stdout.some((line) => line.startsWith('tìm điều luật: 2 câu, recall @1 0.0 %, @3 50.0 %'))).toBe(true);

    const locked = await run(['kb', 'eval-answers', '--set', 'locked', '--corpus', writeMiniCorpus(), '--retrieval']);
    expect(locked.code).toBe(2);
    expect(locked.stdout).toEqual([]);
    expect(locked.stderr[0]).toMatch(/^error VALIDATION_FAILED: --retrieval is for the dev set/);
  });

  it('trains the unit chooser on the dev set only, and refuses a chooser model that is not one', async () => {
    const locked = await run(['kb', 'train-chooser', '--set', 'locked', '--corpus', writeMiniCorpus()]);
    expect(locked.code).toBe(2);
    expect(locked.stdout).toEqual([]);
    expect(locked.stderr[0]).toMatch(/^error VALIDATION_FAILED: .*dev set only/);
    const cases = writeTemp('answers-chooser.jsonl', '{"id":"sev","q":"trợ cấp thôi việc tính sao","facts":["nửa tháng"],"cite":[{"law_id":"BH/2024","article_no":"1"}]}');
    const bad = await run(['kb', 'eval-answers', '--cases', cases, '--corpus', writeMiniCorpus(), '--chooser', writeTemp('chooser.json', '{ not json')]);
    expect(bad.code).toBe(1); // CONFIG_INVALID is an internal error: a shipped or configured file is broken
    expect(bad.stderr[0]).toMatch(/^error CONFIG_INVALID: unit chooser model is not valid JSON/);
  });
});
