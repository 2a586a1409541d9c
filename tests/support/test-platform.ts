import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEnv, type Env } from '../../core/config/env-schema.js';
import type { KnowledgeService } from '../../core/knowledge/answer.js';
import type { MessageClassifier } from '../../core/nlu/nlu-result.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import { silentLogger, type Logger } from '../../core/ports/logger.js';
import { createRedactor } from '../../intents/index.js';
import type { ChannelModule, ChannelModuleDeps } from '../../bots/channels/shared/channel-module.js';
import { createPlatform, type Platform } from '../../bots/platform.js';
import type { LawSearch } from '../../bots/http/routes/law-search-routes.js';
import type { SimilarFaq } from '../../bots/http/routes/faq-routes.js';
import { loadSecretBox } from '../../bots/secrets/secrets-key.js';
import { TEST_SECRETS_KEY } from './test-secrets.js';
import { createTestDatabase, type TestBackend, type TestDatabase } from './backends.js';

export interface TestPlatform {
  platform: Platform;
  database: TestDatabase;
  baseUrl: string;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  classifier: MessageClassifier;
  /** A stub port, or the real knowledge runtime built on the test database (see bots/knowledge/load-knowledge.ts). */
  knowledge: KnowledgeService | ((deps: { env: Env; database: TestDatabase; logger: Logger }) => Promise<{ service: KnowledgeService; reloadFaq(): Promise<void>; searchLaw?: LawSearch; similarFaq?: SimilarFaq }>);
  env?: Record<string, string>;
  startWorkers?: boolean;
  /**
   * The channel modules, built from what the platform passes every channel (default: the registry, i.e. web
   * chat, the CLI channel and every platform configured in `env`).
   */
  channels?: (deps: ChannelModuleDeps) => ChannelModule[];
  database?: TestDatabase;
  /** The platform's clock (default: the system clock). */
  clock?: Clock;
}

/** A whole platform on one backend pair, listening on a random loopback port. */
export async function startTestPlatform(backend: TestBackend, options: TestPlatformOptions): Promise<TestPlatform> {
  const database = options.database ?? (await createTestDatabase(backend));
  const env = parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_MS: '200',
    RETRY_BACKOFF_MS: '20',
    INBOUND_LEASE_MS: '2000',
    QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`,
    // Suites send bursts from one sender on purpose (ordering, duplicates); the flood suite turns the limit on.
    FLOOD_MAX_MESSAGES: '0',
    // Suites that assert a turn's exact replies predate the privacy notice; the consent suites turn it on.
    PRIVACY_CONSENT: 'off',
    // One key for every platform of the run, so that several platforms on one database open each other's secrets.
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...(backend.redisUrl ? { REDIS_URL: backend.redisUrl } : {}),
    ...options.env,
  });
  const clock = options.clock ?? systemClock;
  const knowledge = typeof options.knowledge === 'function' ? await options.knowledge({ env, database, logger: silentLogger }) : { service: options.knowledge, reloadFaq: async () => undefined };
  const platform = await createPlatform({
    env,
    clock,
    database,
    logger: silentLogger,
    classifier: options.classifier,
    knowledge: knowledge.service,
    knowledgeAdmin: knowledge,
    redactor: createRedactor(),
    secrets: loadSecretBox(env, { dataDir: null, logger: silentLogger }),
    ...(options.channels ? { channels: options.channels } : {}),
  });
  if (options.startWorkers !== false) await platform.startWorkers();
  const server: Server = await new Promise((resolve) => {
    const listening = platform.createHttpApp().listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    platform,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await platform.stop();
      if (!options.database) await database.close();
    },
  };
}

export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
