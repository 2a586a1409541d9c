import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import type { FaqMatcher } from './faq-matcher.js';

/** One held-out question: the entry it should match, or null when no entry may answer it. */
export const FaqEvalCaseSchema = z.object({ text: z.string().min(1), expected: z.string().nullable() });
export type FaqEvalCase = z.infer<typeof FaqEvalCaseSchema>;

export interface FaqEvalPoint {
  threshold: number;
  /** Share of answered questions that got the right entry (wrong entry or any answer to a negative counts against). */
  precision: number;
  /** Share of answerable questions answered with the right entry. */
  recall: number;
  /** Share of negatives that wrongly got an FAQ answer. */
  falseAnswerRate: number;
  correct: number;
  wrongEntry: number;
  answeredNegatives: number;
}

export function parseFaqEvalJsonl(text: string): FaqEvalCase[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      const parsed = FaqEvalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', `faq-eval line ${index + 1} is invalid`);
      return parsed.data;
    });
}

/**
 * Scores the matcher once per case and sweeps the decision threshold over the recorded best scores, so one
 * pass gives the whole precision/recall curve.
 */
export function evaluateFaqMatcher(matcher: FaqMatcher, cases: readonly FaqEvalCase[], thresholds: readonly number[]): FaqEvalPoint[] {
  const scored = cases.map((evalCase) => {
    const top = matcher.best(evalCase.text);
    return { evalCase, id: top?.entry.id ?? null, score: top?.score ?? 0 };
  });
  const positives = cases.filter((evalCase) => evalCase.expected !== null).length;
  const negatives = cases.length - positives;
  return thresholds.map((threshold) => {
    let correct = 0;
    let wrongEntry = 0;
    let answeredNegatives = 0;
    for (const { evalCase, id, score } of scored) {
      if (score < threshold || id === null) continue;
      if (evalCase.expected === null) answeredNegatives += 1;
      else if (evalCase.expected === id) correct += 1;
      else wrongEntry += 1;
    }
    const answered = correct + wrongEntry + answeredNegatives;
    return {
      threshold,
      precision: answered === 0 ? 1 : correct / answered,
      recall: positives === 0 ? 1 : correct / positives,
      falseAnswerRate: negatives === 0 ? 0 : answeredNegatives / negatives,
      correct,
      wrongEntry,
      answeredNegatives,
    };
  });
}
