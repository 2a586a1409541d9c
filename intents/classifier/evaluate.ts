/** Classification metrics, in the shape `nlu eval` prints. */

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  n: number;
  accuracy: number;
  macro_f1: number;
  weighted_f1: number;
  per_label: Record<string, LabelMetrics>;
}

const round = (value: number): number => Math.round(value * 10000) / 10000;

/**
 * Per-label precision/recall/F1 over the union of gold and predicted labels (a label only ever predicted
 * still counts, with support 0: its false positives must show). Macro F1 averages labels with support > 0.
 */
export function evaluatePredictions(gold: readonly string[], predicted: readonly string[]): EvaluationReport {
  const labels = [...new Set([...gold, ...predicted])].sort();
  const stats = new Map(labels.map((label) => [label, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  let correct = 0;
  gold.forEach((truth, i) => {
    const guess = predicted[i] as string;
    const truthStats = stats.get(truth) as { tp: number; fp: number; fn: number; support: number };
    truthStats.support++;
    if (guess === truth) {
      correct++;
      truthStats.tp++;
    } else {
      truthStats.fn++;
      (stats.get(guess) as { fp: number }).fp++;
    }
  });
  const perLabel: Record<string, LabelMetrics> = {};
  let macro = 0;
  let weighted = 0;
  let labelsWithSupport = 0;
  for (const [label, s] of stats) {
    const precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
    const recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support: s.support };
    if (s.support > 0) {
      macro += f1;
      labelsWithSupport++;
      weighted += f1 * s.support;
    }
  }
  const n = gold.length;
  return {
    n,
    accuracy: round(n === 0 ? 0 : correct / n),
    macro_f1: round(labelsWithSupport === 0 ? 0 : macro / labelsWithSupport),
    weighted_f1: round(n === 0 ? 0 : weighted / n),
    per_label: perLabel,
  };
}
