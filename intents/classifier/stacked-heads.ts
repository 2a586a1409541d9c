import type { HeadModel, HeadPrediction, MultiHeadModel, RankedLabel } from './multi-head-model.js';
import type { CompactVector } from './softmax-regression.js';

/**
 * All heads' weights interleaved in one row-major matrix (row = feature, columns = every head's classes),
 * so classifying a message touches each feature row once instead of once per head. The weight table is
 * several MB; with one pass, memory traffic (not arithmetic) stops being the cost.
 */
export interface StackedHeads {
  names: readonly string[];
  heads: readonly HeadModel[];
  offsets: readonly number[];
  width: number;
  weights: Float32Array;
  bias: Float32Array;
}

export function stackHeads(model: MultiHeadModel, names: readonly string[]): StackedHeads {
  const heads = names.map((name) => model.heads[name] as HeadModel);
  const offsets: number[] = [];
  let width = 0;
  for (const head of heads) {
    offsets.push(width);
    width += head.weights.numClasses;
  }
  const rows = model.space.hashes.length;
  const weights = new Float32Array(rows * width);
  const bias = new Float32Array(width);
  heads.forEach((head, h) => {
    const k = head.weights.numClasses;
    const offset = offsets[h] as number;
    for (let c = 0; c < k; c++) bias[offset + c] = head.weights.bias[c] as number;
    for (let row = 0; row < rows; row++) {
      for (let c = 0; c < k; c++) weights[row * width + offset + c] = head.weights.weights[row * k + c] as number;
    }
  });
  return { names, heads, offsets, width, weights, bias };
}

/** Every head's calibrated prediction for one message, in `names` order. */
export function predictStacked(stacked: StackedHeads, vector: CompactVector): HeadPrediction[] {
  const { width, weights, bias } = stacked;
  const logits = new Float64Array(width);
  for (let c = 0; c < width; c++) logits[c] = bias[c] as number;
  const rows = vector.rows;
  const values = vector.values;
  for (let i = 0; i < rows.length; i++) {
    const base = (rows[i] as number) * width;
    const value = values[i] as number;
    for (let c = 0; c < width; c++) logits[c] = (logits[c] as number) + (weights[base + c] as number) * value;
  }
  const predictions: HeadPrediction[] = [];
  for (let h = 0; h < stacked.heads.length; h++) {
    const head = stacked.heads[h] as HeadModel;
    const offset = stacked.offsets[h] as number;
    const k = head.weights.numClasses;
    const temperature = head.temperature;
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, (logits[offset + c] as number) / temperature);
    let sum = 0;
    const ranked: RankedLabel[] = [];
    for (let c = 0; c < k; c++) {
      const e = Math.exp((logits[offset + c] as number) / temperature - max);
      sum += e;
      ranked.push({ label: head.labels[c] as string, probability: e });
    }
    for (const entry of ranked) entry.probability /= sum;
    ranked.sort((a, b) => b.probability - a.probability);
    const best = ranked[0] as RankedLabel;
    predictions.push({ label: best.label, confidence: best.probability, ranked });
  }
  return predictions;
}
