/** A linear model over standardised features (the unit chooser, the article reranker): what scoring needs of it. */
export interface LinearModelWeights {
  mean: readonly number[];
  spread: readonly number[];
  weights: readonly number[];
}

/** The model's score of one feature vector: each feature standardised with the training set's mean and spread, then weighted. */
export function linearModelScore(model: LinearModelWeights, features: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < model.weights.length; i += 1) score += (model.weights[i] as number) * (((features[i] as number) - (model.mean[i] as number)) / (model.spread[i] as number));
  return score;
}
