import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonlLines, readJsonlFolder } from './jsonl-folder.js';

/**
 * Questions members ask that one khoản of an article answers, in their words ("nghỉ việc mà còn mấy ngày phép chưa
 * nghỉ thì công ty có phải trả tiền không" for khoản 3 Điều 113 BLLĐ 2019): a finer document expansion than the
 * article's (D-answers-47). They find the article as its phrasings do, and say which of its clauses answers.
 * `clauseNo` is the khoản number as `splitIntoClauses` (clause-passages.ts) numbers the article's text.
 */
export interface ClausePhrasings {
  lawId: string;
  articleNo: string;
  clauseNo: string;
  phrasings: string[];
}

const lineSchema = z
  .object({
    law_id: z.string().trim().min(1),
    article_no: z.string().trim().min(1),
    clause: z.string().trim().regex(/^\d{1,3}$/u, 'a khoản number, as a string ("3")'),
    phrasings: z.array(z.string().trim().min(3).max(300)).min(1).max(12),
  })
  .strict();

/** Parses a JSONL clause-phrasing file; a bad line fails with CONFIG_INVALID naming the file and line. */
export function parseClausePhrasingsJsonl(jsonl: string, source = 'clause phrasings'): ClausePhrasings[] {
  return parseJsonlLines(jsonl, lineSchema, source).map(({ law_id: lawId, article_no: articleNo, clause: clauseNo, phrasings }) => ({ lawId, articleNo, clauseNo, phrasings }));
}

/** The folder shipped with the project: one `<law id with - for />.jsonl` per document, as for the article phrasings. */
export const CLAUSE_PHRASINGS_DIR = fileURLToPath(new URL('./data/clause-phrasings/', import.meta.url));

/** Every `*.jsonl` of `dir`, in file-name order; a missing or empty folder is no phrasing at all. */
export function loadClausePhrasings(dir: string = CLAUSE_PHRASINGS_DIR): ClausePhrasings[] {
  return readJsonlFolder(dir, parseClausePhrasingsJsonl);
}
