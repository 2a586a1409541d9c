import { readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerNluCommands } from './nlu-commands.js';

const fixture = join(process.cwd(), 'intents/classifier/fixtures/mini-nlu.jsonl');
const devFixture = readdirSync(join(process.cwd(), 'tests/nlu/fixtures')).find((name) => name.endsWith('.jsonl')) as string;

describe('nlu commands', () => {
  let dir = '';
  let stdout: string[] = [];
  let stderr: string[] = [];

  let curated: Array<{ text: string; route: 'question'; topic: 'maternity'; sentiment: 'neutral' }> | null = null;

  function program(): Command {
    const root = new Command('congdoan').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    registerNluCommands(root, {
      ...(curated ? { curatedFromDatabase: async () => curated ?? [] } : {}),
      paths: { dataDir: join(dir, 'data'), buildDir: join(dir, 'build'), storeDir: join(dir, 'models', 'nlu'), pinnedModelPath: null },
      env: { DATA_DIR: dir, MODEL_DIR: join(dir, 'models'), NLU_MODEL_PATH: undefined, NLU_TRAIN_IF_MISSING: true },
      stdout: (line) => stdout.push(line),
      stderr: (line) => stderr.push(line),
      clock: { now: () => new Date('2026-11-23T03:00:00Z') },
    });
    return root;
  }

  async function run(args: string[]): Promise<number> {
    try {
      await program().parseAsync(args, { from: 'user' });
      return 0;
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode;
      throw error;
    }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-cli-'));
    await mkdir(join(dir, 'data', 'train'), { recursive: true });
    await copyFile(fixture, join(dir, 'data', 'train', 'mini.jsonl'));
    await mkdir(join(dir, 'data', 'dev'), { recursive: true });
    await copyFile(join(process.cwd(), 'tests/nlu/fixtures', devFixture), join(dir, 'data', 'dev', 'dev.jsonl'));
    stdout = [];
    stderr = [];
    curated = null;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeLabelled(name: string, rows: Array<[string, string]>): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, rows.map(([text, label]) => JSON.stringify({ text, label })).join('\n'));
    return path;
  }

  it('nlu eval trains a fresh classifier and prints one JSON report', async () => {
    const train = await writeLabelled('train.jsonl', [
      ['lương tháng này thấp quá', 'luong'],
      ['bao giờ tăng lương', 'luong'],
      ['lương cơ bản bao nhiêu', 'luong'],
      ['nghỉ phép năm mấy ngày', 'phep'],
      ['xin nghỉ phép được không', 'phep'],
      ['phép năm còn mấy ngày', 'phep'],
    ]);
    const test = await writeLabelled('test.jsonl', [
      ['luong thang sau co tang khong', 'luong'],
      ['nghi phep nam nay con may ngay', 'phep'],
    ]);
    expect(await run(['nlu', 'eval', '--train', train, '--test', test, '--format', 'json'])).toBe(0);
    expect(stdout).toHaveLength(1);
    const report = JSON.parse(stdout[0] as string) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['accuracy', 'macro_f1', 'n', 'per_label', 'weighted_f1']);
    expect(report).toMatchObject({ n: 2, accuracy: 1, per_label: { luong: { support: 1 }, phep: { support: 1 } } });
    expect(stderr.join('\n')).toMatch(/trained on 6 lines, 2 labels/);
  });

  it('nlu eval rejects a bad line with its number, exit code 2 and nothing on stdout', async () => {
    const train = join(dir, 'bad.jsonl');
    await writeFile(train, '{"text":"a","label":"x"}\n{"text":"b","labrespell":"y"}\n');
    const test = await writeLabelled('test.jsonl', [['a', 'x']]);
    expect(await run(['nlu', 'eval', '--train', train, '--test', test, '--format', 'json'])).toBe(2);
    expect(stdout).toEqual([]);
    const error = JSON.parse(stderr[0] as string) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('VALIDATION_FAILED');
    expect(error.error.message).toContain('bad.jsonl:2');
  });

  it('nlu eval names a missing option or file', async () => {
    expect(await run(['nlu', 'eval', '--train', join(dir, 'nope.jsonl'), '--test', join(dir, 'nope.jsonl')])).toBe(2);
    expect(stderr.join('\n')).toContain('cannot read');
    expect(await run(['nlu', 'eval', '--format', 'json'])).toBe(2);
    expect(stdout).toEqual([]);
  });

  it('nlu build writes the shipped model once, then reports it up to date', async () => {
    expect(await run(['nlu', 'build', '--format', 'json'])).toBe(0);
    expect(JSON.parse(stdout[0] as string)).toMatchObject({ built: true, examples: 48 });
    expect(await run(['nlu', 'build', '--format', 'json'])).toBe(0);
    expect(JSON.parse(stdout[1] as string)).toMatchObject({ built: false });
  });

  it('nlu train stores a version, prints its evaluation against the active model, activates it', async () => {
    expect(await run(['nlu', 'build'])).toBe(0);
    stdout = [];
    expect(await run(['nlu', 'train'])).toBe(0);
    const activeAt = stdout.findIndex((line) => line.startsWith('activated '));
    expect(stdout.slice(0, activeAt).join('\n')).toMatch(/dev route .*%.*%/);
    expect(stdout.slice(0, activeAt).join('\n')).toContain('active shipped');
    stdout = [];
    expect(await run(['nlu', 'models', '--format', 'json'])).toBe(0);
    expect(stdout.map((l) => (JSON.parse(l) as { active: boolean }).active)).toEqual([true]);
  });

  it('nlu train merges reviewed labels, and does not activate a worse model unless forced', async () => {
    expect(await run(['nlu', 'train', '--format', 'json'])).toBe(0);
    const first = JSON.parse(stdout[0] as string) as { version: string; activated: boolean };
    expect(first.activated).toBe(true);
    // Officers "relabel" every training message as small talk: a model that can only say small talk.
    const lines = (await readFile(fixture, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const reviewed = join(dir, 'reviewed.jsonl');
    await writeFile(reviewed, lines.map((l) => JSON.stringify({ text: (JSON.parse(l) as { text: string }).text, route: 'smalltalk', topic: 'other', sentiment: 'neutral' })).join('\n'));
    stdout = [];
    stderr = [];
    expect(await run(['nlu', 'train', '--reviewed', reviewed, '--format', 'json'])).toBe(3);
    const worse = JSON.parse(stdout[0] as string) as { activated: boolean; reviewed: { used: number }; comparison: { worse: boolean } };
    expect(worse).toMatchObject({ activated: false, comparison: { worse: true } });
    expect(worse.reviewed.used).toBe(lines.length);
    expect(stderr.join('\n')).toContain('not activated');
    stdout = [];
    expect(await run(['nlu', 'models', '--format', 'json'])).toBe(0);
    expect(stdout.filter((l) => (JSON.parse(l) as { active: boolean }).active).map((l) => (JSON.parse(l) as { version: string }).version)).toEqual([first.version]);
    stdout = [];
    expect(await run(['nlu', 'train', '--reviewed', reviewed, '--force', '--format', 'json'])).toBe(0);
    expect(JSON.parse(stdout[0] as string)).toMatchObject({ activated: true });
    stdout = [];
    expect(await run(['nlu', 'activate', first.version, '--format', 'json'])).toBe(0);
    expect(JSON.parse(stdout[0] as string)).toMatchObject({ version: first.version });
  });

  it("nlu train learns the FAQ phrasings officers added, and says how many it used", async () => {
    curated = [
      { text: 'đẻ xong được nghỉ ở nhà mấy tháng vậy', route: 'question', topic: 'maternity', sentiment: 'neutral' },
      { text: 'de xong duoc nghi o nha may thang vay', route: 'question', topic: 'maternity', sentiment: 'neutral' },
    ];
    expect(await run(['nlu', 'train', '--format', 'json'])).toBe(0);
    const report = JSON.parse(stdout[0] as string) as { curated: { offered: number; used: number }; examples: number };
    expect(report.curated).toEqual({ offered: 2, used: 1 });
  });

  it('nlu train and activate reject bad input with exit code 2', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"text":"a","route":"question","topic":"nope","sentiment":"neutral"}\n');
    expect(await run(['nlu', 'train', '--reviewed', bad])).toBe(2);
    expect(stderr.join('\n')).toContain('bad.jsonl:1');
    expect(await run(['nlu', 'train', '--reviewed', join(dir, 'missing.jsonl')])).toBe(2);
    expect(await run(['nlu', 'activate', '20991231T000000Z-aaaaaaaaaaaa'])).toBe(2);
    expect(await run(['nlu', 'activate', '../x'])).toBe(2);
  });

  it('classify prints one JSON line with labels, confidences and entities', async () => {
    expect(await run(['classify', '--format', 'json', 'cty nợ lương em 2 tháng rồi, sđt 0912345678'])).toBe(0);
    expect(stdout).toHaveLength(1);
    const line = JSON.parse(stdout[0] as string) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(['confidence', 'entities', 'flags', 'route', 'sentiment', 'text', 'topic']);
    expect(line.text).toBe('cty nợ lương em 2 tháng rồi, sđt 0912345678');
    expect(line.entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'phone', value: '+84912345678' })]));
  });

  it('classify --input classifies each line, and validates the whole file first', async () => {
    const input = join(dir, 'in.jsonl');
    await writeFile(input, '{"text":"xin chào"}\n{"text":"cho em gặp cán bộ công đoàn"}\n');
    expect(await run(['classify', '--format', 'json', '--input', input])).toBe(0);
    expect(stdout.map((l) => (JSON.parse(l) as { route: string }).route)).toEqual(['smalltalk', 'handoff']);
    stdout = [];
    await writeFile(input, '{"text":"xin chào"}\n{"txt":"oops"}\n');
    expect(await run(['classify', '--format', 'json', '--input', input])).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr.join('\n')).toContain('in.jsonl:2');
  });

  it('classify wants a text or a file, not neither', async () => {
    expect(await run(['classify'])).toBe(2);
    expect(stdout).toEqual([]);
  });
});
