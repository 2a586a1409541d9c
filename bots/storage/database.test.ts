import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testBackends } from '../../tests/support/backends.js';
import { openDatabase } from './database.js';
import { executeRows } from './execute-rows.js';
import { units } from './schema/index.js';

describe.each(testBackends())('database on $name', (backend) => {
  it('is migrated and enforces the schema', async () => {
    const database = await createTestDatabase(backend);
    try {
      await database.ping();
      await database.db.insert(units).values({ code: 'VN', name: 'Tổng LĐLĐVN', level: 'national', path: '/x/' });
      await expect(
        database.db.insert(units).values({ code: 'VN', name: 'again', level: 'national', path: '/y/' }),
      ).rejects.toThrow();
      // migrating twice is a no-op
      await database.migrate({ debug: () => undefined } as never);
      const rows = await executeRows(database.db, sql`select count(*)::int as n from units`);
      expect(rows[0]).toEqual({ n: 1 });
    } finally {
      await database.close();
    }
  });
});

describe('embedded database on disk', () => {
  // Migrating a fresh folder is most of an opening's cost: migrate one once, and start each test from a copy of it.
  let migrated = '';
  beforeAll(async () => {
    migrated = mkdtempSync(join(tmpdir(), 'cd-pglite-migrated-'));
    await (await openDatabase({ dataDir: migrated })).close();
  });
  afterAll(() => {
    if (migrated) rmSync(migrated, { recursive: true, force: true });
  });
  const migratedCopy = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-pglite-'));
    cpSync(migrated, dataDir, { recursive: true });
    return dataDir;
  };

  it('makes a second opener in the same process wait for the first to close (two instances corrupt the folder)', async () => {
    const dataDir = migratedCopy();
    try {
      const first = await openDatabase({ dataDir });
      await first.db.insert(units).values({ code: 'A1', name: 'x', level: 'national', path: '/a/' });
      let secondOpen = false;
      const second = openDatabase({ dataDir }).then((database) => {
        secondOpen = true;
        return database;
      });
      await new Promise((done) => setTimeout(done, 50));
      expect(secondOpen).toBe(false);
      await first.close();
      const reopened = await second;
      expect((await reopened.db.select().from(units)).map((r) => r.code)).toEqual(['A1']);
      // Still held: a third opener that will not wait long is told so, and nothing is opened.
      await expect(openDatabase({ dataDir, dataDirWaitMs: 20 })).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a second process-level opener while the first holds the data folder', async () => {
    const dataDir = migratedCopy();
    try {
      const first = await openDatabase({ dataDir });
      // Same process: allowed (the lock guards against OTHER processes); emulate another pid by rewriting it.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dataDir, 'pglite.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
      await first.close();
      const reopened = await openDatabase({ dataDir });
      await reopened.db.insert(units).values({ code: 'A1', name: 'x', level: 'national', path: '/a/' });
      await reopened.close();
      const third = await openDatabase({ dataDir });
      const rows = await third.db.select().from(units);
      expect(rows.map((r) => r.code)).toEqual(['A1']);
      await third.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
