import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import type { EmbeddingProvider } from './embedding-provider.js';

export interface TransformersEmbeddingOptions {
  /** The local model folder (`config.json`, `tokenizer.json`, `onnx/model.onnx`): EMBEDDING_MODEL_PATH. */
  modelPath: string;
  /** Texts per forward pass; bounds memory on long batches. */
  batchSize?: number;
  /** Prefixes some models were trained with (multilingual-e5: `query: `, `passage: `). */
  queryPrefix?: string;
  passagePrefix?: string;
  /** ONNX weights variant: fp32 loads onnx/model.onnx, q8 onnx/model_quantized.onnx. */
  dtype?: 'fp32' | 'fp16' | 'q8';
  /** For tests: how to load the library (defaults to a dynamic import). */
  importLibrary?: () => Promise<TransformersLibrary>;
}

/** The part of @huggingface/transformers this provider uses. */
export interface TransformersLibrary {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline: (task: 'feature-extraction', model: string, options: Record<string, unknown>) => Promise<FeatureExtractor>;
}
type FeatureExtractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

const DEFAULT_BATCH_SIZE = 16;

/**
 * An EmbeddingProvider running a local ONNX sentence encoder through Transformers.js. The package is imported
 * only when the first text is embedded, so the app starts (and BM25 works) without it; remote model downloads
 * are switched off: a missing file is an error, never a network request (vietnamese-nlp.md §7.1).
 */
export function createTransformersEmbeddingProvider(options: TransformersEmbeddingOptions): EmbeddingProvider {
  const modelPath = resolve(options.modelPath);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const importLibrary = options.importLibrary ?? (() => import('@huggingface/transformers') as unknown as Promise<TransformersLibrary>);
  let extractor: Promise<FeatureExtractor> | null = null;

  const load = async (): Promise<FeatureExtractor> => {
    if (!existsSync(join(modelPath, 'config.json'))) {
      throw new AppError('CONFIG_INVALID', `embedding model folder ${modelPath} has no config.json (EMBEDDING_MODEL_PATH)`);
    }
    let library: TransformersLibrary;
    try {
      library = await importLibrary();
    } catch (error) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', 'the optional package @huggingface/transformers is not installed', { cause: error });
    }
    // The library keeps these settings globally; every model this process loads must be local anyway.
    library.env.allowRemoteModels = false;
    library.env.allowLocalModels = true;
    library.env.localModelPath = `${dirname(modelPath)}${sep}`;
    return library.pipeline('feature-extraction', basename(modelPath), { dtype: options.dtype ?? 'fp32', device: 'cpu' });
  };

  return {
    modelId: basename(modelPath),
    async embed(texts, kind) {
      if (texts.length === 0) return [];
      extractor ??= load().catch((error: unknown) => {
        extractor = null;
        throw error;
      });
      const run = await extractor;
      const prefix = (kind === 'query' ? options.queryPrefix : options.passagePrefix) ?? '';
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts.slice(start, start + batchSize).map((text) => `${prefix}${text}`);
        const output = await run(batch, { pooling: 'mean', normalize: true });
        const width = output.dims[output.dims.length - 1] as number;
        for (let row = 0; row < batch.length; row += 1) {
          vectors.push(Float32Array.from(Array.prototype.slice.call(output.data, row * width, (row + 1) * width) as number[]));
        }
      }
      return vectors;
    },
  };
}
