// Public surface of knowledge/ for the composition root (bots/). Helpers coordinate by ADDING export lines.

// Law corpus import
export { importLawCorpus, type ImportLawCorpusInput } from './law/import-law-corpus.js';
export { readLawCorpus, LAW_METADATA_FILE_NAME } from './law/read-law-corpus.js';
export { parseLawCorpus, parseArticleLines, parseDocumentMetadata, assembleLawCorpus, type ParsedLawCorpus } from './law/parse-law-corpus.js';
export { planLawImport, type LawImportCounts } from './law/plan-law-import.js';
export type { LawCorpusStore, LawImportPlan, HashedLawArticle, StoredArticleFingerprint } from './law/law-corpus-store.js';
export { articleContentHash, documentContentHash } from './law/content-hash.js';
export { mapLawStatus } from './law/law-status.js';

// Retrieval
export type { LawRetriever, AsyncLawRetriever, PassageHit, SearchOptions } from './retrieval/retriever.js';
export { createLawRetriever, RECOMMENDED_MIN_STRENGTH, type LawRetrieverConfig, type LexicalLawRetriever } from './retrieval/law-retriever.js';
export { DEFAULT_RETRIEVAL_TUNING, type RetrievalTuning } from './retrieval/retrieval-tuning.js';
export { loadDefaultSynonymGroups, parseSynonymGroups, type SynonymGroup } from './retrieval/synonym-groups.js';
export { loadArticlePhrasings, parseArticlePhrasingsJsonl, ARTICLE_PHRASINGS_DIR, type ArticlePhrasings } from './retrieval/article-phrasings.js';
export { loadClausePhrasings, parseClausePhrasingsJsonl, CLAUSE_PHRASINGS_DIR, type ClausePhrasings } from './retrieval/clause-phrasings.js';
export { loadExpansionPhrasings, loadPhrasingFiles, phrasingsFromFaq } from './retrieval/faq-phrasings.js';
export { splitIntoClauses, type ClausePassage } from './retrieval/clause-passages.js';
export type { EmbeddingProvider } from './retrieval/embedding-provider.js';
export { createTransformersEmbeddingProvider, type TransformersEmbeddingOptions } from './retrieval/transformers-embedding-provider.js';
export { createHybridLawRetriever, type HybridRetrieverConfig } from './retrieval/hybrid-retriever.js';

// Evaluation
export { evaluateRetrieval, type RetrievalMetrics, type QueryView } from './eval/evaluate-retrieval.js';
export { loadDefaultEvaluationQuestions, parseEvaluationQuestions, type EvaluationQuestion } from './eval/evaluation-questions.js';

// FAQ (curated answers)
export { FaqEntryInputSchema, FaqEntryPatchSchema, FaqCitationRefSchema, FAQ_ID_PATTERN, type FaqEntryInput } from './faq/faq-schema.js';
export { parseFaqEntries, importFaqJson, exportFaqJson } from './faq/faq-io.js';
export { loadStarterPack, STARTER_PACK_URL } from './faq/starter-pack.js';
export { createFaqMatcher, DEFAULT_FAQ_THRESHOLD, type FaqMatch, type FaqMatcher, type FaqMatcherOptions } from './faq/faq-matcher.js';
export { createDefaultFaqMatcher } from './faq/default-faq-matcher.js';
export { createSwappableFaqMatcher, type SwappableFaqMatcher } from './faq/swappable-faq-matcher.js';
export { evaluateFaqMatcher, parseFaqEvalJsonl, type FaqEvalCase, type FaqEvalPoint } from './faq/faq-evaluation.js';

// Answer composition (FAQ → retrieval → LLM or extractive, always cited)
export { createKnowledgeService, type KnowledgeServiceDeps } from './answer/knowledge-service.js';
export { KnowledgeOptionsSchema, resolveKnowledgeOptions, type KnowledgeOptions, type KnowledgeOptionsInput } from './answer/knowledge-options.js';
export { createArticleLookup, type ArticleLookup } from './answer/article-lookup.js';
export { citationLabel, toCitation, shortLawName } from './answer/citation.js';
export { ANSWER_TEXTS } from './answer/answer-texts.vi.js';
export { SYSTEM_PROMPT } from './answer/grounded-prompt.vi.js';
export { createFaqVisibility, type FaqAudience, type FaqVisibility } from './faq/faq-audience.js';
export { parseAnswerEvalJsonl, scoreAnswer, summariseAnswers, ungroundedFigures, type AnswerEvalCase, type AnswerEvalReport, type AnswerCaseResult } from './eval/answer-evaluation.js';
export { failureDetail, formatFailure, type AnswerFailureDetail } from './eval/answer-failures.js';
export {
  firstAcceptableRank,
  recallFigures,
  summariseRetrieval,
  formatRetrievalDiagnostic,
  FOUND_DEPTH,
  RECALL_DEPTHS,
  type RecallFigures,
  type RetrievalCaseResult,
  type RetrievalDiagnostic,
} from './eval/retrieval-diagnostic.js';
export { createQuestionLawSearch, type QuestionLawSearchDeps } from './answer/answer-search.js';
export { createUnitChooser, loadUnitChooserModel, parseUnitChooserModel, UnitChooserModelSchema, type UnitChooser, type UnitChooserModel } from './answer/unit-chooser.js';
export { trainUnitChooser, informative, DEFAULT_CHOOSER_TRAINING, type ChooserGroup, type ChooserTrainingOptions } from './eval/chooser-training.js';
export { createChooserRecorder } from './eval/chooser-recorder.js';
export {
  createArticleReranker,
  createArticleTermsCache,
  loadArticleRerankerModel,
  parseArticleRerankerModel,
  DEFAULT_ARTICLE_RERANKER_MODEL,
  ArticleRerankerModelSchema,
  type ArticleReranker,
  type ArticleRerankerModel,
} from './answer/article-reranker.js';
export { RERANK_FEATURE_NAMES, rerankFeatures, type RerankQuestion } from './answer/rerank-features.js';
export { trainArticleReranker, informativeGroup, createRerankRecorder, DEFAULT_RERANK_TRAINING, type RerankGroup, type RerankTrainingOptions } from './eval/reranker-training.js';
