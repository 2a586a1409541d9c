import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../normalize/normalize-text.js';
import { deserializeModel, serializeModel } from './model-file.js';
import { createVectorizer, predictHead, vectorize, type MultiHeadModel } from './multi-head-model.js';
import { DEFAULT_HIDDEN_LAYER_OPTIONS } from './hidden-layer.js';
import { predictFromSums, predictStacked, stackHeads, type StackedHeads } from './stacked-heads.js';
import type { CompactVector } from './softmax-regression.js';
import { trainClassifier } from './train-nlu.js';
import { nluExampleSchema, parseJsonLines } from './training-data.js';

/**
 * The classifying fast path (issue #12 item 3) must not change a prediction: the vectorizer gives the very
 * vector that extractFeatures + compactVector give, and the stacked int16 heads (summed per run of one value)
 * give the probabilities of each head read on its own from the same file, to 1e-9.
 */
const examples = parseJsonLines(readFileSync(join(import.meta.dirname, 'fixtures/mini-nlu.jsonl'), 'utf8'), nluExampleSchema, 'mini-nlu.jsonl');
const EXTRA = [
  '',
  '   ',
  'Cty nợ lương 3 tháng rồi, giờ em phải làm sao???',
  'cty no luong 3 thang roi, gio em phai lam sao',
  'ko đc đóng bhxh :( buồn quá TT',
  'LƯƠNG THẤP QUÁ!!! KHÔNG CHỊU NỔI',
  'sdt 0912 345 678, email a@b.vn, 5tr/tháng từ 01/02/2025',
  'hôm nay trời đẹp 😀',
  'xin chào. cho hỏi; nghỉ phép năm được mấy ngày? cảm ơn!',
  'a'.repeat(3000),
];
const texts = [...examples.map((e) => e.text), ...EXTRA];
const HEADS = ['route', 'topic', 'sentiment'] as const;

/** The column sums as they were computed before: one multiply-add per feature and column. */
function perFeatureSums(stacked: StackedHeads, vector: CompactVector): Float64Array {
  const sums = new Float64Array(stacked.width);
  vector.rows.forEach((row, i) => {
    for (let c = 0; c < stacked.width; c++) sums[c] = (sums[c] as number) + (stacked.weights[row * stacked.width + c] as number) * (vector.values[i] as number);
  });
  return sums;
}

function roundTrip(trained: ReturnType<typeof trainClassifier>): MultiHeadModel {
  // The stacked heads are exact for a model read from its file (int16 weights): compare on that model.
  const metadata = { modelId: trained.modelId, kind: 'nlu' as const, dataHash: trained.dataHash, trainedExamples: examples.length, featureScheme: trained.featureScheme };
  return deserializeModel(serializeModel(trained.model, metadata)).model;
}

describe.each([
  ['linear heads', {}],
  ['linear heads + hidden layer', { hiddenLayer: { ...DEFAULT_HIDDEN_LAYER_OPTIONS, size: 8, epochs: 2 } }],
])('the classifying fast path (%s)', (_name, options) => {
  const trained = trainClassifier(examples, options);
  const model = roundTrip(trained);

  it('builds the same vector as extractFeatures + compactVector, bit for bit', () => {
    const fast = createVectorizer(model);
    for (const text of texts) {
      const normalized = normalizeText(text);
      const expected = vectorize(model, normalized);
      const actual = fast(normalized);
      expect(Array.from(actual.rows)).toEqual(Array.from(expected.rows));
      expect(Array.from(actual.values)).toEqual(Array.from(expected.values));
    }
  });

  it('gives the predictions of per-feature float sums (the code before issue #12 item 3), to 1e-9', () => {
    const stacked = stackHeads(model, HEADS);
    const fast = createVectorizer(model);
    for (const text of texts) {
      const vector = fast(normalizeText(text));
      const expected = predictFromSums(stacked, perFeatureSums(stacked, vector));
      const actual = predictStacked(stacked, vector);
      HEADS.forEach((_head, h) => {
        expect(actual[h]?.ranked.map((r) => r.label)).toEqual(expected[h]?.ranked.map((r) => r.label));
        expected[h]?.ranked.forEach((entry, i) => expect(Math.abs((actual[h]?.ranked[i]?.probability ?? -1) - entry.probability)).toBeLessThan(1e-9));
      });
    }
  });

  it('keeps every head close to the head read on its own (same labels)', () => {
    const stacked = stackHeads(model, HEADS);
    const fast = createVectorizer(model);
    for (const text of texts) {
      const normalized = normalizeText(text);
      const predictions = predictStacked(stacked, fast(normalized));
      HEADS.forEach((head, h) => expect(predictions[h]?.label).toBe(predictHead(model, head, vectorize(model, normalized)).label));
    }
  });

  it('does not carry one message into the next (a message after a long one, and twice the same)', () => {
    const fast = createVectorizer(model);
    const short = normalizeText('cho hỏi lương');
    fast(normalizeText('x '.repeat(1500)));
    const first = fast(short);
    expect(Array.from(first.rows)).toEqual(Array.from(vectorize(model, short).rows));
    expect(Array.from(fast(short).values)).toEqual(Array.from(first.values));
  });
});
