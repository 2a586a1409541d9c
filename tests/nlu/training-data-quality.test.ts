import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROUTES, SENTIMENTS, TOPICS } from '../../core/nlu/labels.js';
import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { fromProjectRoot } from '../../bots/project-root.js';

// The requirements of issue #4 on the team-written data, checked on every run so that edits keep them true.
const LineSchema = z.object({
  text: z.string().min(1),
  route: z.enum(ROUTES),
  topic: z.enum(TOPICS),
  sentiment: z.enum(SENTIMENTS),
  style: z.enum(['accented', 'unaccented', 'teencode']).optional(),
  flags: z.array(z.enum(['injection', 'spam'])).optional(),
});
type Split = 'train' | 'dev' | 'test';
type Line = z.infer<typeof LineSchema> & { file: string; split: Split };

function readSplit(split: Split): Line[] {
  const dir = fromProjectRoot(`intents/data/${split}`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = LineSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${split}/${file}:${index + 1}: ${parsed.error.message}`);
          return { ...parsed.data, file, split };
        }),
    );
}

const train = readSplit('train');
const dev = readSplit('dev');
const test = readSplit('test');
const all = [...train, ...dev, ...test];
const countBy = (lines: Line[], key: 'route' | 'topic' | 'sentiment') =>
  lines.reduce<Record<string, number>>((acc, line) => ({ ...acc, [line[key]]: (acc[line[key]] ?? 0) + 1 }), {});

describe('team-written NLU data', () => {
  it('has at least 2,000 labelled messages, 150 per route and 60 per topic', () => {
    expect(all.length).toBeGreaterThanOrEqual(2000);
    const routes = countBy(all, 'route');
    for (const route of ROUTES) expect(routes[route] ?? 0).toBeGreaterThanOrEqual(150);
    const topics = countBy(all, 'topic');
    for (const topic of TOPICS) expect(topics[topic] ?? 0).toBeGreaterThanOrEqual(60);
  });

  it('spreads sentiment over all three classes', () => {
    const sentiments = countBy(all, 'sentiment');
    for (const sentiment of SENTIMENTS) expect((sentiments[sentiment] ?? 0) / all.length).toBeGreaterThan(0.1);
  });

  it('has at least a third written without diacritics or in teencode, and unaccented lines really are', () => {
    const informal = all.filter((line) => line.style === 'unaccented' || line.style === 'teencode');
    expect(informal.length / all.length).toBeGreaterThanOrEqual(1 / 3);
    const wrong = all.filter((line) => line.style === 'unaccented' && hasDiacritics(line.text));
    expect(wrong.map((line) => `${line.file}: ${line.text}`)).toEqual([]);
  });

  it('follows the label rules: small talk and out-of-scope have no topic', () => {
    const wrong = all.filter((line) => (line.route === 'smalltalk' || line.route === 'out_of_scope') && line.topic !== 'other');
    expect(wrong.map((line) => `${line.file}: ${line.text}`)).toEqual([]);
  });

  it.each([
    ['dev', 'train', dev, train],
    ['test', 'train', test, train],
    ['test', 'dev', test, dev],
  ] as const)('keeps %s apart from %s (no message in both, even without diacritics)', (_a, _b, held, other) => {
    const key = (text: string) => foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const seen = new Set(other.map((line) => key(line.text)).filter((k) => k !== ''));
    const leaked = held.filter((line) => seen.has(key(line.text)));
    expect(leaked.map((line) => line.text)).toEqual([]);
  });

  it('has a locked test set of at least 450 messages, half of them unaccented or teencode', () => {
    expect(test.length).toBeGreaterThanOrEqual(450);
    const informal = test.filter((line) => line.style === 'unaccented' || line.style === 'teencode');
    expect(informal.length / test.length).toBeGreaterThanOrEqual(0.5);
  });
});
