import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { deserializeModel, serializeModel } from './model-file.js';
import { predictHead, vectorize } from './multi-head-model.js';
import { trainClassifier } from './train-nlu.js';
import { DEFAULT_HIDDEN_LAYER_OPTIONS } from './hidden-layer.js';
import { createNluClassifier } from './nlu-classifier.js';
import { nluExampleSchema, parseJsonLines } from './training-data.js';

const examples = parseJsonLines(readFileSync(join(import.meta.dirname, 'fixtures/mini-nlu.jsonl'), 'utf8'), nluExampleSchema, 'mini-nlu.jsonl');
const trained = trainClassifier(examples);
const metadata = { modelId: trained.modelId, kind: 'nlu' as const, dataHash: trained.dataHash, trainedExamples: examples.length, featureScheme: trained.featureScheme };

describe('model file', () => {
  it('round-trips: the loaded model predicts like the trained one', () => {
    const loaded = deserializeModel(serializeModel(trained.model, metadata));
    expect(loaded.metadata).toEqual(metadata);
    for (const example of examples) {
      const text = normalizeText(example.text);
      for (const head of ['route', 'topic', 'sentiment']) {
        const before = predictHead(trained.model, head, vectorize(trained.model, text));
        const after = predictHead(loaded.model, head, vectorize(loaded.model, text));
        expect(after.label).toBe(before.label);
        expect(after.confidence).toBeCloseTo(before.confidence, 2);
      }
    }
  });

  it('is byte-identical when trained twice on the same data', () => {
    const again = trainClassifier(examples);
    expect(serializeModel(again.model, { ...metadata, modelId: again.modelId })).toBe(serializeModel(trained.model, metadata));
    expect(again.modelId).toBe(trained.modelId);
  });

  it('gets a new id when the data changes', () => {
    const changed = trainClassifier([...examples, { text: 'chào buổi sáng', route: 'smalltalk', topic: 'other', sentiment: 'neutral' }]);
    expect(changed.modelId).not.toBe(trained.modelId);
  });

  it.each([
    ['not JSON', 'garbage'],
    ['wrong format', JSON.stringify({ format: 'other', formatVersion: 1 })],
    ['a head that does not match its feature table', () => {
      const file = JSON.parse(serializeModel(trained.model, metadata)) as { heads: { route: { weights: string } } };
      file.heads.route.weights = Buffer.from([1, 2, 3, 4]).toString('base64');
      return JSON.stringify(file);
    }],
  ])('rejects %s with NLU_MODEL_INVALID', (_name, content) => {
    const text = typeof content === 'function' ? content() : content;
    expect(() => deserializeModel(text)).toThrow(AppError);
    try {
      deserializeModel(text);
    } catch (error) {
      expect((error as AppError).code).toBe('NLU_MODEL_INVALID');
    }
  });
});

describe('a model with the hidden layer', () => {
  const withHidden = trainClassifier(examples, { hiddenLayer: { ...DEFAULT_HIDDEN_LAYER_OPTIONS, size: 8, epochs: 4 } });
  const meta = { modelId: withHidden.modelId, kind: 'nlu' as const, dataHash: withHidden.dataHash, trainedExamples: examples.length, featureScheme: withHidden.featureScheme };

  it('round-trips through its file, and the one-pass stacked prediction agrees with the per-head one', () => {
    const loaded = deserializeModel(serializeModel(withHidden.model, meta));
    expect(loaded.model.hidden?.size).toBe(8);
    const classifier = createNluClassifier({ model: loaded.model, modelId: meta.modelId });
    for (const example of examples) {
      const text = normalizeText(example.text);
      const stacked = classifier.classifyLabels(example.text);
      const before = predictHead(withHidden.model, 'sentiment', vectorize(withHidden.model, text));
      const after = predictHead(loaded.model, 'sentiment', vectorize(loaded.model, text));
      expect(after.label).toBe(before.label);
      expect(stacked.sentiment).toBe(after.label);
      expect(stacked.confidence.sentiment).toBeCloseTo(after.confidence, 3);
    }
  });
});
