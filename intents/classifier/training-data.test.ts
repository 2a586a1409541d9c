import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import { labelledTextSchema, nluExampleSchema, parseJsonLines, readNluTrainingSet } from './training-data.js';

describe('parseJsonLines', () => {
  it('reads valid lines, skips blank ones and ignores extra keys', () => {
    const content = '{"text":"xin chào","route":"smalltalk","topic":"other","sentiment":"neutral","style":"accented"}\n\n';
    expect(parseJsonLines(content, nluExampleSchema, 'a.jsonl')).toEqual([
      { text: 'xin chào', route: 'smalltalk', topic: 'other', sentiment: 'neutral' },
    ]);
  });

  it.each([
    ['{"text":"a","label":"x"}\n{"text":"b"}', 'b.jsonl:2: label'],
    ['{"text":"a","label":"x"}\nnot json', 'b.jsonl:2: not valid JSON'],
    ['{"text":"   ","label":"x"}', 'b.jsonl:1: text: text is empty'],
  ])('names the file and line of the first bad line (%#)', (content, message) => {
    expect(() => parseJsonLines(content, labelledTextSchema, 'b.jsonl')).toThrow(message);
  });

  it('rejects labels outside the public contract', () => {
    const bad = '{"text":"x","route":"chitchat","topic":"other","sentiment":"neutral"}';
    expect(() => parseJsonLines(bad, nluExampleSchema, 'c.jsonl')).toThrow(AppError);
  });
});

describe('readNluTrainingSet', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nlu-data-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads train/*.jsonl in name order and hashes the content', async () => {
    await mkdir(join(dir, 'train'));
    await writeFile(join(dir, 'train', 'b.jsonl'), '{"text":"hai","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    await writeFile(join(dir, 'train', 'a.jsonl'), '{"text":"một","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    const first = await readNluTrainingSet(dir);
    expect(first.examples.map((e) => e.text)).toEqual(['một', 'hai']);
    await writeFile(join(dir, 'train', 'b.jsonl'), '{"text":"ba","route":"smalltalk","topic":"other","sentiment":"neutral"}\n');
    const second = await readNluTrainingSet(dir);
    expect(second.hash).not.toBe(first.hash);
  });

  it('is NOT_FOUND when there is no training file', async () => {
    await expect(readNluTrainingSet(dir)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
