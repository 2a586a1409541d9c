import { fromProjectRoot } from './project-root.js';
import { parseEnv, type Env } from '../core/config/env-schema.js';
import { systemClock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createRedactor } from '../intents/index.js';
import { loadKnowledge } from './knowledge/load-knowledge.js';
import { seedKnowledgeIfEmpty } from './knowledge/seed-knowledge.js';
import { loadClassifier } from './nlu/load-classifier.js';
import { createLogger } from './observability/logger.js';
import { createPlatform, type Platform } from './platform.js';
import { loadSecretBox } from './secrets/secrets-key.js';
import { seedDemoOrganisation, type DemoSeedResult } from './seed/seed-demo.js';
import { openDatabase, type Database } from './storage/database.js';
import { createKnowledgeVersionRepository } from './storage/repositories/knowledge-version-repository.js';
import { createSettingsRepository } from './storage/repositories/settings-repository.js';
import { createUnitRepository } from './storage/repositories/unit-repository.js';
import { createUserRepository } from './storage/repositories/user-repository.js';

/**
 * Configuration, logger and database: what every entry point (server, worker, CLI) needs first. `longCommands`: the
 * CLI, whose rebuilds and imports may run one statement for minutes, opens the database without statement time-outs.
 */
export async function bootBase(
  source: Record<string, string | undefined> = process.env,
  options: { longCommands?: boolean } = {},
): Promise<{ env: Env; logger: Logger; database: Database }> {
  const env = parseEnv(source);
  const redactor = createRedactor();
  const logger = createLogger({ level: env.LOG_LEVEL, redactor });
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: fromProjectRoot(env.DATA_DIR),
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    circuitOpenMs: env.DATABASE_CIRCUIT_OPEN_MS,
    statementTimeoutMs: options.longCommands ? 0 : env.DATABASE_STATEMENT_TIMEOUT_MS,
    analyticsTimeoutMs: env.DATABASE_ANALYTICS_TIMEOUT_MS,
    ...(env.DB_STATEMENT_LOG ? { statementLog: env.DB_STATEMENT_LOG } : {}),
    logger,
  });
  return { env, logger, database };
}

/**
 * First-start content on an empty database: the demo organisation and accounts (DEMO_SEED), then the
 * knowledge base (law corpus and FAQ starter pack) when they are available.
 */
export async function seedIfEmpty(base: { env: Env; logger: Logger; database: Database }): Promise<DemoSeedResult> {
  const db = base.database.db;
  const demo = base.env.DEMO_SEED
    ? await seedDemoOrganisation({ units: createUnitRepository(db), users: createUserRepository(db), settings: createSettingsRepository(db), logger: base.logger })
    : { created: false, credentials: [] };
  await seedKnowledgeIfEmpty(base);
  return demo;
}

/**
 * The whole platform on the configured backends, with the NLU model and the knowledge base loaded, and every
 * channel that is switched on (the worker needs the adapters to send, not only the server).
 */
export async function bootPlatform(base: { env: Env; logger: Logger; database: Database }): Promise<Platform> {
  const { env, logger, database } = base;
  // Read before loading: a change committed meanwhile is then seen as newer and loaded again (knowledge-sync.ts).
  const knowledgeVersions = await createKnowledgeVersionRepository(database.db).current();
  const [classifier, knowledge] = await Promise.all([loadClassifier(env, logger), loadKnowledge({ env, database, logger })]);
  return createPlatform({
    knowledgeVersions,
    env,
    database,
    logger,
    classifier,
    knowledge: knowledge.service,
    knowledgeAdmin: knowledge,
    redactor: createRedactor(),
    secrets: loadSecretBox(env, { dataDir: fromProjectRoot(env.DATA_DIR), logger }),
    clock: systemClock,
  });
}
