import { z } from 'zod';
import { linearModelSchema, parseLinearModel } from './linear-model-file.js';
import { linearModelScore } from './linear-model-score.js';

const kind = { schema: linearModelSchema({ depth: z.number().int() }), label: 'test model', featureNames: ['a', 'b'], retrainCommand: 'kb train-test' };
const model = { version: 1, features: ['a', 'b'], mean: [1, 0], spread: [2, 1], weights: [1, -1], depth: 3, trainedOn: { set: 'dev', batches: ['dev'], questions: 2, l2: 0.01 } };

describe('parseLinearModel', () => {
  it('keeps the model settings and rejects bad JSON, a value missing for a feature, other features', () => {
    expect(parseLinearModel(JSON.stringify(model), kind).depth).toBe(3);
    expect(() => parseLinearModel('{', kind)).toThrow('test model model is not valid JSON');
    expect(() => parseLinearModel(JSON.stringify({ ...model, mean: [1] }), kind)).toThrow('invalid test model model');
    expect(() => parseLinearModel(JSON.stringify({ ...model, features: ['b', 'a'] }), kind)).toThrow('retrain it (kb train-test)');
  });
});

describe('linearModelScore', () => {
  it('weights the standardised features', () => {
    expect(linearModelScore(model, [5, 1])).toBe(1);
  });
});
