/**
 * @jest-environment ./tests/knowledge/single-realm-environment.mjs
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildTinyEmbeddingModel, TINY_MODEL_HIDDEN_SIZE } from '../../tests/support/tiny-embedding-model.js';
import { AppError } from '../../core/errors/app-error.js';
import { createTransformersEmbeddingProvider } from './transformers-embedding-provider.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('Transformers.js embedding provider on a local model folder', () => {
  const { modelPath } = buildTinyEmbeddingModel();
  const realFetch = globalThis.fetch;
  const fetchCalls: string[] = [];

  beforeAll(() => {
    // Any download attempt would go through fetch: record it and fail loudly.
    globalThis.fetch = ((input: unknown) => {
      fetchCalls.push(String(input));
      return Promise.reject(new Error('network access is not allowed in this test'));
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('embeds into unit vectors of the model width, the same in batches as one by one', async () => {
    const provider = createTransformersEmbeddingProvider({ modelPath, batchSize: 2 });
    const texts = ['Công ty nợ lương hai tháng', 'nghỉ thai sản sáu tháng', 'bảo hiểm thất nghiệp', 'tai nạn lao động', 'đình công'];
    const vectors = await provider.embed(texts, 'passage');
    expect(vectors).toHaveLength(5);
    for (const vector of vectors) {
      expect(vector).toHaveLength(TINY_MODEL_HIDDEN_SIZE);
      expect(norm(vector)).toBeCloseTo(1, 4);
    }
    const single = await createTransformersEmbeddingProvider({ modelPath, batchSize: 1 }).embed([texts[3] as string], 'passage');
    expect(Array.from(single[0] as Float32Array)).toEqual(Array.from(vectors[3] as Float32Array).map((v) => expect.closeTo(v, 5)));
    expect(provider.modelId).toBe('tiny-xlmr');
  });

  it('ranks a sentence that shares words with the query above an unrelated one', async () => {
    const provider = createTransformersEmbeddingProvider({ modelPath });
    const [query, similar, unrelated] = await provider.embed(['công ty chậm trả lương', 'công ty nợ tiền lương tháng này', 'nghỉ phép hằng năm được mấy ngày'], 'query');
    expect(dot(query as Float32Array, similar as Float32Array)).toBeGreaterThan(dot(query as Float32Array, unrelated as Float32Array));
  });

  it('truncates long texts to the model length and applies query/passage prefixes', async () => {
    const provider = createTransformersEmbeddingProvider({ modelPath, queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const [long] = await provider.embed(['lương '.repeat(2000)], 'passage');
    expect(long).toHaveLength(TINY_MODEL_HIDDEN_SIZE);
    const [asQuery] = await provider.embed(['nghỉ thai sản'], 'query');
    const [asPassage] = await provider.embed(['nghỉ thai sản'], 'passage');
    expect(dot(asQuery as Float32Array, asPassage as Float32Array)).toBeLessThan(0.99999);
    expect(await provider.embed([], 'query')).toEqual([]);
  });

  it('fails with a clear error, and without any download, when the folder or weights are missing', async () => {
    const missing = createTransformersEmbeddingProvider({ modelPath: join(modelPath, '..', 'no-such-model') });
    await expect(missing.embed(['x'], 'query')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const { modelPath: broken } = buildTinyEmbeddingModel(undefined, 'no-weights');
    rmSync(join(broken, 'onnx', 'model.onnx'));
    await expect(createTransformersEmbeddingProvider({ modelPath: broken }).embed(['x'], 'query')).rejects.toThrow();
    expect(fetchCalls).toEqual([]);
  });

  it('reports a missing optional package as DEPENDENCY_UNAVAILABLE', async () => {
    const provider = createTransformersEmbeddingProvider({ modelPath, importLibrary: () => Promise.reject(new Error('Cannot find package')) });
    const error = await provider.embed(['x'], 'query').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('made no network request at all', () => {
    expect(fetchCalls).toEqual([]);
  });
});
