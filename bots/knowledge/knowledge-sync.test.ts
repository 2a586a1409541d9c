import { silentLogger } from '../../core/ports/logger.js';
import { createTestDatabase, testBackends, type TestBackend, type TestDatabase } from '../../tests/support/backends.js';
import { waitUntil } from '../../tests/support/test-platform.js';
import { createInProcessHub, createRedisHub, type RealtimeHub } from '../realtime/realtime-hub.js';
import { createKnowledgeVersionRepository } from '../storage/repositories/knowledge-version-repository.js';
import { announceKnowledgeChange, createKnowledgeSync, type KnowledgeSync } from './knowledge-sync.js';

/**
 * Two "processes" (two syncs, each with its own hub connection) on one database: a change made through one is
 * loaded by the other through the doorbell (Redis pub/sub, or the in-process emitter), and a process that
 * missed the doorbell catches up by comparing versions with the database.
 */
describe.each(testBackends())('knowledge sync on $name', (backend: TestBackend) => {
  let database: TestDatabase;
  const hubs: RealtimeHub[] = [];
  const syncs: KnowledgeSync[] = [];
  const prefix = `ks${Math.random().toString(36).slice(2, 8)}:rt`;
  const hub = () => {
    const created = backend.redisUrl ? createRedisHub(backend.redisUrl, prefix, silentLogger) : (hubs[0] ?? createInProcessHub());
    hubs.push(created);
    return created;
  };
  const process = async (reloads: string[], options: { hub?: RealtimeHub; pollMs?: number } = {}) => {
    const versions = createKnowledgeVersionRepository(database.db);
    const sync = createKnowledgeSync({
      versions,
      hub: options.hub ?? hub(),
      logger: silentLogger,
      reloaders: { faq: async () => void reloads.push('faq'), law: async () => void reloads.push('law'), model: async () => void reloads.push('model') },
      initial: await versions.current(),
      pollMs: options.pollMs ?? 600_000,
    });
    syncs.push(sync);
    return sync;
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
  });
  afterAll(async () => {
    for (const sync of syncs) sync.close();
    for (const created of new Set(hubs)) await created.close();
    await database.close();
  });

  it('spreads a change to the other process through the doorbell', async () => {
    const aReloads: string[] = [];
    const bReloads: string[] = [];
    const a = await process(aReloads);
    const b = await process(bReloads);
    // Redis SUBSCRIBE is asynchronous: ring until the other side has heard (each ring is a real change).
    await waitUntil(async () => {
      await a.changed('faq');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return b.loaded().faq === a.loaded().faq;
    }, 10_000, 'the other process to load the FAQ');
    expect(aReloads).toContain('faq');
    expect(bReloads).toContain('faq');

    // The CLI's path: a law import announced from a process that serves no one.
    const version = await announceKnowledgeChange({ versions: createKnowledgeVersionRepository(database.db), hub: hub() }, 'law');
    await waitUntil(async () => a.loaded().law === version && b.loaded().law === version, 10_000, 'both to rebuild the law index');
    expect(bReloads.filter((kind) => kind === 'law')).toHaveLength(1);
  });

  it('catches up on a change whose doorbell it missed, and counts concurrent changes', async () => {
    const reloads: string[] = [];
    const versions = createKnowledgeVersionRepository(database.db);
    const deaf = await process(reloads, { hub: createInProcessHub(), pollMs: 100 });
    const bumped = await Promise.all([versions.bump('model'), versions.bump('model'), versions.bump('model')]);
    expect(new Set(bumped).size).toBe(3);
    const latest = Math.max(...bumped);
    await waitUntil(async () => deaf.loaded().model === latest, 10_000, 'the poll to load the model');
    expect(reloads).toContain('model');
  });
});
