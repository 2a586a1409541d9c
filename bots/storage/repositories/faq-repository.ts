import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { FaqEntry } from '../../../core/knowledge/faq.js';
import { isTopic, type Topic } from '../../../core/nlu/labels.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import { exportFaqJson, FaqEntryInputSchema, FaqEntryPatchSchema, parseFaqEntries } from '../../../knowledge/index.js';
import type { Db } from '../database.js';
import { faqEntries } from '../schema/index.js';

/** A stored entry: the curated content plus the version the admin UI sends back with an edit. */
export interface StoredFaqEntry extends FaqEntry {
  version: number;
  createdAt: string;
}

export interface FaqListFilter {
  topic?: Topic;
  status?: FaqEntry['status'];
  limit?: number;
  offset?: number;
}

export interface FaqImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

type FaqRow = typeof faqEntries.$inferSelect;

function toEntry(row: FaqRow): StoredFaqEntry {
  return {
    id: row.id,
    // Written only through validated input, so an unknown topic means someone edited the table by hand.
    topic: isTopic(row.topic) ? row.topic : 'other',
    question: row.question,
    variants: row.variants,
    answer: row.answer,
    citations: row.citations,
    status: row.status === 'draft' ? 'draft' : 'published',
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function sameContent(a: FaqEntry, b: FaqEntry): boolean {
  const content = (entry: FaqEntry) =>
    JSON.stringify([entry.topic, entry.question, entry.variants, entry.answer, entry.citations, entry.status]);
  return content(a) === content(b);
}

export type FaqRepository = ReturnType<typeof createFaqRepository>;

/**
 * The `faq_entries` table. Inputs are validated here with the same schemas as the JSON importer, so an entry
 * is equally valid whether it came from the admin UI, an upload or the starter pack.
 */
export function createFaqRepository(db: Db, clock: Clock = systemClock) {
  const findRow = async (id: string): Promise<FaqRow | undefined> => {
    const [row] = await db.select().from(faqEntries).where(eq(faqEntries.id, id)).limit(1);
    return row;
  };

  const repository = {
    async list(filter: FaqListFilter = {}): Promise<StoredFaqEntry[]> {
      const conditions: SQL[] = [];
      if (filter.topic) conditions.push(eq(faqEntries.topic, filter.topic));
      if (filter.status) conditions.push(eq(faqEntries.status, filter.status));
      const rows = await db
        .select()
        .from(faqEntries)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(faqEntries.id))
        .limit(Math.min(Math.max(filter.limit ?? 1000, 1), 5000))
        .offset(Math.max(filter.offset ?? 0, 0));
      return rows.map(toEntry);
    },

    /** Everything members may be answered from: what the FAQ matcher is (re)built over. */
    async listPublished(): Promise<StoredFaqEntry[]> {
      return repository.list({ status: 'published', limit: 5000 });
    },

    async get(id: string): Promise<StoredFaqEntry | null> {
      const row = await findRow(id);
      return row ? toEntry(row) : null;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(faqEntries);
      return Number(row?.n ?? 0);
    },

    /** Creates one entry from admin input; an existing id is a DUPLICATE, never an overwrite. */
    async create(input: unknown): Promise<StoredFaqEntry> {
      const entry = parseOrThrow(FaqEntryInputSchema, input, 'body');
      const now = clock.now();
      const inserted = await db
        .insert(faqEntries)
        .values({ ...entry, version: 1, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: faqEntries.id })
        .returning();
      const row = inserted[0];
      if (!row) throw new AppError('DUPLICATE', `FAQ entry ${entry.id} already exists`, { fields: [{ path: 'body.id', message: 'mã đã tồn tại' }] });
      return toEntry(row);
    },

    /**
     * Applies an edit when `expectedVersion` is still current (VERSION_CONFLICT otherwise: someone else saved in
     * between). The merged entry is validated as a whole (a published entry must keep a citation).
     */
    async update(id: string, patchInput: unknown, expectedVersion: number): Promise<StoredFaqEntry> {
      const patch = parseOrThrow(FaqEntryPatchSchema, patchInput, 'body');
      const current = await findRow(id);
      if (!current) throw new AppError('NOT_FOUND', `FAQ entry ${id} not found`);
      const merged = parseOrThrow(FaqEntryInputSchema, { ...toEntry(current), ...patch, updatedAt: undefined }, 'body');
      const updated = await db
        .update(faqEntries)
        .set({
          topic: merged.topic,
          question: merged.question,
          variants: merged.variants,
          answer: merged.answer,
          citations: merged.citations,
          status: merged.status,
          version: sql`${faqEntries.version} + 1`,
          updatedAt: clock.now(),
        })
        .where(and(eq(faqEntries.id, id), eq(faqEntries.version, expectedVersion)))
        .returning();
      const row = updated[0];
      if (!row) throw new AppError('VERSION_CONFLICT', `FAQ entry ${id} was changed by someone else`, { details: { currentVersion: current.version } });
      return toEntry(row);
    },

    async delete(id: string): Promise<void> {
      const deleted = await db.delete(faqEntries).where(eq(faqEntries.id, id)).returning({ id: faqEntries.id });
      if (deleted.length === 0) throw new AppError('NOT_FOUND', `FAQ entry ${id} not found`);
    },

    /**
     * Imports a JSON file's entries in one transaction: all valid or nothing written. `merge` adds and updates;
     * `replace` also deletes entries missing from the file. Unchanged entries keep their version.
     */
    async importEntries(file: unknown, mode: 'merge' | 'replace' = 'merge'): Promise<FaqImportResult> {
      const entries = parseFaqEntries(file, clock);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const existingRows = await tx.select().from(faqEntries);
        const existing = new Map(existingRows.map((row) => [row.id, toEntry(row)]));
        const result: FaqImportResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
        for (const entry of entries) {
          const stored = existing.get(entry.id);
          const values = {
            topic: entry.topic,
            question: entry.question,
            variants: entry.variants,
            answer: entry.answer,
            citations: entry.citations,
            status: entry.status,
          };
          if (!stored) {
            await tx.insert(faqEntries).values({ id: entry.id, ...values, version: 1, createdAt: now, updatedAt: now });
            result.created += 1;
          } else if (sameContent(stored, entry)) {
            result.unchanged += 1;
          } else {
            await tx
              .update(faqEntries)
              .set({ ...values, version: sql`${faqEntries.version} + 1`, updatedAt: now })
              .where(eq(faqEntries.id, entry.id));
            result.updated += 1;
          }
        }
        if (mode === 'replace') {
          const keep = new Set(entries.map((entry) => entry.id));
          const stale = [...existing.keys()].filter((id) => !keep.has(id));
          if (stale.length > 0) await tx.delete(faqEntries).where(inArray(faqEntries.id, stale));
          result.deleted = stale.length;
        }
        return result;
      });
    },

    /** The whole table as the JSON envelope `importEntries` reads back. */
    async exportJson(): Promise<string> {
      const entries = await repository.list({ limit: 5000 });
      return exportFaqJson(
        entries.map(({ version: _version, createdAt: _createdAt, ...entry }) => entry),
        clock,
      );
    },
  };
  return repository;
}
