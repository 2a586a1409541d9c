import type { Env } from '../../core/config/env-schema.js';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Database } from '../storage/database.js';

// INTERIM: replaced by knowledge/'s service as soon as it lands (same session).
export async function loadKnowledge(_deps: { env: Env; database: Database; logger: Logger }): Promise<KnowledgeService> {
  return { answer: async () => ({ kind: 'not_covered', text: 'Chưa có dữ liệu.', citations: [], confidence: 0, composer: 'none' }) };
}
