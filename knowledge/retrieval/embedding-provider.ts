/**
 * Turns texts into unit-length vectors whose dot product measures meaning similarity. `kind` lets models that
 * expect prefixes (multilingual-e5: `query: ` / `passage: `) get them; others ignore it.
 */
export interface EmbeddingProvider {
  readonly modelId: string;
  embed(texts: readonly string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
}
