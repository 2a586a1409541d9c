import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerNluCommands } from './nlu-commands.js';

const fixture = join(process.cwd(), 'intents/classifier/fixtures/mini-nlu.jsonl');

describe('nlu commands', () => {
  let dir = '';
  let stdout: string[] = [];
  let stderr: string[] = [];

  function program(): Command {
    const root = new Command('congdoan').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    registerNluCommands(root, {
      modelPath: join(dir, 'model', 'nlu-model.json'),
      dataDir: join(dir, 'data'),
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
    stdout = [];
    stderr = [];
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

  it('nlu train writes the model and prints a JSON summary', async () => {
    expect(await run(['nlu', 'train', '--format', 'json'])).toBe(0);
    const summary = JSON.parse(stdout[0] as string) as { modelId: string; examples: number; files: number };
    expect(summary).toMatchObject({ examples: 48, files: 1 });
    expect(summary.modelId).toMatch(/^linear@[0-9a-f]{12}$/);
  });

  it('classify prints one JSON line with labels, confidences and entities', async () => {
    expect(await run(['classify', '--format', 'json', 'cty nợ lương em 2 tháng rồi, sđt 0912345678'])).toBe(0);
    expect(stdout).toHaveLength(1);
    const line = JSON.parse(stdout[0] as string) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(['confidence', 'entities', 'route', 'sentiment', 'text', 'topic']);
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
