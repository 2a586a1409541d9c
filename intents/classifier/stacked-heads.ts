import type { HeadModel, HeadPrediction, MultiHeadModel, RankedLabel } from './multi-head-model.js';
import type { CompactVector } from './softmax-regression.js';

/**
 * All heads' weights interleaved in one row-major matrix (row = feature, columns = every head's classes),
 * so classifying a message touches each feature row once instead of once per head. The weight table is
 * several MB and each message reads a few hundred scattered rows: memory traffic, not arithmetic, is the cost.
 * So the rows are int16 (one scale per head, the model file's own quantisation: nothing is lost for a model
 * read from its file), half the bytes of float32, a row of 22 classes in one cache line.
 */
export interface StackedHeads {
  names: readonly string[];
  heads: readonly HeadModel[];
  offsets: readonly number[];
  /** Columns of the matrix: every head's classes, then the hidden layer's units (if any). */
  width: number;
  /** Columns of the heads' classes (the hidden units start here). */
  headWidth: number;
  /** The hidden layer's output weights per head (in `names` order), null for a head it does not feed. */
  hidden: { size: number; bias: Float32Array; outputs: Array<{ w2: Float32Array; b2: Float32Array } | null> } | null;
  weights: Int16Array;
  /** Per column: the factor that turns the int16 sums back into logits. */
  scales: Float64Array;
  bias: Float32Array;
}

const INT16_MAX = 32767;

export function stackHeads(model: MultiHeadModel, names: readonly string[]): StackedHeads {
  const heads = names.map((name) => model.heads[name] as HeadModel);
  const offsets: number[] = [];
  let width = 0;
  for (const head of heads) {
    offsets.push(width);
    width += head.weights.numClasses;
  }
  const headWidth = width;
  const layer = model.hidden;
  if (layer !== undefined) width += layer.size;
  const rows = model.space.hashes.length;
  const weights = new Int16Array(rows * width);
  const scales = new Float64Array(width);
  const bias = new Float32Array(width);
  if (layer !== undefined) {
    // The hidden layer's input weights become more columns of the same rows: one pass reads both.
    let max = 0;
    for (const w of layer.w1) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / INT16_MAX;
    for (let u = 0; u < layer.size; u++) scales[headWidth + u] = scale;
    for (let row = 0; row < rows; row++) {
      for (let u = 0; u < layer.size; u++) weights[row * width + headWidth + u] = Math.round((layer.w1[row * layer.size + u] as number) / scale);
    }
  }
  heads.forEach((head, h) => {
    const k = head.weights.numClasses;
    const offset = offsets[h] as number;
    let max = 0;
    for (const w of head.weights.weights) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / INT16_MAX;
    for (let c = 0; c < k; c++) {
      bias[offset + c] = head.weights.bias[c] as number;
      scales[offset + c] = scale;
    }
    for (let row = 0; row < rows; row++) {
      for (let c = 0; c < k; c++) weights[row * width + offset + c] = Math.round((head.weights.weights[row * k + c] as number) / scale);
    }
  });
  const hidden =
    layer === undefined
      ? null
      : {
          size: layer.size,
          bias: layer.b1,
          outputs: names.map((name) => {
            const h = model.hiddenHeads?.indexOf(name) ?? -1;
            const out = h < 0 ? undefined : layer.heads[h];
            return out === undefined ? null : { w2: out.w2, b2: out.b2 };
          }),
        };
  return { names, heads, offsets, width, headWidth, hidden, weights, scales, bias };
}

/** Every head's calibrated prediction for one message, in `names` order. */
export function predictStacked(stacked: StackedHeads, vector: CompactVector): HeadPrediction[] {
  return predictFromSums(stacked, stackedSums(stacked, vector));
}

/** Σ int16 weight × feature value per column (before the per-column scale and the bias). */
export function stackedSums(stacked: StackedHeads, vector: CompactVector): Float64Array {
  const { width, weights } = stacked;
  const logits = new Float64Array(width);
  const sums = new Int32Array(width);
  const rows = vector.rows;
  const values = vector.values;
  // A group's features all share one value (weight / sqrt(group size)) and come one after the other, so the
  // int16 weights of a run of equal values are summed as integers (exact: a few hundred int16 fit an int32)
  // and multiplied by the value once per run, not once per feature and column. Same logits up to the
  // rounding of the float sums (~1e-15), checked against the per-feature sum by stacked-heads.test.ts.
  let runStart = 0;
  while (runStart < rows.length) {
    const value = values[runStart] as number;
    let runEnd = runStart;
    while (runEnd < rows.length && values[runEnd] === value) {
      const base = (rows[runEnd] as number) * width;
      for (let c = 0; c < width; c++) sums[c] = (sums[c] as number) + (weights[base + c] as number);
      runEnd++;
    }
    for (let c = 0; c < width; c++) {
      logits[c] = (logits[c] as number) + (sums[c] as number) * value;
      sums[c] = 0;
    }
    runStart = runEnd;
  }
  return logits;
}

/** The predictions from stackedSums' column sums (which it turns into logits in place). */
export function predictFromSums(stacked: StackedHeads, logits: Float64Array): HeadPrediction[] {
  const { width, bias, scales } = stacked;
  for (let c = 0; c < width; c++) logits[c] = (logits[c] as number) * (scales[c] as number) + (bias[c] as number);
  const hidden = stacked.hidden;
  if (hidden !== null) {
    const base = stacked.headWidth;
    for (let u = 0; u < hidden.size; u++) {
      const a = (logits[base + u] as number) + (hidden.bias[u] as number);
      logits[base + u] = a > 0 ? a : 0;
    }
    for (let h = 0; h < stacked.heads.length; h++) {
      const out = hidden.outputs[h];
      if (out === null || out === undefined) continue;
      const offset = stacked.offsets[h] as number;
      const k = out.b2.length;
      for (let c = 0; c < k; c++) {
        let sum = out.b2[c] as number;
        for (let u = 0; u < hidden.size; u++) sum += (logits[base + u] as number) * (out.w2[u * k + c] as number);
        logits[offset + c] = (logits[offset + c] as number) + sum;
      }
    }
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
