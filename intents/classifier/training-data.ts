import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { ROUTES, SENTIMENTS, TOPICS, type Route, type Sentiment, type Topic } from '../../core/nlu/labels.js';

/** One labelled member message (intents/data/train/*.jsonl). Extra keys such as `style` are allowed and ignored. */
export interface NluExample {
  text: string;
  route: Route;
  topic: Topic;
  sentiment: Sentiment;
}

/** One line of a generic `nlu eval` file. */
export interface LabelledText {
  text: string;
  label: string;
}

export const nluExampleSchema = z.object({
  text: z.string().trim().min(1, 'text is empty').max(4000, 'text is longer than 4000 characters'),
  route: z.enum(ROUTES),
  topic: z.enum(TOPICS),
  sentiment: z.enum(SENTIMENTS),
});

export const labelledTextSchema = z.object({
  text: z.string().trim().min(1, 'text is empty').max(4000, 'text is longer than 4000 characters'),
  label: z.string().trim().min(1, 'label is empty').max(200),
});

/**
 * Parses JSON Lines, validating every line. The first bad line stops everything with an error that names
 * the source and the line number: a half-read training set would silently train a different model.
 */
export function parseJsonLines<S extends z.ZodType>(content: string, schema: S, source: string): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new AppError('VALIDATION_FAILED', `${source}:${i + 1}: not valid JSON`, { details: { source, line: i + 1 } });
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; ');
      throw new AppError('VALIDATION_FAILED', `${source}:${i + 1}: ${problems}`, {
        details: { source, line: i + 1 },
        fields: result.error.issues.map((issue) => ({ path: `line ${i + 1}.${issue.path.join('.')}`, message: issue.message })),
      });
    }
    out.push(result.data);
  }
  return out;
}

export interface NluTrainingSet {
  examples: NluExample[];
  files: string[];
  /** sha256 of the file names and contents, in name order: the model remembers what it was trained on. */
  hash: string;
}

/**
 * Reads every `*.jsonl` in `dataDir/train` (or in `dataDir` itself when it has no `train` folder), in file
 * name order so the same files always give the same example order and the same model.
 */
export async function readNluTrainingSet(dataDir: string): Promise<NluTrainingSet> {
  const trainDir = await directoryWithJsonl(join(dataDir, 'train')) ? join(dataDir, 'train') : dataDir;
  const names = (await readdir(trainDir)).filter((name) => name.endsWith('.jsonl')).sort();
  if (names.length === 0) throw new AppError('NOT_FOUND', `no training files (*.jsonl) in ${trainDir}`);
  const hash = createHash('sha256');
  const examples: NluExample[] = [];
  for (const name of names) {
    const content = await readFile(join(trainDir, name), 'utf8');
    hash.update(name).update('\0').update(content).update('\0');
    examples.push(...parseJsonLines(content, nluExampleSchema, name));
  }
  return { examples, files: names.map((name) => join(trainDir, name)), hash: hash.digest('hex') };
}

/** One split of the labelled data (`<dataDir>/<split>/*.jsonl`), or null when the folder is absent or empty. */
export async function readNluSplit(dataDir: string, split: 'train' | 'dev' | 'test'): Promise<NluTrainingSet | null> {
  const dir = join(dataDir, split);
  if (!(await directoryWithJsonl(dir))) return null;
  const names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  const hash = createHash('sha256');
  const examples: NluExample[] = [];
  for (const name of names) {
    const content = await readFile(join(dir, name), 'utf8');
    hash.update(name).update('\0').update(content).update('\0');
    examples.push(...parseJsonLines(content, nluExampleSchema, `${split}/${name}`));
  }
  return { examples, files: names.map((name) => join(dir, name)), hash: hash.digest('hex') };
}

async function directoryWithJsonl(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).some((name) => name.endsWith('.jsonl'));
  } catch {
    return false;
  }
}
