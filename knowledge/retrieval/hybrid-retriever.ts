import type { LawArticle } from '../../core/knowledge/law.js';
import { createDenseIndex } from './dense-index.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import type { LexicalLawRetriever } from './law-retriever.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';
import type { AsyncLawRetriever, PassageHit, SearchOptions } from './retriever.js';

export interface HybridRetrieverConfig {
  lexical: LexicalLawRetriever;
  embeddings: EmbeddingProvider;
  /** How many candidates each ranking contributes to the fusion. */
  depth?: number;
}

const DEFAULT_DEPTH = 50;
/** Encoders truncate anyway (512 tokens for e5); cutting here saves tokenising the tail of long articles. */
const PASSAGE_CHARACTERS = 2000;

export function articlePassageText(article: LawArticle): string {
  return `${article.title}. ${article.text}`.slice(0, PASSAGE_CHARACTERS);
}

/**
 * BM25 plus dense retrieval fused by reciprocal rank. Building embeds every article once (minutes for a
 * real model on CPU, so the composition root should build it in the background and serve BM25 meanwhile).
 * The same status rules as the lexical retriever hold: expired articles are candidates only when the lexical
 * search admitted them, and never end up above the article that replaced them. `search` stays lexical.
 */
export async function createHybridLawRetriever(config: HybridRetrieverConfig): Promise<AsyncLawRetriever> {
  const { lexical, embeddings } = config;
  const depth = config.depth ?? DEFAULT_DEPTH;
  const articles = lexical.articles;
  const vectors = await embeddings.embed(articles.map(articlePassageText), 'passage');
  const dense = createDenseIndex(vectors);
  const expired = articles.map((article) => lexical.isExpired(article.id));

  return {
    get size() {
      return lexical.size;
    },
    search: (query, options) => lexical.search(query, options),
    async searchAsync(query: string, options: SearchOptions): Promise<PassageHit[]> {
      const k = Math.max(0, Math.floor(options.k));
      if (k === 0) return [];
      const lexicalHits = lexical.search(query, { k: depth, includeExpired: options.includeExpired, ...(options.story === undefined ? {} : { story: options.story }) });
      // The embedding reads the whole message, story and question: word weights mean nothing to it.
      const normalized = lexical.normalize(options.story === undefined ? query : `${options.story}\n${query}`);
      if (normalized.trim() === '') return [];
      const expiredAdmitted = options.includeExpired === true || lexicalHits.some((hit) => lexical.isExpired(hit.article.id));
      const [queryVector] = await embeddings.embed([normalized], 'query');
      const denseIds = queryVector
        ? dense.nearest(queryVector, depth, (position) => expiredAdmitted || !expired[position]).map(({ position }) => (articles[position] as LawArticle).id)
        : [];
      const fused = reciprocalRankFusion([lexicalHits.map((hit) => hit.article.id), denseIds]);
      const ordered = keepReplacementsFirst(
        fused.map((entry) => entry.id),
        lexical,
      ).slice(0, k);
      const fusedScore = new Map(fused.map((entry) => [entry.id, entry.score]));
      const lexicalById = new Map(lexicalHits.map((hit) => [hit.article.id, hit]));
      const missing = ordered.filter((id) => !lexicalById.has(id));
      for (const hit of lexical.explain(query, missing)) lexicalById.set(hit.article.id, hit);
      return ordered.flatMap((id) => {
        const hit = lexicalById.get(id);
        return hit ? [{ ...hit, score: fusedScore.get(id) ?? 0 }] : [];
      });
    },
  };
}

/** Moves the replacement of each expired article (adding it when absent) just before that article. */
function keepReplacementsFirst(ids: string[], lexical: LexicalLawRetriever): string[] {
  const result: string[] = [];
  const placed = new Set<string>();
  for (const id of ids) {
    if (placed.has(id)) continue;
    const replacement = lexical.isExpired(id) ? lexical.replacementOf(id) : null;
    if (replacement && !placed.has(replacement)) {
      result.push(replacement);
      placed.add(replacement);
    }
    result.push(id);
    placed.add(id);
  }
  return result;
}
