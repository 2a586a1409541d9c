import type { NluMetrics } from './model-build.js';

/**
 * Is a newly trained model at least as good as the active one? Decided on the dev set only (the locked test is
 * printed, never used to decide): the mean accuracy over the three heads, typed and stripped, must not drop by
 * more than `tolerance`, and no head may drop by more than `headTolerance` (a model that trades the route for
 * the topic is not "better on average" to a member whose question is filed as a complaint).
 */
export interface ModelComparison {
  basis: 'dev' | 'none';
  candidateMean: number | null;
  activeMean: number | null;
  worse: boolean;
  reasons: string[];
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export function compareModels(candidate: NluMetrics, active: NluMetrics | null, tolerance = 0.002, headTolerance = 0.01): ModelComparison {
  const next = candidate.dev;
  const current = active?.dev;
  if (next === undefined || current === undefined) {
    return { basis: 'none', candidateMean: null, activeMean: null, worse: false, reasons: ['no dev set scored for both models: nothing to compare'] };
  }
  const heads = Object.keys(next).filter((head) => current[head] !== undefined);
  const flat = (m: typeof next) => heads.flatMap((head) => [m[head]?.accuracy ?? 0, m[head]?.stripped ?? 0]);
  const candidateMean = mean(flat(next));
  const activeMean = mean(flat(current));
  const reasons: string[] = [];
  if (candidateMean < activeMean - tolerance) reasons.push(`mean dev accuracy ${candidateMean.toFixed(4)} < active ${activeMean.toFixed(4)}`);
  for (const head of heads) {
    const drop = mean([current[head]?.accuracy ?? 0, current[head]?.stripped ?? 0]) - mean([next[head]?.accuracy ?? 0, next[head]?.stripped ?? 0]);
    if (drop > headTolerance) reasons.push(`${head} drops ${(drop * 100).toFixed(1)} points on dev`);
  }
  return { basis: 'dev', candidateMean, activeMean, worse: reasons.length > 0, reasons };
}
