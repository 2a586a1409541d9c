import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import type { HeadModel, MultiHeadModel } from './multi-head-model.js';
import { buildFeatureIndex } from './feature-index.js';
import type { FeatureSpace } from './softmax-regression.js';
import { FEATURE_SCHEME_VERSION } from './text-features.js';

/**
 * The on-disk form of a trained model: JSON with the weights as base64 little-endian arrays. Weights are
 * quantised to int16 with one scale per head (error < 1e-4 of the largest weight, far below what changes a
 * prediction) and rows whose weights are all negligible are dropped, which keeps the file a few MB.
 * Nothing time-dependent is written, so the same data and options give a byte-identical file.
 */

export const MODEL_FORMAT = 'congdoan-nlu-linear';
export const MODEL_FORMAT_VERSION = 2;

export interface ModelFileMetadata {
  modelId: string;
  kind: 'nlu' | 'text';
  /** sha256 of the training data (and options) the model was trained from. */
  dataHash: string;
  trainedExamples: number;
  /** FEATURE_SCHEME_VERSION of the code that trained it: a model is only read the way it was trained. */
  featureScheme: number;
}

const headSchema = z.object({
  labels: z.array(z.string().min(1)).min(2),
  temperature: z.number().positive().finite(),
  bias: z.array(z.number().finite()),
  scale: z.number().positive().finite(),
  weights: z.string(),
});

const hiddenSchema = z.object({
  size: z.number().int().min(1).max(1024),
  scale: z.number().positive().finite(),
  w1: z.string(),
  b1: z.array(z.number().finite()),
  heads: z.array(z.object({ name: z.string().min(1), w2: z.array(z.number().finite()), b2: z.array(z.number().finite()) })),
});

const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  modelId: z.string().min(1),
  kind: z.enum(['nlu', 'text']),
  dataHash: z.string().min(1),
  trainedExamples: z.number().int().nonnegative(),
  featureScheme: z.number().int().nonnegative(),
  featureConfig: z.object({
    charNgramMin: z.number().int().min(1),
    charNgramMax: z.number().int().min(1),
    groupWeights: z.record(z.string(), z.number().finite()),
    domainLexicon: z.boolean().optional(),
    lastClause: z.boolean().optional(),
  }),
  featureHashes: z.string(),
  heads: z.record(z.string(), headSchema),
  hidden: hiddenSchema.optional(),
});

const INT16_MAX = 32767;

function encodeUint32(values: Uint32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, i) => view.setUint32(i * 4, value, true));
  return Buffer.from(view.buffer).toString('base64');
}

function decodeUint32(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new AppError('NLU_MODEL_INVALID', 'model file: feature table has a broken length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

function encodeInt16(values: Int16Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((value, i) => view.setInt16(i * 2, value, true));
  return Buffer.from(view.buffer).toString('base64');
}

function decodeInt16(text: string): Int16Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 2 !== 0) throw new AppError('NLU_MODEL_INVALID', 'model file: weight table has a broken length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Int16Array.from({ length: bytes.length / 2 }, (_, i) => view.getInt16(i * 2, true));
}

/** Rows (features) kept: those with some weight of at least `threshold` × the head's largest weight. */
function keptRows(model: MultiHeadModel, threshold: number): number[] {
  const numRows = model.space.hashes.length;
  const keep = new Uint8Array(numRows);
  const layer = model.hidden;
  if (layer !== undefined) {
    let max = 0;
    for (const w of layer.w1) max = Math.max(max, Math.abs(w));
    const floor = max * threshold;
    for (let row = 0; row < numRows; row++) {
      for (let u = 0; u < layer.size; u++) {
        if (Math.abs(layer.w1[row * layer.size + u] as number) >= floor) {
          keep[row] = 1;
          break;
        }
      }
    }
  }
  for (const head of Object.values(model.heads)) {
    const { weights, numClasses } = head.weights;
    let max = 0;
    for (const w of weights) max = Math.max(max, Math.abs(w));
    const floor = max * threshold;
    for (let row = 0; row < numRows; row++) {
      if (keep[row] === 1) continue;
      for (let c = 0; c < numClasses; c++) {
        if (Math.abs(weights[row * numClasses + c] as number) >= floor) {
          keep[row] = 1;
          break;
        }
      }
    }
  }
  const rows: number[] = [];
  keep.forEach((flag, row) => {
    if (flag === 1) rows.push(row);
  });
  return rows;
}

export function serializeModel(model: MultiHeadModel, metadata: ModelFileMetadata, pruneThreshold = 0.002): string {
  const rows = keptRows(model, pruneThreshold);
  const hashes = Uint32Array.from(rows, (row) => model.space.hashes[row] as number);
  const heads: Record<string, z.infer<typeof headSchema>> = {};
  for (const [name, head] of Object.entries(model.heads)) {
    const k = head.weights.numClasses;
    let max = 0;
    for (const w of head.weights.weights) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / INT16_MAX;
    const quantised = new Int16Array(rows.length * k);
    rows.forEach((row, i) => {
      for (let c = 0; c < k; c++) quantised[i * k + c] = Math.round((head.weights.weights[row * k + c] as number) / scale);
    });
    heads[name] = {
      labels: [...head.labels],
      temperature: head.temperature,
      bias: Array.from(head.weights.bias, (b) => Number(b.toPrecision(9))),
      scale,
      weights: encodeInt16(quantised),
    };
  }
  const file: z.infer<typeof modelFileSchema> = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...metadata,
    featureConfig: model.featureConfig,
    featureHashes: encodeUint32(hashes),
    heads,
  };
  const layer = model.hidden;
  if (layer !== undefined) {
    let max = 0;
    for (const w of layer.w1) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / INT16_MAX;
    const quantised = new Int16Array(rows.length * layer.size);
    rows.forEach((row, i) => {
      for (let u = 0; u < layer.size; u++) quantised[i * layer.size + u] = Math.round((layer.w1[row * layer.size + u] as number) / scale);
    });
    const round = (values: Float32Array): number[] => Array.from(values, (v) => Number(v.toPrecision(7)));
    file.hidden = {
      size: layer.size,
      scale,
      w1: encodeInt16(quantised),
      b1: round(layer.b1),
      heads: layer.heads.map((head, h) => ({ name: model.hiddenHeads?.[h] ?? String(h), w2: round(head.w2), b2: round(head.b2) })),
    };
  }
  return `${JSON.stringify(file)}\n`;
}

