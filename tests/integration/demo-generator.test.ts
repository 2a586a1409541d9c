import { sql } from 'drizzle-orm';
import { generateDemo } from '../../bots/demo/demo-generator.js';
import { DEMO_UNITS } from '../../bots/seed/demo-organisation.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { createKnowledgeVersionRepository } from '../../bots/storage/repositories/knowledge-version-repository.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * `congdoan demo generate` on a database that already has the demo organisation (what `npm start` seeds): the
 * generated federations named like the seeded ones (Hà Nội, Hồ Chí Minh City) are the seeded units, not a second
 * unit of the same name with no members beside them (D-dashboard-2); a second run adds no duplicates either.
 */
describe.each(testBackends())('demo generator on $name', (backend) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    await t.platform.repositories.units.upsertUnits(DEMO_UNITS);
  }, 60_000);
  afterAll(async () => t?.close());

  const duplicates = () =>
    executeRows<{ name: string; n: number }>(t.database.db, sql`select name, count(*)::int as n from units group by parent_id, name having count(*) > 1`);

  it('reuses the seeded federations and keeps unit names unique per parent, run after run', async () => {
    const [before] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units`);
    const versions = createKnowledgeVersionRepository(t.database.db);
    const unitsVersion = (await versions.current()).units;
    const first = await generateDemo(t.database.db, { members: 300, messages: 600, seed: 3, days: 30, endDay: '2026-11-30' });
    expect(await duplicates()).toEqual([]);
    // Units written in SQL still move the units version, so running processes drop their unit caches.
    expect((await versions.current()).units).toBe(unitsVersion + 1);
    // What it says it created is what it created (Hà Nội and Hồ Chí Minh City were reused, the national unit too).
    const [after] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units`);
    expect(first.units).toBe((after?.n ?? 0) - (before?.n ?? 0));
    const [hanoi] = await executeRows<{ code: string; children: number; members: number }>(
      t.database.db,
      sql`select u.code, (select count(*)::int from units c where c.parent_id = u.id) as children,
            (select count(*)::int from members m join units g on g.id = m.unit_id where g.path like u.path || '%') as members
          from units u where u.name = 'Liên đoàn Lao động thành phố Hà Nội'`,
    );
    // The seeded unit (code HN, where the demo accounts and chat codes live) now holds the generated unions too.
    expect(hanoi?.code).toBe('HN');
    expect(hanoi?.children).toBeGreaterThan(1);
    expect(hanoi?.members).toBeGreaterThan(0);

    await generateDemo(t.database.db, { members: 300, messages: 600, seed: 4, days: 30, endDay: '2026-11-30' });
    expect(await duplicates()).toEqual([]);
    const [federations] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units where level = 'province_or_sector'`);
    expect(federations?.n).toBe(46);
  }, 120_000);
});
