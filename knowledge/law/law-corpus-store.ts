import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';

/** What the importer needs to know about an article already stored. */
export interface StoredArticleFingerprint {
  lawId: string;
  contentHash: string;
}

export interface HashedLawArticle {
  article: LawArticle;
  contentHash: string;
}

/** Everything one import writes. Applied atomically by the store: all of it or none of it. */
export interface LawImportPlan {
  documents: LawDocument[];
  /** Added and changed articles; unchanged ones are not rewritten. */
  upserts: HashedLawArticle[];
  /** Stored articles of the imported documents that the new file no longer contains. */
  removedArticleIds: string[];
}

/**
 * The storage port of the law importer. knowledge/ cannot import bots/, so the database repository in
 * bots/storage implements this interface and is passed in.
 */
export interface LawCorpusStore {
  loadArticleFingerprints(): Promise<Map<string, StoredArticleFingerprint>>;
  applyImport(plan: LawImportPlan): Promise<void>;
}