export interface LoadedModelFile {
  metadata: ModelFileMetadata;
  model: MultiHeadModel;
}

/** Parses and checks a model file; anything malformed is NLU_MODEL_INVALID, never a half-loaded model. */
export function deserializeModel(content: string): LoadedModelFile {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (cause) {
    throw new AppError('NLU_MODEL_INVALID', 'model file is not valid JSON', { cause });
  }
  const parsed = modelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('NLU_MODEL_INVALID', `model file is not a ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION} model`, {
      details: { issues: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
    });
  }
  const file = parsed.data;
  if (file.featureScheme !== FEATURE_SCHEME_VERSION) {
    throw new AppError('NLU_MODEL_INVALID', `model file was trained with feature scheme ${file.featureScheme}, this code reads scheme ${FEATURE_SCHEME_VERSION}: train it again`);
  }
  const hashes = decodeUint32(file.featureHashes);
  const space: FeatureSpace = { hashes, index: buildFeatureIndex(hashes) };
  const heads: Record<string, HeadModel> = {};
  for (const [name, head] of Object.entries(file.heads)) {
    const k = head.labels.length;
    const quantised = decodeInt16(head.weights);
    if (quantised.length !== hashes.length * k || head.bias.length !== k) {
      throw new AppError('NLU_MODEL_INVALID', `model file: head ${name} does not match its feature table`);
    }
    const weights = Float32Array.from(quantised, (q) => q * head.scale);
    heads[name] = {
      labels: head.labels,
      temperature: head.temperature,
      weights: { numFeatures: hashes.length, numClasses: k, weights, bias: Float32Array.from(head.bias) },
    };
  }
  let hidden: Pick<MultiHeadModel, 'hidden' | 'hiddenHeads'> = {};
  if (file.hidden !== undefined) {
    const { size, scale } = file.hidden;
    const quantised = decodeInt16(file.hidden.w1);
    if (quantised.length !== hashes.length * size || file.hidden.b1.length !== size) {
      throw new AppError('NLU_MODEL_INVALID', 'model file: hidden layer does not match its feature table');
    }
    const outputs = file.hidden.heads.map((head) => {
      const classes = heads[head.name]?.labels.length;
      if (classes === undefined || head.w2.length !== size * classes || head.b2.length !== classes) {
        throw new AppError('NLU_MODEL_INVALID', `model file: hidden layer output ${head.name} does not match its head`);
      }
      return { classes, w2: Float32Array.from(head.w2), b2: Float32Array.from(head.b2) };
    });
    hidden = {
      hidden: { size, w1: Float32Array.from(quantised, (q) => q * scale), b1: Float32Array.from(file.hidden.b1), heads: outputs },
      hiddenHeads: file.hidden.heads.map((head) => head.name),
    };
  }
  return {
    metadata: { modelId: file.modelId, kind: file.kind, dataHash: file.dataHash, trainedExamples: file.trainedExamples, featureScheme: file.featureScheme },
    model: { featureConfig: file.featureConfig, space, heads, ...hidden },
  };
}
