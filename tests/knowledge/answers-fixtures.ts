import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import type { ChatModel } from '../../core/ports/chat-model.js';
import { createOpenAiChatModel } from '../../bots/llm/openai-chat-model.js';
import { createRedactor } from '../../intents/index.js';
import { createArticleLookup, type ArticleLookup } from '../../knowledge/answer/article-lookup.js';
import { createKnowledgeService } from '../../knowledge/answer/knowledge-service.js';
import type { KnowledgeOptionsInput } from '../../knowledge/answer/knowledge-options.js';
import { SAMPLE_ARTICLES } from '../../knowledge/answer/testing/sample-law.js';
import { createDefaultFaqMatcher } from '../../knowledge/faq/default-faq-matcher.js';
import { createFaqMatcher, type FaqMatcher } from '../../knowledge/faq/faq-matcher.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { createLawRetriever } from '../../knowledge/retrieval/law-retriever.js';
import type { LawRetriever } from '../../knowledge/retrieval/retriever.js';
import { loadDefaultSynonymGroups } from '../../knowledge/retrieval/synonym-groups.js';
import { loadExpansionPhrasings } from '../../knowledge/retrieval/faq-phrasings.js';

/**
 * Shared set-up of the cross-folder answer suites: the real law corpus from ../shared/data/law when it is there
 * (never copied into the repo), otherwise the handful of articles written for the unit tests, which carry the
 * same law ids, article numbers and key figures (Điều 98, 113 BLLĐ 2019; Điều 3 NĐ 293/2025).
 */
export const SHARED_CORPUS_FILE = fileURLToPath(new URL('../../../shared/data/law/articles.jsonl', import.meta.url));

export interface AnswerCorpus {
  articles: LawArticle[];
  source: 'shared' | 'fixture';
}

let cached: Promise<AnswerCorpus> | undefined;

export function loadAnswerCorpus(): Promise<AnswerCorpus> {
  cached ??= existsSync(SHARED_CORPUS_FILE)
    ? readLawCorpus(SHARED_CORPUS_FILE).then((corpus) => ({ articles: corpus.articles, source: 'shared' as const }))
    : Promise.resolve({ articles: SAMPLE_ARTICLES, source: 'fixture' as const });
  return cached;
}

export interface AnswerStackOptions {
  /** The OpenAI-compatible endpoint to answer through (a fake server's baseURL); none → extractive answers. */
  llmBaseURL?: string;
  llmTimeoutMs?: number;
  llmMaxRetries?: number;
  /** Use the starter-pack FAQ (default) or none, to exercise the legal path with questions the FAQ would take. */
  withFaq?: boolean;
  options?: KnowledgeOptionsInput;
}

/** Indexes are built once per test file: they are read-only, and building them is the slow part. */
let indexes:
  | Promise<{ corpus: AnswerCorpus; retriever: LawRetriever; starterFaq: FaqMatcher; articles: ArticleLookup }>
  | undefined;

function loadIndexes() {
  indexes ??= loadAnswerCorpus().then((corpus) => ({
    corpus,
    retriever: createLawRetriever({ articles: corpus.articles, synonyms: loadDefaultSynonymGroups(), phrasings: loadExpansionPhrasings(loadStarterPack()) }),
    starterFaq: createDefaultFaqMatcher(loadStarterPack()),
    articles: createArticleLookup(corpus.articles),
  }));
  return indexes;
}

/** The knowledge service as bots/ wires it: real retriever, real FAQ matcher, real redactor, real HTTP LLM client. */
export async function createAnswerStack(stack: AnswerStackOptions = {}): Promise<{ service: KnowledgeService; corpus: AnswerCorpus; chatModel?: ChatModel }> {
  const { corpus, retriever, starterFaq, articles } = await loadIndexes();
  const faq = stack.withFaq === false ? createFaqMatcher([]) : starterFaq;
  const chatModel = stack.llmBaseURL
    ? createOpenAiChatModel({
        baseURL: stack.llmBaseURL,
        apiKey: 'sk-test',
        model: 'fake-model',
        timeoutMs: stack.llmTimeoutMs ?? 5_000,
        maxRetries: stack.llmMaxRetries ?? 0,
      })
    : undefined;
  const service = createKnowledgeService({
    retriever,
    faq,
    redactor: createRedactor(),
    articles,
    ...(chatModel ? { chatModel } : {}),
    ...(stack.options ? { options: stack.options } : {}),
  });
  return { service, corpus, ...(chatModel ? { chatModel } : {}) };
}

export const ask = (text: string, topic: 'wages' | 'working_time' | 'wage_arrears' = 'wages') => ({
  text,
  topic,
  entities: [],
  conversationId: 'test-conversation',
});
