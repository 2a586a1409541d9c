/** The candidates of one choice: one feature vector each, and which of them are right. */
export interface ChoiceGroup {
  features: readonly (readonly number[])[];
  positive: readonly boolean[];
}

export interface SoftmaxFitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

/** A linear model over standardised features: the training rows' mean and spread, and the weights. */
export interface LinearFit {
  mean: number[];
  spread: number[];
  weights: number[];
}

/** Only a group with both a right and another candidate tells the model something about choosing. */
export function isInformativeGroup(group: ChoiceGroup): boolean {
  return group.positive.some(Boolean) && group.positive.some((p) => !p);
}

/**
 * Fits a linear model that picks one candidate per group (shared by the unit chooser and the article reranker): per
 * group, a softmax over its candidates, maximising the probability of the right ones (any of them will do), with an
 * L2 penalty; full-batch gradient descent on standardised features (the loss is convex, the result does not depend
 * on the order of the data). Pass only informative groups (isInformativeGroup).
 */
export function fitGroupSoftmax(used: readonly ChoiceGroup[], width: number, options: SoftmaxFitOptions): LinearFit {
  const rows = used.flatMap((group) => group.features);
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + (row[j] as number), 0) / Math.max(rows.length, 1));
  const spread = Array.from({ length: width }, (_, j) => {
    const variance = rows.reduce((sum, row) => sum + ((row[j] as number) - (mean[j] as number)) ** 2, 0) / Math.max(rows.length, 1);
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const standardised = used.map((group) => ({
    x: group.features.map((row) => row.map((value, j) => (value - (mean[j] as number)) / (spread[j] as number))),
    positive: group.positive,
  }));
  const weights = new Array<number>(width).fill(0);
  for (let step = 0; step < options.iterations; step += 1) {
    const gradient = weights.map((w) => 2 * options.l2 * w);
    for (const { x, positive } of standardised) {
      const scores = x.map((row) => row.reduce((sum, value, j) => sum + value * (weights[j] as number), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const total = exp.reduce((a, b) => a + b, 0);
      const positiveTotal = exp.reduce((sum, e, i) => sum + (positive[i] ? e : 0), 0);
      x.forEach((row, i) => {
        // d(−log P(positive))/d score_i = p_i − (positive ? p_i / P(positive) : 0)
        const coefficient = (exp[i] as number) / total - (positive[i] ? (exp[i] as number) / positiveTotal : 0);
        row.forEach((value, j) => {
          gradient[j] = (gradient[j] as number) + (coefficient * value) / standardised.length;
        });
      });
    }
    weights.forEach((w, j) => {
      weights[j] = w - options.learningRate * (gradient[j] as number);
    });
  }
  return { mean, spread, weights };
}
