/** Exact nearest neighbours by dot product over unit vectors (cosine). 1–10k articles need no ANN structure. */
export interface DenseIndex {
  readonly size: number;
  nearest(query: Float32Array, k: number, allowed?: (position: number) => boolean): { position: number; similarity: number }[];
}

export function createDenseIndex(vectors: readonly Float32Array[]): DenseIndex {
  return {
    size: vectors.length,
    nearest(query, k, allowed) {
      const scored: { position: number; similarity: number }[] = [];
      vectors.forEach((vector, position) => {
        if (allowed && !allowed(position)) return;
        let dot = 0;
        const length = Math.min(vector.length, query.length);
        for (let i = 0; i < length; i += 1) dot += (vector[i] as number) * (query[i] as number);
        scored.push({ position, similarity: dot });
      });
      return scored.sort((a, b) => b.similarity - a.similarity || a.position - b.position).slice(0, k);
    },
  };
}
