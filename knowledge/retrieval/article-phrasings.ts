import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonlLines, readJsonlFolder } from './jsonl-folder.js';

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
  return parseJsonlLines(jsonl, lineSchema, source).map((line) => ({ lawId: line.law_id, articleNo: line.article_no, phrasings: line.phrasings }));
}

/** The folder shipped with the project: one `<law id with - for />.jsonl` per document (README explains). */
export const ARTICLE_PHRASINGS_DIR = fileURLToPath(new URL('./data/article-phrasings/', import.meta.url));

/**
 * Every `*.jsonl` of `dir`, in file-name order. A missing or empty folder is no phrasing at all (the FAQ's phrasings
 * still expand the articles it cites). Read from disk so officers can add phrasings without code.
 */
export function loadArticlePhrasings(dir: string = ARTICLE_PHRASINGS_DIR): ArticlePhrasings[] {
  return readJsonlFolder(dir, parseArticlePhrasingsJsonl);
}
