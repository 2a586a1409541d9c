import { like, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';
import { appSettings } from '../schema/index.js';

/**
 * What members' answers are built from and can change while processes run. `units`: the organisation tree that
 * per-process caches hold (unit-name search index, intake unit; D-embedded-speed-5).
 */
export const KNOWLEDGE_KINDS = ['faq', 'law', 'model', 'units'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
export type KnowledgeVersions = Record<KnowledgeKind, number>;

const PREFIX = 'knowledge_version:';

export type KnowledgeVersionRepository = ReturnType<typeof createKnowledgeVersionRepository>;

/**
 * One counter per kind of knowledge (FAQ, law, NLU model), in the database that every server and worker
 * shares: a change bumps it, and a process whose loaded version is lower reloads. The counters live in
 * app_settings (`knowledge_version:<kind>`), so no migration is needed; 0 means "never changed".
 */
export function createKnowledgeVersionRepository(db: Db) {
  return {
    async current(): Promise<KnowledgeVersions> {
      const rows = await db.select().from(appSettings).where(like(appSettings.key, `${PREFIX}%`));
      const versions: KnowledgeVersions = { faq: 0, law: 0, model: 0, units: 0 };
      for (const row of rows) {
        const kind = row.key.slice(PREFIX.length) as KnowledgeKind;
        if (KNOWLEDGE_KINDS.includes(kind)) versions[kind] = Number(row.value) || 0;
      }
      return versions;
    },

    /** Atomically adds one to a kind's counter (concurrent bumps from several processes each count). */
    async bump(kind: KnowledgeKind): Promise<number> {
      return bumpKnowledgeVersion(db, kind);
    },
  };
}

/** The bump on any handle, a transaction's included (a unit import bumps `units` in its own transaction). */
export async function bumpKnowledgeVersion(db: Db, kind: KnowledgeKind): Promise<number> {
  const [row] = await executeRows<{ value: unknown }>(
    db,
    sql`insert into app_settings (key, value) values (${PREFIX + kind}, '1'::jsonb)
        on conflict (key) do update set value = to_jsonb(coalesce((app_settings.value #>> '{}')::bigint, 0) + 1), updated_at = now()
        returning value`,
  );
  return Number(row?.value);
}
