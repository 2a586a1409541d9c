import { randomUUID } from 'node:crypto';
import { parseEnv } from '../../core/config/env-schema.js';
import { silentLogger } from '../../core/ports/logger.js';
import { hashPassword } from '../../bots/auth/password.js';
import { seedKnowledgeIfEmpty } from '../../bots/knowledge/seed-knowledge.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { createUserRepository } from '../../bots/storage/repositories/user-repository.js';
import type { TestDatabase } from './backends.js';
import { TEST_PASSWORD } from './admin-fixtures.js';

/** The environment of a cluster on one PostgreSQL database and Redis (a random queue prefix per suite). */
export function clusterEnv(database: TestDatabase, redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: database.url as string, REDIS_URL: redisUrl, QUEUE_PREFIX: `cl${randomUUID().slice(0, 8)}`, WORKERS_IN_PROCESS: 'false', ...extra };
}

/**
 * Seeds what a first server would (law corpus, FAQ starter pack) before any process starts, so that servers
 * and workers starting together do not race for it, and a national admin account to edit the FAQ with.
 */
export async function seedCluster(database: TestDatabase, env: Record<string, string>): Promise<{ email: string; password: string }> {
  await seedKnowledgeIfEmpty({ env: parseEnv(env), database, logger: silentLogger });
  const units = createUnitRepository(database.db);
  await units.upsertUnits([{ parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' }]);
  const unit = await units.findByCode('TLD');
  const email = 'admin@cluster.vn';
  await createUserRepository(database.db).create({ email, passwordHash: await hashPassword(TEST_PASSWORD), role: 'admin', unitId: unit!.id, displayName: 'Quản trị' });
  return { email, password: TEST_PASSWORD };
}

/** A bearer token from a server's login. */
export async function login(url: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...account, bearer: true }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The knowledge versions a server reports in /readyz. */
export async function readyKnowledge(url: string): Promise<{ faq: number; law: number; model: number } | null> {
  const response = await fetch(`${url}/readyz`).catch(() => null);
  if (!response) return null;
  return ((await response.json()) as { knowledge?: { faq: number; law: number; model: number } }).knowledge ?? null;
}

/** The JSON log lines a process wrote (pino on stderr) with the given message. */
export function logLines(output: string, msg: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(msg))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}
