/** A sparse vector: feature → weight. */
export type SparseVector = ReadonlyMap<string, number>;

export interface TfIdfIndex {
  /** Weighted, L2-normalised vector of a bag of features under this index's document frequencies. */
  vectorize(features: readonly string[]): SparseVector;
  readonly documents: readonly SparseVector[];
  /**
   * The cosine of `query` with every document at once, through the postings (feature → documents holding it):
   * the work is the length of the query's postings, not documents × query size. `scores[i]` is document i's
   * cosine, 0 exactly when they share no feature (every weight is positive). `touched`, when given, receives
   * each document sharing a feature once, in the order the query's features first reach it.
   */
  cosineAll(query: SparseVector, touched?: number[]): Float64Array;
}

interface Postings {
  documents: number[];
  weights: number[];
}

/**
 * TF-IDF with sublinear term frequency and smoothed idf, cosine-ready (vectors are unit length). Built once over
 * the FAQ phrasings; a few thousand short documents fit easily in memory.
 */
export function buildTfIdfIndex(documents: readonly (readonly string[])[]): TfIdfIndex {
  const documentFrequency = new Map<string, number>();
  for (const features of documents) {
    for (const feature of new Set(features)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  }
  const total = documents.length;
  // Features never seen in the index get the highest idf: an unknown word is informative, not noise.
  const idf = (feature: string) => Math.log((total + 1) / ((documentFrequency.get(feature) ?? 0) + 1)) + 1;

  const vectorize = (features: readonly string[]): SparseVector => {
    const counts = new Map<string, number>();
    for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [feature, count] of counts) {
      const weight = (1 + Math.log(count)) * idf(feature);
      weights.set(feature, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [feature, weight] of weights) weights.set(feature, weight / norm);
    return weights;
  };

  const vectors = documents.map(vectorize);
  const postings = new Map<string, Postings>();
  vectors.forEach((vector, index) => {
    for (const [feature, weight] of vector) {
      let list = postings.get(feature);
      if (!list) postings.set(feature, (list = { documents: [], weights: [] }));
      list.documents.push(index);
      list.weights.push(weight);
    }
  });

  const cosineAll = (query: SparseVector, touched?: number[]): Float64Array => {
    const scores = new Float64Array(vectors.length);
    for (const [feature, weight] of query) {
      const list = postings.get(feature);
      if (!list) continue;
      const { documents: ids, weights } = list;
      for (let i = 0; i < ids.length; i += 1) {
        const id = ids[i]!;
        const before = scores[id]!;
        if (before === 0) touched?.push(id);
        scores[id] = before + weight * weights[i]!;
      }
    }
    return scores;
  };

  return { vectorize, documents: vectors, cosineAll };
}

/** Dot product of two unit vectors = cosine similarity; iterates over the smaller one. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [feature, weight] of small) {
    const other = large.get(feature);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}
