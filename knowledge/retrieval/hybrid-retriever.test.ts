import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import { createHybridLawRetriever } from './hybrid-retriever.js';
import { createLawRetriever } from './law-retriever.js';

/**
 * A transparent stand-in for a sentence encoder: one dimension per concept, switched on by words that a
 * lexical index cannot connect (`bầu` ~ `thai sản`). It lets the test state exactly what dense retrieval adds.
 */
const CONCEPTS: string[][] = [
  ['bầu', 'thai sản', 'sinh con'],
  ['lương', 'trả lương'],
  ['nghỉ hằng năm', 'phép'],
];
const conceptProvider: EmbeddingProvider = {
  modelId: 'concepts',
  embed: async (texts) =>
    texts.map((text) => {
      const lower = text.toLowerCase();
      const vector = Float32Array.from(CONCEPTS.map((words) => (words.some((word) => lower.includes(word)) ? 1 : 0)));
      const length = Math.hypot(...vector) || 1;
      return vector.map((value) => value / length);
    }),
};

describe('createHybridLawRetriever', () => {
  const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
  const lexical = createLawRetriever({ articles: corpus.articles, documents: corpus.documents });

  it('finds an article through meaning when the words differ', async () => {
    const hybrid = await createHybridLawRetriever({ lexical, embeddings: conceptProvider });
    expect(lexical.search('đang có bầu', { k: 3 }).map((h) => h.article.id)).not.toContain('LD2019__D8');
    const hits = await hybrid.searchAsync('đang có bầu', { k: 3 });
    expect(hits.map((h) => h.article.id)).toContain('LD2019__D8');
    const found = hits.find((h) => h.article.id === 'LD2019__D8');
    expect(found?.passages.length).toBeGreaterThan(0);
    expect(found?.strength).toBeGreaterThanOrEqual(0);
    expect(hybrid.size).toBe(12);
  });

  it('keeps lexical agreement on top and returns at most k fused hits', async () => {
    const hybrid = await createHybridLawRetriever({ lexical, embeddings: conceptProvider });
    const hits = await hybrid.searchAsync('nghỉ thai sản trước và sau khi sinh', { k: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]?.article.id).toBe('LD2019__D8');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(await hybrid.searchAsync('lương', { k: 0 })).toEqual([]);
  });

  it('keeps expired documents out unless admitted, and below their replacements', async () => {
    const hybrid = await createHybridLawRetriever({ lexical, embeddings: conceptProvider });
    const defaultHits = await hybrid.searchAsync('phép năm', { k: 5 });
    expect(defaultHits.every((hit) => hit.article.status !== 'expired')).toBe(true);
    const withExpired = (await hybrid.searchAsync('phép năm tính theo quy định cũ', { k: 12, includeExpired: true })).map((h) => h.article.id);
    expect(withExpired).toContain('LD2012__D9');
    expect(withExpired.indexOf('LD2019__D7')).toBeLessThan(withExpired.indexOf('LD2012__D9'));
  });

  it('answers synchronously with the lexical ranking', async () => {
    const hybrid = await createHybridLawRetriever({ lexical, embeddings: conceptProvider });
    expect(hybrid.search('nghỉ thai sản', { k: 1 })).toEqual(lexical.search('nghỉ thai sản', { k: 1 }));
  });
});
