/**
 * The early-warning test (issue #10 item 5, docs/decisions.md D-mood-5). For one unit and topic, the members who
 * raised the topic in the week just ended are compared with the unit's own baseline, the mean of the 8 weeks
 * before. Under "nothing changed" the weekly count is taken as Poisson with that mean (floored at 0.5 so a quiet
 * topic can still alert); the rise is unusual when P(X ≥ observed) < `alpha`, the count is at least `minCount`
 * and at least twice the baseline. The score is −log10 of that probability.
 */
export interface WarningRule {
  alpha: number;
  minCount: number;
  minRatio: number;
}

export const DEFAULT_WARNING_RULE: WarningRule = { alpha: 0.001, minCount: 8, minRatio: 2 };

/** P(X ≥ x) for X ~ Poisson(mean), summed in log space (stable for the counts a unit sees in a week). */
export function poissonUpperTail(x: number, mean: number): number {
  if (x <= 0) return 1;
  let term = Math.exp(-mean);
  let below = 0;
  for (let i = 0; i < x; i++) {
    below += term;
    term *= mean / (i + 1);
  }
  return Math.max(0, Math.min(1, 1 - below));
}

export interface WarningVerdict {
  alert: boolean;
  baseline: number;
  pValue: number;
  score: number;
}

export function judgeRise(observed: number, baselineWeeks: readonly number[], rule: WarningRule = DEFAULT_WARNING_RULE): WarningVerdict {
  const weeks = Math.max(1, baselineWeeks.length);
  const baseline = baselineWeeks.reduce((sum, n) => sum + n, 0) / weeks;
  const mean = Math.max(0.5, baseline);
  const pValue = poissonUpperTail(observed, mean);
  const alert = observed >= rule.minCount && observed >= rule.minRatio * mean && pValue < rule.alpha;
  return { alert, baseline: Math.round(baseline * 100) / 100, pValue, score: Math.round(-Math.log10(Math.max(pValue, 1e-300)) * 100) / 100 };
}
