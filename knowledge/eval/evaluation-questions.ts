import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';

/** One member question of the evaluation set and the article(s) that answer it. */
export interface EvaluationQuestion {
  q: string;
  gold: { law_id: string; article_no: string }[];
  topic?: string;
  /** How the question is typed: with diacritics, without, or in chat abbreviations. */
  style?: 'accented' | 'unaccented' | 'teencode';
}

const questionSchema = z.object({
  q: z.string().trim().min(1),
  gold: z.array(z.object({ law_id: z.string().min(1), article_no: z.string().min(1) })).min(1),
  topic: z.string().optional(),
  style: z.enum(['accented', 'unaccented', 'teencode']).optional(),
});

export function parseEvaluationQuestions(jsonl: string): EvaluationQuestion[] {
  const questions: EvaluationQuestion[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = questionSchema.safeParse(safeJson(line));
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', `evaluation question on line ${index + 1} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    questions.push(parsed.data);
  });
  return questions;
}

/** The evaluation set shipped beside this file. */
export async function loadDefaultEvaluationQuestions(): Promise<EvaluationQuestion[]> {
  return parseEvaluationQuestions(await readFile(new URL('./questions.jsonl', import.meta.url), 'utf8'));
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
