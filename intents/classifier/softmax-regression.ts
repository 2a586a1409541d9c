import type { HashedVector } from './feature-hashing.js';
import { buildFeatureIndex, lookupRow, type FeatureIndex } from './feature-index.js';
import { createSeededRandom, seededShuffle } from './seeded-random.js';

/**
 * Multinomial logistic regression over sparse hashed features, trained with AdaGrad and L2 regularisation.
 * Pure TypeScript, deterministic for a given seed (same data → same bits), a few seconds for thousands of
 * examples. Hashes seen in training are compacted to dense row numbers: the weight matrix holds only those.
 */

/** The hashes seen in training, sorted (so the row order does not depend on data order), and their rows. */
export interface FeatureSpace {
  hashes: Uint32Array;
  index: FeatureIndex;
}

export interface CompactVector {
  rows: Int32Array;
  values: Float32Array;
}

export interface SoftmaxWeights {
  numFeatures: number;
  numClasses: number;
  /** Row-major: weights[row * numClasses + class]. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface SoftmaxTrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** 0: no class weighting; 0.5: by 1/sqrt(frequency); 1: fully balanced. */
  classWeightPower: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 10,
  learningRate: 0.3,
  l2: 1e-6,
  seed: 20261123,
  classWeightPower: 0.5,
};

/**
 * The features worth a weight row: those seen in at least `minCount` training vectors. Dropping features seen
 * once (mostly char n-grams of one rare word) shrinks the model, and the rows a message touches, by about half.
 */
export function buildFeatureSpace(vectors: readonly HashedVector[], minCount = 1): FeatureSpace {
  const counts = new Map<number, number>();
  for (const vector of vectors) for (const hash of vector.hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const kept: number[] = [];
  for (const [hash, count] of counts) if (count >= minCount) kept.push(hash);
  const hashes = Uint32Array.from(kept).sort();
  return { hashes, index: buildFeatureIndex(hashes) };
}

/** Keeps the features the model knows; unseen ones carry no weight anyway. */
export function compactVector(vector: HashedVector, space: FeatureSpace): CompactVector {
  const rows = new Int32Array(vector.hashes.length);
  const values = new Float32Array(vector.hashes.length);
  let kept = 0;
  for (let i = 0; i < vector.hashes.length; i++) {
    const row = lookupRow(space.index, vector.hashes[i] as number);
    if (row < 0) continue;
    rows[kept] = row;
    values[kept] = vector.values[i] as number;
    kept++;
  }
  return { rows: rows.subarray(0, kept), values: values.subarray(0, kept) };
}

export function computeLogits(model: SoftmaxWeights, vector: CompactVector, out = new Float64Array(model.numClasses)): Float64Array {
  return accumulateLogits(model.weights, model.bias, model.numClasses, vector.rows, vector.values, out);
}

/** The inner loop, on typed arrays only (one shape of arguments keeps V8's element access monomorphic). */
function accumulateLogits(
  weights: Float32Array,
  bias: Float32Array,
  k: number,
  rows: Int32Array,
  values: Float32Array,
  out: Float64Array,
): Float64Array {
  for (let c = 0; c < k; c++) out[c] = bias[c] as number;
  for (let i = 0; i < rows.length; i++) {
    const base = (rows[i] as number) * k;
    const value = values[i] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * value;
  }
  return out;
}

/** Softmax of logits / temperature, numerically stable. */
export function softmax(logits: ArrayLike<number>, temperature = 1, out = new Float64Array(logits.length)): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, (logits[c] as number) / temperature);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp((logits[c] as number) / temperature - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) out[c] = (out[c] as number) / sum;
  return out;
}

/** Per-class loss weights: (average count / class count)^power (0: none, 1: fully balanced). */
export function classWeights(labels: readonly number[], numClasses: number, power: number): Float64Array {
  const counts = new Float64Array(numClasses);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  const weights = new Float64Array(numClasses);
  const average = labels.length / numClasses;
  for (let c = 0; c < numClasses; c++) {
    const count = counts[c] as number;
    weights[c] = count === 0 ? 0 : (average / count) ** power;
  }
  return weights;
}

/** Errors smaller than this are not applied: a class the model already rules out needs no update. */
const SKIP_BELOW = 1e-3;

export function trainSoftmax(
  vectors: readonly CompactVector[],
  labels: readonly number[],
  numFeatures: number,
  numClasses: number,
  options: SoftmaxTrainingOptions = DEFAULT_SOFTMAX_OPTIONS,
  sampleWeights?: readonly number[],
): SoftmaxWeights {
  const k = numClasses;
  // Single precision: the matrix is features × classes and training is bound by memory traffic over it.
  const weights = new Float32Array(numFeatures * k);
  // Row-wise AdaGrad: one accumulator per feature (not per feature × class), one square root per feature.
  // Same adaptivity where it matters (rare vs frequent features) at a fraction of the cost for many labels.
  const rowGradSquares = new Float64Array(numFeatures).fill(1e-8);
  const bias = new Float32Array(k);
  const biasGradSquares = new Float64Array(k).fill(1e-8);
  const perClass = classWeights(labels, k, options.classWeightPower);
  const random = createSeededRandom(options.seed);
  const order = vectors.map((_, i) => i);
  const logits = new Float64Array(k);
  const probabilities = new Float64Array(k);
  const view: SoftmaxWeights = { numFeatures, numClasses: k, weights, bias };
  const { learningRate, l2 } = options;
  const errors = new Float64Array(k);
  const active = new Int32Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of seededShuffle(order, random)) {
      const vector = vectors[index] as CompactVector;
      const label = labels[index] as number;
      const weight = (perClass[label] as number) * (sampleWeights?.[index] ?? 1);
      computeLogits(view, vector, logits);
      softmax(logits, 1, probabilities);
      let activeCount = 0;
      let errorSquares = 0;
      for (let c = 0; c < k; c++) {
        const error = ((probabilities[c] as number) - (c === label ? 1 : 0)) * weight;
        // Classes the model already gets right contribute nothing worth the work.
        if (Math.abs(error) < SKIP_BELOW) continue;
        errors[c] = error;
        active[activeCount++] = c;
        errorSquares += error * error;
        biasGradSquares[c] = (biasGradSquares[c] as number) + error * error;
        bias[c] = (bias[c] as number) - (learningRate * error) / Math.sqrt(biasGradSquares[c] as number);
      }
      if (activeCount === 0) continue;
      for (let i = 0; i < vector.rows.length; i++) {
        const row = vector.rows[i] as number;
        const value = vector.values[i] as number;
        const accumulated = (rowGradSquares[row] as number) + errorSquares * value * value;
        rowGradSquares[row] = accumulated;
        const step = learningRate / Math.sqrt(accumulated);
        const base = row * k;
        for (let a = 0; a < activeCount; a++) {
          const c = active[a] as number;
          const cell = base + c;
          weights[cell] = (weights[cell] as number) - step * ((errors[c] as number) * value + l2 * (weights[cell] as number));
        }
      }
    }
  }
  return { numFeatures, numClasses: k, weights, bias };
}
