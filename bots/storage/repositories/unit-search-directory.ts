import { sql } from 'drizzle-orm';
import type { UnitLevel } from '../../../core/org/hierarchy.js';
import { createUnitSearch, type SearchableUnit, type UnitSearch } from '../../../core/org/unit-search.js';
import type { UnitSearchOutcome, UnitSummary } from '../../../core/ports/member-directory.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { onUnitsChanged } from '../unit-change-bus.js';

/** Rebuild the in-memory index at least this often (a unit renamed by hand in SQL), and at once when units change. */
const INDEX_MAX_AGE_MS = 5 * 60_000;

/**
 * Unit search on the database: every unit's name and province, indexed in memory (123,000 grassroots unions are
 * a few megabytes; a name search must not scan the table per message). The index is dropped when units change
 * (unit-change-bus: this process at once, others at their knowledge poll) and rebuilt after five minutes anyway.
 * It used to count the units before every search to notice a change: one statement per turn (D-embedded-speed-5).
 */
export function createUnitSearchDirectory(db: Db, options: { allowUpperLevels: boolean; now?: () => number }) {
  const now = options.now ?? Date.now;
  let cached: { search: UnitSearch; builtAt: number } | null = null;
  // A change during a rebuild must not be overwritten by the rows read before it: the generation tells.
  let generation = 0;
  onUnitsChanged(db, () => {
    generation++;
    cached = null;
  });
  // Upper-level unions are offered where the deployment lets members join them; a province is never offered (it is the intake).
  const levels: UnitLevel[] = options.allowUpperLevels ? ['grassroots', 'upper_grassroots'] : ['grassroots'];

  async function index(): Promise<UnitSearch> {
    if (cached && now() - cached.builtAt < INDEX_MAX_AGE_MS) return cached.search;
    const startedAt = generation;
    const rows = await executeRows<{ id: string; code: string; name: string; level: string; path: string }>(db, sql`select id, code, name, level, path from units`);
    // The province of a unit is the province_or_sector unit whose path its own path starts with.
    const provinceByPath = new Map(rows.filter((r) => r.level === 'province_or_sector').map((r) => [r.path, r.id]));
    const units: SearchableUnit[] = rows.map((row) => {
      let provinceId: string | null = null;
      for (const [path, id] of provinceByPath) if (row.path.startsWith(path)) provinceId = id;
      return { id: row.id, code: row.code, name: row.name, level: row.level as UnitLevel, provinceId };
    });
    const search = createUnitSearch(units);
    if (startedAt === generation) cached = { search, builtAt: now() };
    return search;
  }

  const summary = (unit: SearchableUnit): UnitSummary => ({ id: unit.id, code: unit.code, name: unit.name, level: unit.level });

  return {
    async searchUnits(text: string): Promise<UnitSearchOutcome> {
      const result = (await index()).search(text, { limit: 3, levels });
      return { matches: result.matches.map((m) => summary(m.unit)), bestCoverage: result.matches[0]?.queryCoverage ?? 0, province: result.province ? summary(result.province) : null, namedSomething: result.namedSomething };
    },
  };
}
