import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { silentLogger } from '../../core/ports/logger.js';
import { createKnowledgeSync } from '../../bots/knowledge/knowledge-sync.js';
import { createInProcessHub } from '../../bots/realtime/realtime-hub.js';
import type { Db } from '../../bots/storage/database.js';
import { createMemberDirectory } from '../../bots/storage/repositories/channel-member-directory.js';
import { createIngestRepository } from '../../bots/storage/repositories/ingest-repository.js';
import { createKnowledgeVersionRepository } from '../../bots/storage/repositories/knowledge-version-repository.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { conversations } from '../../bots/storage/schema/index.js';
import { notifyUnitsChanged } from '../../bots/storage/unit-change-bus.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';

const inbound = (user: string) => ({ channel: 'telegram' as const, platformMessageId: randomUUID(), sender: { platformUserId: user, threadId: user }, content: { type: 'text' as const, text: 'chào' }, sentAt: new Date(), receivedAt: new Date() });

/**
 * The per-process unit caches (D-embedded-speed-5): the unit-name search index and the intake unit are no longer
 * looked up per turn, so a unit import must reach them — in the importing process at once, in another process at
 * its knowledge poll (the `units` version, like FAQ/law/model).
 */
describe.each(testBackends())('unit caches on $name', (backend) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(backend);
  });
  afterEach(async () => database.close());

  async function conversationUnit(ingest: ReturnType<typeof createIngestRepository>): Promise<string | null> {
    const { conversationId } = await ingest.recordInbound(inbound(randomUUID()));
    const [row] = await database.db.select({ unitId: conversations.unitId }).from(conversations).where(eq(conversations.id, conversationId));
    return row?.unitId ?? null;
  }

  it('an import through this process is seen by the next search and the next new member', async () => {
    const directory = createMemberDirectory(database.db);
    const ingest = createIngestRepository(database.db);
    expect((await directory.searchUnits('Công ty May Mười')).matches).toEqual([]);
    expect(await conversationUnit(ingest)).toBeNull();

    // Another repository on the same database (the CLI's, a seed's) — not the platform's own.
    await createUnitRepository(database.db).upsertUnits([
      { parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' },
      { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
      { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ các KCN Hà Nội', level: 'upper_grassroots' },
      { parentCode: 'HN-KCN', code: 'MAY10', name: 'CĐCS Công ty May Mười', level: 'grassroots' },
    ]);
    expect((await directory.searchUnits('Công ty May Mười')).matches.map((m) => m.code)).toEqual(['MAY10']);
    const root = await createUnitRepository(database.db).findByCode('TLD');
    expect(await conversationUnit(ingest)).toBe(root?.id);
  });

  it('another process sees an import at its knowledge catch-up, not before', async () => {
    // "This process": its own database handle, so the importing handle's in-process signal does not reach it.
    const here = Object.create(database.db) as Db;
    const directory = createMemberDirectory(here);
    const units = createUnitRepository(database.db);
    await units.upsertUnits([{ parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' }]);
    notifyUnitsChanged(here);
    const versions = createKnowledgeVersionRepository(here);
    const sync = createKnowledgeSync({ versions, hub: createInProcessHub(), logger: silentLogger, reloaders: { units: async () => notifyUnitsChanged(here) }, initial: await versions.current(), pollMs: 600_000 });
    try {
      expect((await directory.searchUnits('Công ty Dệt Kim Đông Xuân')).matches).toEqual([]);

      const report = await units.upsertUnits([
        { parentCode: 'TLD', code: 'HN', name: 'LĐLĐ Hà Nội', level: 'province_or_sector' },
        { parentCode: 'HN', code: 'HN-KCN', name: 'CĐ các KCN Hà Nội', level: 'upper_grassroots' },
        { parentCode: 'HN-KCN', code: 'DONGXUAN', name: 'CĐCS Công ty Dệt Kim Đông Xuân', level: 'grassroots' },
      ]);
      expect(report.created).toBe(3);
      // Cached until the poll: the other process's index does not know the unit yet.
      expect((await directory.searchUnits('Công ty Dệt Kim Đông Xuân')).matches).toEqual([]);
      await sync.catchUp();
      expect(sync.loaded().units).toBe((await versions.current()).units);
      expect((await directory.searchUnits('Công ty Dệt Kim Đông Xuân')).matches.map((m) => m.code)).toEqual(['DONGXUAN']);

      // A re-import that changes nothing does not bump the version (no needless rebuilds everywhere).
      const before = (await versions.current()).units;
      await units.upsertUnits([{ parentCode: null, code: 'TLD', name: 'Tổng Liên đoàn', level: 'national' }]);
      expect((await versions.current()).units).toBe(before);
    } finally {
      sync.close();
    }
  });
});
