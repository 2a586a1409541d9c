import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';

/**
 * Questions members ask that one article answers, in their words ("nghỉ việc phải báo trước mấy ngày" for Điều 35
 * BLLĐ 2019): the article's document expansion (D-answers-44). The retriever indexes them beside the title and body,
 * so a question worded as members word it finds the article whose text says it otherwise.
 */
export interface ArticlePhrasings {
  lawId: string;
  articleNo: string;
  /** The khoản the phrasings ask about (clause-phrasings.ts, D-answers-47); absent: the article as a whole. */
  clauseNo?: string;
  phrasings: string[];
}

const lineSchema = z
  .object({
    law_id: z.string().trim().min(1),
    article_no: z.string().trim().min(1),
    phrasings: z.array(z.string().trim().min(3).max(300)).min(1).max(12),
  })
  .strict();

/** One line of a phrasing file as written (snake case, like the corpus and the evaluation sets). */
export type ArticlePhrasingLine = z.infer<typeof lineSchema>;

/** Parses a JSONL phrasing file; a bad line fails with CONFIG_INVALID naming the file and line. */
export function parseArticlePhrasingsJsonl(jsonl: string, source = 'article phrasings'): ArticlePhrasings[] {
  const entries: ArticlePhrasings[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = lineSchema.safeParse(parseJson(line));
    if (!parsed.success) {
      const fields = fieldIssuesFromZod(parsed.error, `line ${index + 1}`);
      throw new AppError('CONFIG_INVALID', `${source}: line ${index + 1} is invalid: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
    }
    entries.push({ lawId: parsed.data.law_id, articleNo: parsed.data.article_no, phrasings: parsed.data.phrasings });
  });
  return entries;
}

/** The folder shipped with the project: one `<law id with - for />.jsonl` per document (README explains). */
export const ARTICLE_PHRASINGS_DIR = fileURLToPath(new URL('./data/article-phrasings/', import.meta.url));

/**
 * Every `*.jsonl` of `dir`, in file-name order. A missing or empty folder is no phrasing at all (the FAQ's phrasings
 * still expand the articles it cites). Read from disk so officers can add phrasings without code.
 */
export function loadArticlePhrasings(dir: string = ARTICLE_PHRASINGS_DIR): ArticlePhrasings[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parseArticlePhrasingsJsonl(readFileSync(join(dir, name), 'utf8'), name));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
