import { existsSync } from 'node:fs';
import type { Env } from '../../core/config/env-schema.js';
import type { Logger } from '../../core/ports/logger.js';
import { exportFaqJson, importLawCorpus, loadStarterPack } from '../../knowledge/index.js';
import { fromProjectRoot } from '../project-root.js';
import type { Database } from '../storage/database.js';
import { createFaqRepository } from '../storage/repositories/faq-repository.js';
import { createKnowledgeVersionRepository } from '../storage/repositories/knowledge-version-repository.js';
import { createLawRepository } from '../storage/repositories/law-repository.js';

/** Where the demo finds the law corpus when LAW_CORPUS_PATH is not set (shared/ beside the project; never copied in). */
export const DEFAULT_LAW_CORPUS = '../shared/data/law/articles.jsonl';

/**
 * First start on an empty knowledge base: imports the law corpus when the file exists, and the FAQ starter
 * pack when FAQ_STARTER_PACK is on. A knowledge base that already has content is left alone (use
 * `congdoan kb import` to update the law).
 */
export async function seedKnowledgeIfEmpty(deps: { env: Env; database: Database; logger: Logger }): Promise<{ lawImported: boolean; faqImported: number }> {
  const laws = createLawRepository(deps.database.db);
  const faqs = createFaqRepository(deps.database.db);
  let lawImported = false;
  if ((await laws.countArticles()) === 0) {
    const file = fromProjectRoot(deps.env.LAW_CORPUS_PATH ?? DEFAULT_LAW_CORPUS);
    if (existsSync(file)) {
      await importLawCorpus({ file, repository: laws, logger: deps.logger });
      lawImported = true;
    } else {
      deps.logger.warn({ file }, 'law corpus not found; set LAW_CORPUS_PATH or run congdoan kb import FILE');
    }
  }
  let faqImported = 0;
  if (deps.env.FAQ_STARTER_PACK && (await faqs.count()) === 0) {
    const result = await faqs.importEntries(JSON.parse(exportFaqJson(loadStarterPack())), 'merge');
    faqImported = result.created;
  }
  // Processes that started before the seed (a worker beside the first server) load it at their next poll.
  const versions = createKnowledgeVersionRepository(deps.database.db);
  if (lawImported) await versions.bump('law');
  if (faqImported > 0) await versions.bump('faq');
  return { lawImported, faqImported };
}
