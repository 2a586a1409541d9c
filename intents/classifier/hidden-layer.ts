import type { CompactVector } from './softmax-regression.js';
import { createSeededRandom, seededShuffle } from './seeded-random.js';

/**
 * A small neural network in plain TypeScript: the sparse features feed one shared hidden layer of `size` ReLU
 * units, and each head reads it with its own softmax layer. Trained with AdaGrad on the same vectors as the
 * linear heads, its logits are ADDED to theirs (a product of two experts: the linear model keeps what single
 * features say, the hidden layer learns which features go together). Generic: it knows heads and classes, not
 * what they mean. Deterministic for a seed.
 */
export interface HiddenLayer {
  size: number;
  /** Row-major: w1[row * size + unit]. */
  w1: Float32Array;
  b1: Float32Array;
  /** Per head (same order as the heads it was trained with): w2[unit * classes + class], b2[class]. */
  heads: Array<{ classes: number; w2: Float32Array; b2: Float32Array }>;
}

export interface HiddenLayerOptions {
  size: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_HIDDEN_LAYER_OPTIONS: HiddenLayerOptions = { size: 24, epochs: 8, learningRate: 0.05, l2: 1e-6, seed: 20261203 };

/** Hidden activations for one message (ReLU), written into `out`. */
export function hiddenActivations(layer: HiddenLayer, vector: CompactVector, out: Float64Array): Float64Array {
  const { size, w1, b1 } = layer;
  for (let u = 0; u < size; u++) out[u] = b1[u] as number;
  const rows = vector.rows;
  const values = vector.values;
  for (let i = 0; i < rows.length; i++) {
    const base = (rows[i] as number) * size;
    const value = values[i] as number;
    for (let u = 0; u < size; u++) out[u] = (out[u] as number) + (w1[base + u] as number) * value;
  }
  for (let u = 0; u < size; u++) if ((out[u] as number) < 0) out[u] = 0;
  return out;
}

/** Adds head `h`'s logits from the hidden activations into `logits` starting at `offset`. */
export function addHiddenLogits(layer: HiddenLayer, h: number, hidden: Float64Array, logits: Float64Array, offset: number): void {
  const head = layer.heads[h] as HiddenLayer['heads'][number];
  const k = head.classes;
  for (let c = 0; c < k; c++) {
    let sum = head.b2[c] as number;
    for (let u = 0; u < layer.size; u++) sum += (hidden[u] as number) * (head.w2[u * k + c] as number);
    logits[offset + c] = (logits[offset + c] as number) + sum;
  }
}

export interface HiddenLayerTarget {
  classes: number;
  labels: readonly number[];
  /** Per-class loss weights (class balancing), as for the linear heads. */
  classWeights: Float64Array;
}

export function trainHiddenLayer(
  vectors: readonly CompactVector[],
  numFeatures: number,
  targets: readonly HiddenLayerTarget[],
  options: HiddenLayerOptions = DEFAULT_HIDDEN_LAYER_OPTIONS,
): HiddenLayer {
  const { size, learningRate, l2 } = options;
  const random = createSeededRandom(options.seed);
  const w1 = new Float32Array(numFeatures * size);
  for (let i = 0; i < w1.length; i++) w1[i] = (random() * 2 - 1) * 0.1;
  const b1 = new Float32Array(size).fill(0.01);
  const heads = targets.map((t) => {
    const w2 = new Float32Array(size * t.classes);
    const bound = Math.sqrt(6 / (size + t.classes));
    for (let i = 0; i < w2.length; i++) w2[i] = (random() * 2 - 1) * bound;
    return { classes: t.classes, w2, b2: new Float32Array(t.classes) };
  });
  // AdaGrad accumulators: one per feature row of w1 (as the linear heads do), one per weight elsewhere.
  const rowSquares = new Float64Array(numFeatures).fill(1e-8);
  const b1Squares = new Float64Array(size).fill(1e-8);
  const w2Squares = heads.map((h) => new Float64Array(h.w2.length).fill(1e-8));
  const b2Squares = heads.map((h) => new Float64Array(h.classes).fill(1e-8));
  const layer: HiddenLayer = { size, w1, b1, heads };
  const hidden = new Float64Array(size);
  const hiddenGrad = new Float64Array(size);
  const maxClasses = Math.max(...targets.map((t) => t.classes));
  const probabilities = new Float64Array(maxClasses);
  const order = vectors.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of seededShuffle(order, random)) {
      const vector = vectors[index] as CompactVector;
      hiddenActivations(layer, vector, hidden);
      hiddenGrad.fill(0);
      targets.forEach((target, h) => {
        const head = heads[h] as (typeof heads)[number];
        const k = head.classes;
        const label = target.labels[index] as number;
        const weight = target.classWeights[label] as number;
        let max = -Infinity;
        for (let c = 0; c < k; c++) {
          let sum = head.b2[c] as number;
          for (let u = 0; u < size; u++) sum += (hidden[u] as number) * (head.w2[u * k + c] as number);
          probabilities[c] = sum;
          if (sum > max) max = sum;
        }
        let total = 0;
        for (let c = 0; c < k; c++) {
          const e = Math.exp((probabilities[c] as number) - max);
          probabilities[c] = e;
          total += e;
        }
        const squares = w2Squares[h] as Float64Array;
        const biasSquares = b2Squares[h] as Float64Array;
        for (let c = 0; c < k; c++) {
          const error = ((probabilities[c] as number) / total - (c === label ? 1 : 0)) * weight;
          if (Math.abs(error) < 1e-4) continue;
          for (let u = 0; u < size; u++) {
            const cell = u * k + c;
            hiddenGrad[u] = (hiddenGrad[u] as number) + error * (head.w2[cell] as number);
            const g = error * (hidden[u] as number) + l2 * (head.w2[cell] as number);
            squares[cell] = (squares[cell] as number) + g * g;
            head.w2[cell] = (head.w2[cell] as number) - (learningRate * g) / Math.sqrt(squares[cell] as number);
          }
          biasSquares[c] = (biasSquares[c] as number) + error * error;
          head.b2[c] = (head.b2[c] as number) - (learningRate * error) / Math.sqrt(biasSquares[c] as number);
        }
      });
      // Back through the ReLU into the shared layer.
      let gradSquares = 0;
      for (let u = 0; u < size; u++) {
        if ((hidden[u] as number) <= 0) hiddenGrad[u] = 0;
        const g = hiddenGrad[u] as number;
        gradSquares += g * g;
        b1Squares[u] = (b1Squares[u] as number) + g * g;
        b1[u] = (b1[u] as number) - (learningRate * g) / Math.sqrt(b1Squares[u] as number);
      }
      if (gradSquares === 0) continue;
      for (let i = 0; i < vector.rows.length; i++) {
        const row = vector.rows[i] as number;
        const value = vector.values[i] as number;
        rowSquares[row] = (rowSquares[row] as number) + gradSquares * value * value;
        const step = learningRate / Math.sqrt(rowSquares[row] as number);
        const base = row * size;
        for (let u = 0; u < size; u++) {
          const g = hiddenGrad[u] as number;
          if (g === 0) continue;
          w1[base + u] = (w1[base + u] as number) - step * (g * value + l2 * (w1[base + u] as number));
        }
      }
    }
  }
  return layer;
}
