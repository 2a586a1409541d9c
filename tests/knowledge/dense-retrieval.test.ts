/**
 * @jest-environment ./tests/knowledge/single-realm-environment.mjs
 */
import { parseLawCorpus } from '../../knowledge/law/parse-law-corpus.js';
import { createHybridLawRetriever } from '../../knowledge/retrieval/hybrid-retriever.js';
import { createLawRetriever } from '../../knowledge/retrieval/law-retriever.js';
import { createTransformersEmbeddingProvider } from '../../knowledge/retrieval/transformers-embedding-provider.js';
import { buildTinyEmbeddingModel } from '../support/tiny-embedding-model.js';
import { miniCorpusJsonl, miniLawsJson } from './fixtures/mini-law-corpus.js';

/** The whole optional dense path, end to end: a local ONNX model folder → provider → hybrid retriever. */
describe('hybrid retrieval with a local Transformers.js model', () => {
  it('builds the dense index over the corpus and fuses it with BM25', async () => {
    const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
    const lexical = createLawRetriever({ articles: corpus.articles, documents: corpus.documents });
    const embeddings = createTransformersEmbeddingProvider({ modelPath: buildTinyEmbeddingModel().modelPath, batchSize: 4 });
    const hybrid = await createHybridLawRetriever({ lexical, embeddings, depth: 10 });

    const hits = await hybrid.searchAsync('người lao động muốn nghỉ việc phải báo trước bao nhiêu ngày', { k: 3 });
    expect(hits).toHaveLength(3);
    expect(hits[0]?.article.id).toBe('LD2019__D3');
    expect(hits.every((hit) => hit.article.status !== 'expired')).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });
});
