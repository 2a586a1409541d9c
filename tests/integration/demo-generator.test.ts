import { sql } from 'drizzle-orm';
import { generateDemo } from '../../bots/demo/demo-generator.js';
import { SHOWCASE_GRASSROOTS_MAX, SHOWCASE_GRASSROOTS_MIN, SHOWCASE_UPPERS } from '../../bots/demo/demo-tree-plan.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from '../../bots/seed/demo-organisation.js';
import { seedDemoOrganisation } from '../../bots/seed/seed-demo.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { silentLogger } from '../../core/ports/logger.js';
import { createKnowledgeVersionRepository } from '../../bots/storage/repositories/knowledge-version-repository.js';
import { createUnitRepository } from '../../bots/storage/repositories/unit-repository.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/backends.js';
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
      sql`select u.code, (select count(*)::int from units c where c.path like u.path || '%' and c.id <> u.id) as children,
            (select count(*)::int from members m join units g on g.id = m.unit_id where g.path like u.path || '%') as members
          from units u where u.name = 'Liên đoàn Lao động thành phố Hà Nội'`,
    );
    // The seeded unit (code HN, where the demo accounts and chat codes live) now holds the generated unions too, under
    // its seeded upper-grassroots union HN-KCN (reused as well, D-dashboard-10).
    expect(hanoi?.code).toBe('HN');
    expect(hanoi?.children).toBeGreaterThan(3);
    expect(hanoi?.members).toBeGreaterThan(0);

    await generateDemo(t.database.db, { members: 300, messages: 600, seed: 4, days: 30, endDay: '2026-11-30' });
    expect(await duplicates()).toEqual([]);
    const [federations] = await executeRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units where level = 'province_or_sector'`);
    expect(federations?.n).toBe(46);
  }, 120_000);
});

/**
 * The README's quick start: `npm start` seeds the demo organisation and accounts, then `demo generate` at a small
 * size. Each demo account's own unit (the leader's federation, the officer's upper-grassroots union) then shows
 * figures on the dashboard, not "< 5": the demo organisation's units are reused, not left empty beside generated
 * ones (D-dashboard-10).
 */
describe.each(testBackends())('demo generator after the demo seeding on $name', (backend) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier: createScriptedClassifier({}), knowledge: createEchoKnowledge(), startWorkers: false });
    const { units, users, settings } = t.platform.repositories;
    expect((await seedDemoOrganisation({ units, users, settings, logger: silentLogger })).created).toBe(true);
  }, 60_000);
  afterAll(async () => t?.close());

  it("fills the demo leader's and the demo officer's units with enough members to show figures", async () => {
    const before = await executeRows<{ code: string; id: string }>(t.database.db, sql`select code, id::text as id from units order by code`);
    await generateDemo(t.database.db, { members: 1500, messages: 3000, seed: 3, days: 60, endDay: '2026-11-30' });
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    // Every demo unit is still there with its code and id (accounts and chat codes point at them): reused, not copied.
    const after = await executeRows<{ code: string; id: string }>(t.database.db, sql`select code, id::text as id from units where code not like 'DM%' order by code`);
    expect(after).toEqual(before);
    const scoped = DEMO_ACCOUNTS.filter((account) => account.role !== 'admin');
    expect(scoped.map((account) => account.unitCode).sort()).toEqual(['HCM', 'HN-KCN']);
    for (const account of scoped) {
      const unit = await t.platform.repositories.units.findByCode(account.unitCode);
      const [subtree] = await executeRows<{ units: number; members: number }>(
        t.database.db,
        sql`select count(distinct u.id)::int as units, count(m.id)::int as members from units u left join members m on m.unit_id = u.id where u.path like ${unit!.path} || '%' and u.level = 'grassroots'`,
      );
      // Generated unions hang under the demo unit, and the demo grassroots unions have members of their own.
      expect(subtree!.units).toBeGreaterThan(2);
      expect(subtree!.members).toBeGreaterThanOrEqual(15);
      const summary = await t.platform.mood.summary({ unit: unit!, from: '2026-11-01', to: '2026-11-30', includeExcluded: false });
      expect(summary.suppressed).toBe(false);
      expect(summary.members).toBeGreaterThanOrEqual(5);
      expect(summary.mood_index).not.toBeNull();
    }
    const [seededMembers] = await executeRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from members m join units u on u.id = m.unit_id where u.code in ('DTTL', 'MSH', 'GTT', 'LKLT')`,
    );
    expect(seededMembers!.n).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * The tree the README's quick-start size gives (D-dashboard-12): the federations the demo accounts belong to
 * (Hồ Chí Minh City for the leader, Hà Nội above the officer's HN-KCN) have several upper-grassroots unions, each with
 * several grassroots unions, instead of one of each; no upper-grassroots union is left without a grassroots union; the
 * same seed gives the same tree. Messages do not shape the tree (units follow `--members`), so none are written.
 */
describe.each(testBackends())("demo generator's tree at the README size on $name", (backend) => {
  const README_MEMBERS = 6000;
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.close();
  });

  async function generatedTree(seed: number) {
    const database = await createTestDatabase(backend);
    databases.push(database);
    await createUnitRepository(database.db).upsertUnits(DEMO_UNITS);
    await generateDemo(database.db, { members: README_MEMBERS, messages: 0, seed, days: 30, endDay: '2026-11-30' });
    // Names, not codes: generated codes carry the run's id, names only the unit's number.
    return executeRows<{ federation: string; federation_name: string; upper: string; upper_code: string; grassroots: number; members: number }>(
      database.db,
      sql`select p.code as federation, p.name as federation_name, u.name as upper, u.code as upper_code,
            (select count(*)::int from units g where g.parent_id = u.id) as grassroots,
            (select count(*)::int from members m join units g on g.id = m.unit_id where g.parent_id = u.id) as members
          from units p join units u on u.parent_id = p.id
          where p.level = 'province_or_sector' and u.level = 'upper_grassroots' order by p.code, u.name`,
    );
  }

  it("gives the demo accounts' federations several upper-grassroots unions of several grassroots unions each, by the seed", async () => {
    const tree = await generatedTree(11);
    expect(tree.filter((row) => row.grassroots === 0)).toEqual([]);
    for (const federation of ['HCM', 'HN']) {
      const uppers = tree.filter((row) => row.federation === federation);
      expect(uppers).toHaveLength(SHOWCASE_UPPERS);
      for (const upper of uppers) {
        // The plan's MIN..MAX, and the random draws of the remaining unions may add one or two.
        expect(upper.grassroots).toBeGreaterThanOrEqual(SHOWCASE_GRASSROOTS_MIN);
        expect(upper.grassroots).toBeLessThanOrEqual(SHOWCASE_GRASSROOTS_MAX + 3);
        expect(upper.members).toBeGreaterThan(0);
      }
    }
    // The seeded upper-grassroots unions are among them, with their seeded grassroots unions and generated ones.
    expect(tree.filter((row) => row.upper_code === 'HCM-KCX' || row.upper_code === 'HN-KCN').map((row) => row.federation).sort()).toEqual(['HCM', 'HN']);
    // Every other province/sector keeps one upper-grassroots union at least, out of the same 200-unit budget.
    const [units] = await executeRows<{ n: number }>(databases[0]!.db, sql`select count(*)::int as n from units`);
    expect(units!.n).toBe(200);
    expect(new Set(tree.map((row) => row.federation)).size).toBe(46);

    const again = await generatedTree(11);
    const shape = (rows: typeof tree) => rows.map(({ federation_name, upper, grassroots, members }) => ({ federation_name, upper, grassroots, members }));
    expect(shape(again)).toEqual(shape(tree));
  }, 240_000);
});
