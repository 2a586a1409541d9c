import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';

/** Parses JSONL against `schema`, blank lines skipped; a bad line fails with CONFIG_INVALID naming `source` and the line. */
export function parseJsonlLines<S extends z.ZodTypeAny>(jsonl: string, schema: S, source: string): z.infer<S>[] {
  const lines: z.infer<S>[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = schema.safeParse(parseJson(line));
    if (!parsed.success) {
      const fields = fieldIssuesFromZod(parsed.error, `line ${index + 1}`);
      throw new AppError('CONFIG_INVALID', `${source}: line ${index + 1} is invalid: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
    }
    lines.push(parsed.data);
  });
  return lines;
}

/** Every `*.jsonl` of `dir` parsed by `parse` (given the file's name as the source), in file-name order; a missing folder is none. */
export function readJsonlFolder<T>(dir: string, parse: (jsonl: string, source: string) => T[]): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parse(readFileSync(join(dir, name), 'utf8'), name));
}

/** Not JSON: null, which the schema rejects with the line's number. */
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
