import type { Logger } from '../../core/ports/logger.js';
import type { LawCorpusStore } from './law-corpus-store.js';
import { planLawImport, type LawImportCounts } from './plan-law-import.js';
import { readLawCorpus } from './read-law-corpus.js';

export interface ImportLawCorpusInput {
  file: string;
  repository: LawCorpusStore;
  logger: Logger;
}

/**
 * Imports a corpus file idempotently: the whole file is validated first (a bad line aborts before any write),
 * then only added and changed articles are written, in one transaction of the store.
 */
export async function importLawCorpus({ file, repository, logger }: ImportLawCorpusInput): Promise<LawImportCounts> {
  const corpus = await readLawCorpus(file);
  const stored = await repository.loadArticleFingerprints();
  const { plan, counts } = planLawImport(corpus, stored);
  await repository.applyImport(plan);
  logger.info({ ...counts, file }, 'law corpus imported');
  return counts;
}
