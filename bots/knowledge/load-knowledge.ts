import type { Env } from '../../core/config/env-schema.js';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { Logger } from '../../core/ports/logger.js';
import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { canonicalizeTones, createRedactor, normalizeText } from '../../intents/index.js';
import {
  createArticleLookup,
  createArticleReranker,
  createDefaultFaqMatcher,
  DEFAULT_ARTICLE_RERANKER_MODEL,
  loadArticleRerankerModel,
  createKnowledgeService,
  createLawRetriever,
  createSwappableFaqMatcher,
  loadDefaultSynonymGroups,
  loadPhrasingFiles,
  phrasingsFromFaq,
  toCitation,
} from '../../knowledge/index.js';
import type { LawHitDto } from '../../core/contracts/knowledge-api.js';
import { chatModelFromEnv } from '../llm/chat-model-from-env.js';
import type { Database } from '../storage/database.js';
import { createFaqRepository } from '../storage/repositories/faq-repository.js';
import { createLawRepository } from '../storage/repositories/law-repository.js';

export interface KnowledgeRuntime {
  service: KnowledgeService;
  /** Rebuilds the FAQ matcher from the stored entries (after officers edit or import the FAQ). */
  reloadFaq(): Promise<void>;
  /** Rebuilds the law index from the stored corpus (after `congdoan kb import`); answers switch at once. */
  reloadLaw(): Promise<void>;
  /** The members' law retrieval for the knowledge desk (choosing citations). */
  searchLaw(query: string, k: number): LawHitDto[];
  /** The published entries closest to a text for a member of `unitPath`, whatever the threshold (officers' suggestions). */
  similarFaq(text: string, k: number, unitPath: string | null): { id: string; score: number }[];
  readonly articleCount: number;
  readonly faqCount: number;
}

/**
 * The members' query normaliser (teencode, tone placement) shared by retrieval and the FAQ matcher. A question
 * typed without any diacritic stays without: teencode expands to its folded form ("dc" → "duoc", not "được"),
 * otherwise one expanded word makes retrieval judge "sinh em be dc nghi bao lau" as accented and look for
 * "be" and "nghi" spelled without marks in the law.
 */
export const normalizeQuery = (text: string): string => {
  const accented = hasDiacritics(text);
  // "bao nhiêu %" asks for a share: the normaliser drops the sign, the law writes it "%" or "phần trăm".
  const normalized = normalizeText(text.replace(/%/g, accented ? ' phần trăm ' : ' phan tram '));
  return accented ? normalized.canonical : normalized.folded;
};

/**
 * Builds the knowledge port from what is stored: the law corpus (BM25 index in memory, rebuilt at start —
 * about a second for the 1,237 articles) and the published FAQ. With an LLM configured answers are composed
 * and checked; without one they quote the law. Either way they are cited.
 */
export async function loadKnowledge(deps: { env: Env; database: Database; logger: Logger }): Promise<KnowledgeRuntime> {
  const laws = createLawRepository(deps.database.db);
  const faqs = createFaqRepository(deps.database.db);
  const [corpus, published] = await Promise.all([readCorpus(), faqs.listPublished()]);
  const faq = createSwappableFaqMatcher((entries) => createDefaultFaqMatcher(entries, { normalize: normalizeQuery }), published);
  const chatModel = chatModelFromEnv(deps.env);
  // The phrasing files ship with the code and never change while it runs: read once, not on every FAQ edit's rebuild.
  const filePhrasings = loadPhrasingFiles();
  // The learned reranker of the law search's leading articles (D-answers-49): a committed model, read once.
  const articleReranker = createArticleReranker(loadArticleRerankerModel(DEFAULT_ARTICLE_RERANKER_MODEL));
  let currentCorpus = corpus;
  let currentFaq = published;
  let current = build(corpus, published);
  deps.logger.info({ articles: corpus.articles.length, faq: published.length, llm: chatModel?.modelName ?? null }, 'knowledge loaded');

  async function readCorpus() {
    const [articles, documents] = await Promise.all([laws.listArticles(), laws.listDocuments()]);
    if (articles.length === 0) deps.logger.warn({}, 'no law articles imported: legal questions will be answered "not covered" (congdoan kb import FILE)');
    return { articles, documents };
  }
  /**
   * The law index and the service answering from it; a law import or an FAQ change builds a new pair and swaps it in
   * whole (the index holds the published entries' phrasings as its document expansion, D-answers-44).
   */
  function build({ articles, documents }: Awaited<ReturnType<typeof readCorpus>>, faqEntries: typeof published) {
    const retriever = createLawRetriever({
      articles,
      documents,
      synonyms: loadDefaultSynonymGroups(),
      normalizeQuery,
      // The corpus mixes thỏa/thoả: both sides are put in one tone style.
      normalizeIndexText: canonicalizeTones,
      phrasings: [...phrasingsFromFaq(faqEntries), ...filePhrasings],
    });
    const service = createKnowledgeService({
      retriever,
      faq,
      ...(chatModel ? { chatModel } : {}),
      redactor: createRedactor(),
      articles: createArticleLookup(articles),
      logger: deps.logger,
      queryNormalizer: normalizeQuery,
      articleReranker,
    });
    return { retriever, service, articleCount: articles.length };
  }
  // Handed out once to the pipeline, so it forwards to whichever index is current.
  const service: KnowledgeService = {
    answer: (input, signal) => current.service.answer(input, signal),
    matchFaq: (text, unitPath) => current.service.matchFaq?.(text, unitPath) ?? null,
  };

  return {
    service,
    async reloadFaq() {
      currentFaq = await faqs.listPublished();
      faq.replace(currentFaq);
      // The entries' phrasings expand the articles they cite: a new or retired entry changes the law index too.
      current = build(currentCorpus, currentFaq);
    },
    async reloadLaw() {
      currentCorpus = await readCorpus();
      const next = build(currentCorpus, currentFaq);
      current = next;
      deps.logger.info({ articles: next.articleCount }, 'law index rebuilt');
    },
    similarFaq(text, k, unitPath) {
      return faq.rank(text, k, { unitPath }).map((match) => ({ id: match.entry.id, score: Math.round(match.score * 1000) / 1000 }));
    },
    searchLaw(query, k) {
      return current.retriever.search(normalizeQuery(query), { k, includeExpired: false }).map((hit) => ({
        lawId: hit.article.lawId,
        articleNo: hit.article.articleNo,
        title: hit.article.title,
        lawName: hit.article.lawName,
        label: toCitation(hit.article).label,
        snippet: (hit.passages[0]?.text ?? hit.article.text).slice(0, 400),
        strength: Math.round(hit.strength * 1000) / 1000,
      }));
    },
    get articleCount() {
      return current.articleCount;
    },
    get faqCount() {
      return faq.size;
    },
  };
}
