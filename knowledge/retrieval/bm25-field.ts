/**
 * One BM25 field: an inverted index over term lists with document-length normalisation. Written here rather
 * than taken from a library because the JS search libraries tokenise Vietnamese badly (vietnamese-nlp.md §5.2)
 * and we need several weighted fields, bigrams and status filters.
 */
export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75 };

interface Postings {
  docs: Int32Array;
  tfs: Float32Array;
}

export interface Bm25Field {
  readonly documentCount: number;
  readonly averageLength: number;
  readonly docLengths: Float32Array;
  /** `k1 × (1 − b + b × length / average)` per document, computed once instead of per posting. */
  readonly lengthNorms: Float32Array;
  readonly postings: ReadonlyMap<string, Postings>;
  readonly params: Bm25Params;
}

export function buildBm25Field(documents: readonly (readonly string[])[], params: Bm25Params = DEFAULT_BM25_PARAMS): Bm25Field {
  // Terms become dense ids so that counting a document is a sort of small integers, not a Map per document.
  const termIds = new Map<string, number>();
  const postingDocs: number[][] = [];
  const postingTfs: number[][] = [];
  const docLengths = new Float32Array(documents.length);
  let totalLength = 0;
  documents.forEach((terms, docIndex) => {
    docLengths[docIndex] = terms.length;
    totalLength += terms.length;
    const ids = new Int32Array(terms.length);
    terms.forEach((term, i) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        postingDocs.push([]);
        postingTfs.push([]);
      }
      ids[i] = id;
    });
    ids.sort();
    for (let i = 0; i < ids.length; ) {
      const id = ids[i] as number;
      let run = 1;
      while (i + run < ids.length && ids[i + run] === id) run += 1;
      (postingDocs[id] as number[]).push(docIndex);
      (postingTfs[id] as number[]).push(run);
      i += run;
    }
  });
  const postings = new Map<string, Postings>();
  for (const [term, id] of termIds) {
    postings.set(term, { docs: Int32Array.from(postingDocs[id] as number[]), tfs: Float32Array.from(postingTfs[id] as number[]) });
  }
  const averageLength = (documents.length === 0 ? 0 : totalLength / documents.length) || 1;
  const lengthNorms = docLengths.map((length) => params.k1 * (1 - params.b + (params.b * length) / averageLength));
  return { documentCount: documents.length, averageLength, docLengths, lengthNorms, postings, params };
}

/**
 * Builds a field whose documents are groups of another field's documents (articles made of their clauses)
 * by summing term frequencies, which costs a pass over postings instead of re-tokenising the text. `groupOf`
 * must be non-decreasing in the document index (clauses of one article are contiguous).
 */
export function groupBm25Field(field: Bm25Field, groupOf: Int32Array, groupCount: number): Bm25Field {
  const docLengths = new Float32Array(groupCount);
  field.docLengths.forEach((length, doc) => {
    const group = groupOf[doc] as number;
    docLengths[group] = (docLengths[group] as number) + length;
  });
  const postings = new Map<string, Postings>();
  for (const [term, list] of field.postings) {
    const docs: number[] = [];
    const tfs: number[] = [];
    for (let i = 0; i < list.docs.length; i += 1) {
      const group = groupOf[list.docs[i] as number] as number;
      const tf = list.tfs[i] as number;
      if (docs.length > 0 && docs[docs.length - 1] === group) tfs[tfs.length - 1] = (tfs[tfs.length - 1] as number) + tf;
      else {
        docs.push(group);
        tfs.push(tf);
      }
    }
    postings.set(term, { docs: Int32Array.from(docs), tfs: Float32Array.from(tfs) });
  }
  const { params } = field;
  const total = docLengths.reduce((sum, length) => sum + length, 0);
  const averageLength = (groupCount === 0 ? 0 : total / groupCount) || 1;
  const lengthNorms = docLengths.map((length) => params.k1 * (1 - params.b + (params.b * length) / averageLength));
  return { documentCount: groupCount, averageLength, docLengths, lengthNorms, postings, params };
}

/**
 * Derives the folded field from the accented one: every accented term maps to one folded term (`lương` and
 * `luồng` both to `luong`), so the folded postings are the merged postings of its accented variants. Merging
 * the vocabulary is much cheaper than tokenising the text a second time.
 */
export function foldBm25Field(field: Bm25Field, foldTerm: (term: string) => string): Bm25Field {
  const variants = new Map<string, Postings[]>();
  for (const [term, list] of field.postings) {
    const folded = foldTerm(term);
    const group = variants.get(folded);
    if (group) group.push(list);
    else variants.set(folded, [list]);
  }
  const postings = new Map<string, Postings>();
  for (const [term, lists] of variants) postings.set(term, lists.length === 1 ? (lists[0] as Postings) : mergePostings(lists));
  return { ...field, postings };
}

function mergePostings(lists: readonly Postings[]): Postings {
  const tfByDoc = new Map<number, number>();
  for (const { docs, tfs } of lists) {
    for (let i = 0; i < docs.length; i += 1) tfByDoc.set(docs[i] as number, (tfByDoc.get(docs[i] as number) ?? 0) + (tfs[i] as number));
  }
  const docs = Int32Array.from([...tfByDoc.keys()].sort((a, b) => a - b));
  return { docs, tfs: Float32Array.from(docs, (doc) => tfByDoc.get(doc) as number) };
}

/** Robertson–Spärck Jones IDF with the +1 that keeps very common terms non-negative. */
export function inverseDocumentFrequency(field: Bm25Field, term: string): number {
  const df = field.postings.get(term)?.docs.length ?? 0;
  return Math.log(1 + (field.documentCount - df + 0.5) / (df + 0.5));
}

/**
 * Adds `fieldWeight × Σ queryWeight × BM25(term, doc)` into `scores` (indexed by document). Accumulating into
 * one array lets several fields and query views share a single pass without allocating per document.
 */
export function accumulateBm25(
  field: Bm25Field,
  queryTerms: ReadonlyMap<string, number>,
  fieldWeight: number,
  scores: Float64Array,
): void {
  const { k1 } = field.params;
  const norms = field.lengthNorms;
  for (const [term, queryWeight] of queryTerms) {
    const list = field.postings.get(term);
    if (!list) continue;
    const idf = inverseDocumentFrequency(field, term);
    const termWeight = fieldWeight * queryWeight * idf * (k1 + 1);
    const { docs, tfs } = list;
    for (let i = 0; i < docs.length; i += 1) {
      const doc = docs[i] as number;
      const tf = tfs[i] as number;
      scores[doc] = (scores[doc] as number) + (termWeight * tf) / (tf + (norms[doc] as number));
    }
  }
}

/** True when `doc` contains `term` (postings are sorted by document, so a binary search suffices). */
export function fieldContains(field: Bm25Field, term: string, doc: number): boolean {
  const list = field.postings.get(term);
  if (!list) return false;
  let low = 0;
  let high = list.docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = list.docs[mid] as number;
    if (value === doc) return true;
    if (value < doc) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
