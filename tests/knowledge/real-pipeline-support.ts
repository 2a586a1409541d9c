import { join } from 'node:path';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import { DEFAULT_NLU_THRESHOLDS } from '../../core/nlu/thresholds.js';
import { systemClock } from '../../core/ports/clock.js';
import { silentLogger } from '../../core/ports/logger.js';
import type { ChatModel } from '../../core/ports/chat-model.js';
import { runTurn } from '../../core/pipeline/run-turn.js';
import type { TurnInput, TurnOutcome } from '../../core/pipeline/turn.js';
import { normalizeQuery } from '../../bots/knowledge/load-knowledge.js';
import { createOpenAiChatModel } from '../../bots/llm/openai-chat-model.js';
import { canonicalizeTones, createRedactor, loadClassifierFile } from '../../intents/index.js';
import { createArticleLookup } from '../../knowledge/answer/article-lookup.js';
import { createKnowledgeService } from '../../knowledge/answer/knowledge-service.js';
import { createDefaultFaqMatcher } from '../../knowledge/faq/default-faq-matcher.js';
import { loadStarterPack } from '../../knowledge/faq/starter-pack.js';
import { readLawCorpus } from '../../knowledge/law/read-law-corpus.js';
import { createLawRetriever } from '../../knowledge/retrieval/law-retriever.js';
import { loadDefaultSynonymGroups } from '../../knowledge/retrieval/synonym-groups.js';
import { loadExpansionPhrasings } from '../../knowledge/retrieval/faq-phrasings.js';
import { SHARED_CORPUS_FILE } from './answers-fixtures.js';

/**
 * The member-facing path as the worker runs it, without the database: the shipped NLU model (build/nlu, built by
 * the test set-up), the knowledge service wired as bots/knowledge/load-knowledge.ts wires it (shared corpus with
 * its documents, starter FAQ, the members' query normaliser for FAQ and retrieval), and the real turn pipeline.
 */
export interface RealPipeline {
  say(text: string, lastBotReply?: TurnInput['lastBotReply'], streak?: number): Promise<TurnOutcome>;
  classifier: MessageClassifier;
  knowledge: KnowledgeService;
}

let shared: Promise<{ classifier: MessageClassifier; build: (chatModel?: ChatModel) => KnowledgeService }> | undefined;

function loadShared() {
  shared ??= (async () => {
    const [classifier, corpus] = await Promise.all([loadClassifierFile(join(process.cwd(), 'build/nlu/model.json')), readLawCorpus(SHARED_CORPUS_FILE)]);
    const retriever = createLawRetriever({
      articles: corpus.articles,
      documents: corpus.documents,
      synonyms: loadDefaultSynonymGroups(),
      normalizeQuery,
      normalizeIndexText: canonicalizeTones,
      phrasings: loadExpansionPhrasings(loadStarterPack()),
    });
    const faq = createDefaultFaqMatcher(loadStarterPack(), { normalize: normalizeQuery });
    const articles = createArticleLookup(corpus.articles);
    const build = (chatModel?: ChatModel) =>
      createKnowledgeService({ retriever, faq, redactor: createRedactor(), articles, queryNormalizer: normalizeQuery, ...(chatModel ? { chatModel } : {}) });
    return { classifier, build };
  })();
  return shared;
}

export async function createRealPipeline(options: { llmBaseURL?: string } = {}): Promise<RealPipeline> {
  const { classifier, build } = await loadShared();
  const chatModel = options.llmBaseURL
    ? createOpenAiChatModel({ baseURL: options.llmBaseURL, apiKey: 'sk-test', model: 'fake-model', timeoutMs: 5_000, maxRetries: 0 })
    : undefined;
  const knowledge = build(chatModel);
  const ports = { classifier, knowledge, clock: systemClock, logger: silentLogger, thresholds: DEFAULT_NLU_THRESHOLDS };
  return {
    classifier,
    knowledge,
    say: (text, lastBotReply = null, streak = 0) =>
      runTurn(
        {
          message: { id: 'm1', platformMessageId: 'p1', content: { type: 'text', text }, receivedAt: new Date() },
          conversation: { id: 'c1', channel: 'web', state: 'bot', version: 0, lowConfidenceStreak: streak },
          member: { id: 'u1', unitId: null },
          lastBotReply,
        },
        ports,
      ),
  };
}
