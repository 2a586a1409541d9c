import type { ParsedLawCorpus } from './parse-law-corpus.js';
import type { HashedLawArticle, LawImportPlan, StoredArticleFingerprint } from './law-corpus-store.js';
import { articleContentHash } from './content-hash.js';

export interface LawImportCounts {
  documents: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}

/**
 * Compares a parsed corpus with what is stored. The file is the source of truth for the documents it
 * contains, so stored articles of those documents that it no longer has are removed; other documents are
 * left alone (one may import one law at a time).
 */
export function planLawImport(
  corpus: ParsedLawCorpus,
  stored: ReadonlyMap<string, StoredArticleFingerprint>,
): { plan: LawImportPlan; counts: LawImportCounts } {
  const upserts: HashedLawArticle[] = [];
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const incomingIds = new Set<string>();

  for (const article of corpus.articles) {
    incomingIds.add(article.id);
    const contentHash = articleContentHash(article);
    const previous = stored.get(article.id);
    if (!previous) {
      added += 1;
      upserts.push({ article, contentHash });
    } else if (previous.contentHash !== contentHash) {
      changed += 1;
      upserts.push({ article, contentHash });
    } else {
      unchanged += 1;
    }
  }

  const importedLawIds = new Set(corpus.documents.map((doc) => doc.lawId));
  const removedArticleIds = [...stored.entries()]
    .filter(([id, fingerprint]) => importedLawIds.has(fingerprint.lawId) && !incomingIds.has(id))
    .map(([id]) => id);

  return {
    plan: { documents: corpus.documents, upserts, removedArticleIds },
    counts: { documents: corpus.documents.length, added, changed, unchanged, removed: removedArticleIds.length },
  };
}
