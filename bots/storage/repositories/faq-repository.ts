import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { FaqEntry, FaqStatus } from '../../../core/knowledge/faq.js';
import { isTopic, type Topic } from '../../../core/nlu/labels.js';
import { systemClock, type Clock } from '../../../core/ports/clock.js';
import { exportFaqJson, FaqEntryInputSchema, FaqEntryPatchSchema, parseFaqEntries } from '../../../knowledge/index.js';
import type { Db } from '../database.js';
import { faqChanges, faqEntries, faqEntryVersions, units } from '../schema/index.js';

/** A stored entry: the curated content, its owner and the version the admin UI sends back with an edit. */
export interface StoredFaqEntry extends FaqEntry {
  version: number;
  createdAt: string;
  ownerUnitId: string | null;
  overridesId: string | null;
  /** The owner's unit, null for a national entry; `path` is for scope checks and never leaves the server. */
  owner: { id: string; code: string; name: string; path: string } | null;
}

export interface FaqListFilter {
  topic?: Topic;
  /** One status, `active` (published and draft) or every status. */
  status?: FaqStatus | 'active' | 'all';
  /** Only entries a user homed at this path may read (their branch above and their subtree below). */
  readerPath?: string;
  owner?: 'all' | 'national' | 'local';
  limit?: number;
  offset?: number;
}

export interface FaqImportResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** The change that "Hoàn tác" undoes (null when nothing changed). */
  changeId: string | null;
}

/** Who made a change; `system` for the starter pack and CLI imports. */
export interface FaqActorRef {
  userId: string | null;
  email: string;
}

export interface FaqWriteOptions {
  actor?: FaqActorRef;
  /** Owner of new entries (and, for `replace`, the only entries an import may delete); null = national. */
  ownerUnitId?: string | null;
}

export interface FaqWriteResult {
  entry: StoredFaqEntry;
  changeId: string;
}

export interface FaqChangeRecord {
  changeId: string;
  at: string;
  actor: string;
  actorUserId: string | null;
  action: string;
  undoOf: string | null;
  undoneBy: string | null;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** The whole state of an entry at one version, as stored in `faq_entry_versions`. */
type Snapshot = Record<string, unknown> & { id: string; version: number; ownerUnitId: string | null };

const SYSTEM_ACTOR: FaqActorRef = { userId: null, email: 'system' };

type FaqRow = typeof faqEntries.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

const entryColumns = {
  entry: faqEntries,
  owner: { id: units.id, code: units.code, name: units.name, path: units.path },
};

function toStatus(value: string): FaqStatus {
  return value === 'draft' || value === 'retired' ? value : 'published';
}

function toEntry(row: FaqRow, owner: { id: string; code: string; name: string; path: string } | null): StoredFaqEntry {
  return {
    id: row.id,
    // Written only through validated input, so an unknown topic means someone edited the table by hand.
    topic: isTopic(row.topic) ? row.topic : 'other',
    question: row.question,
    variants: row.variants,
    answer: row.answer,
    citations: row.citations,
    status: toStatus(row.status),
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    ownerUnitId: row.ownerUnitId,
    overridesId: row.overridesId,
    owner: row.ownerUnitId && owner?.id ? owner : null,
  };
}

function snapshotOf(row: FaqRow): Snapshot {
  return {
    id: row.id,
    topic: row.topic,
    question: row.question,
    variants: row.variants,
    answer: row.answer,
    citations: row.citations,
    status: row.status,
    ownerUnitId: row.ownerUnitId,
    overridesId: row.overridesId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function sameContent(a: FaqEntry, b: FaqEntry): boolean {
  const content = (entry: FaqEntry) =>
    JSON.stringify([entry.topic, entry.question, entry.variants, entry.answer, entry.citations, entry.status, entry.overridesId ?? null]);
  return content(a) === content(b);
}

export type FaqRepository = ReturnType<typeof createFaqRepository>;

/**
 * The `faq_entries` table with its history. Inputs are validated here with the same schemas as the JSON importer,
 * so an entry is equally valid whether it came from the admin UI, an upload or the starter pack. Every write is
 * one transaction that also records a change (before/after of each entry touched), which is what undo replays.
 * Who may write what is decided by the caller (core/knowledge/faq-ownership.ts); this layer keeps the data whole.
 */
export function createFaqRepository(db: Db, clock: Clock = systemClock) {
  const findRow = async (executor: Executor, id: string): Promise<FaqRow | undefined> => {
    const [row] = await executor.select().from(faqEntries).where(eq(faqEntries.id, id)).limit(1);
    return row;
  };

  const recordChange = async (
    tx: Tx,
    actor: FaqActorRef,
    action: string,
    versions: { entryId: string; before: Snapshot | null; after: Snapshot | null }[],
    summary: Record<string, unknown> = {},
    undoOf: string | null = null,
  ): Promise<string> => {
    const [change] = await tx
      .insert(faqChanges)
      .values({ at: clock.now(), actorUserId: actor.userId, actor: actor.email, action, undoOf, summary })
      .returning({ id: faqChanges.id });
    if (!change) throw new AppError('INTERNAL', 'could not record the FAQ change');
    if (versions.length > 0) await tx.insert(faqEntryVersions).values(versions.map((version) => ({ changeId: change.id, ...version })));
    return change.id;
  };

  const repository = {
    async list(filter: FaqListFilter = {}): Promise<{ entries: StoredFaqEntry[]; total: number }> {
      const conditions: SQL[] = [];
      if (filter.topic) conditions.push(eq(faqEntries.topic, filter.topic));
      const status = filter.status ?? 'all';
      if (status === 'active') conditions.push(inArray(faqEntries.status, ['published', 'draft']));
      else if (status !== 'all') conditions.push(eq(faqEntries.status, status));
      if (filter.owner === 'national') conditions.push(isNull(faqEntries.ownerUnitId));
      if (filter.owner === 'local') conditions.push(sql`${faqEntries.ownerUnitId} is not null`);
      if (filter.readerPath !== undefined) {
        // National entries, entries of the reader's own branch above them, and local entries of their subtree.
        const readable = or(isNull(faqEntries.ownerUnitId), sql`${units.path} like ${`${filter.readerPath}%`}`, sql`${filter.readerPath} like ${units.path} || '%'`);
        if (readable) conditions.push(readable);
      }
      const rows = await db
        .select(entryColumns)
        .from(faqEntries)
        .leftJoin(units, eq(units.id, faqEntries.ownerUnitId))
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(faqEntries.id));
      // Searching words is the desk's job (bots/knowledge/faq-desk-search.ts): it ranks, which SQL order cannot.
      const entries = rows.map((row) => toEntry(row.entry, row.owner));
      const offset = Math.max(filter.offset ?? 0, 0);
      const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 5000);
      return { entries: entries.slice(offset, offset + limit), total: entries.length };
    },

    /** Everything members may be answered from, with owners: what the FAQ matcher is (re)built over. */
    async listPublished(): Promise<StoredFaqEntry[]> {
      return (await repository.list({ status: 'published', limit: 5000 })).entries;
    },

    async get(id: string): Promise<StoredFaqEntry | null> {
      const [row] = await db.select(entryColumns).from(faqEntries).leftJoin(units, eq(units.id, faqEntries.ownerUnitId)).where(eq(faqEntries.id, id)).limit(1);
      return row ? toEntry(row.entry, row.owner) : null;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(faqEntries);
      return Number(row?.n ?? 0);
    },

    /** Creates one entry from admin input; an existing id is a DUPLICATE, never an overwrite. */
    async create(input: unknown, options: FaqWriteOptions = {}): Promise<FaqWriteResult> {
      const entry = parseOrThrow(FaqEntryInputSchema, input, 'body');
      const now = clock.now();
      const { updatedAt: _ignored, overridesId, ...fields } = entry;
      const changeId = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(faqEntries)
          .values({ ...fields, overridesId: overridesId ?? null, ownerUnitId: options.ownerUnitId ?? null, version: 1, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: faqEntries.id })
          .returning();
        const row = inserted[0];
        if (!row) throw new AppError('DUPLICATE', `FAQ entry ${entry.id} already exists`, { fields: [{ path: 'body.id', message: 'mã đã tồn tại' }] });
        return recordChange(tx, options.actor ?? SYSTEM_ACTOR, 'create', [{ entryId: row.id, before: null, after: snapshotOf(row) }]);
      });
      return { entry: (await repository.get(entry.id)) as StoredFaqEntry, changeId };
    },

    /**
     * Applies an edit when `expectedVersion` is still current (VERSION_CONFLICT otherwise: someone else saved in
     * between). The merged entry is validated as a whole (a published entry must keep a citation).
     */
    async update(id: string, patchInput: unknown, expectedVersion: number, options: FaqWriteOptions = {}): Promise<FaqWriteResult> {
      const patch = parseOrThrow(FaqEntryPatchSchema, patchInput, 'body');
      const changeId = await db.transaction(async (tx) => {
        const current = await findRow(tx, id);
        if (!current) throw new AppError('NOT_FOUND', `FAQ entry ${id} not found`);
        const merged = parseOrThrow(FaqEntryInputSchema, { ...toEntry(current, null), ...patch, updatedAt: undefined }, 'body');
        const updated = await tx
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
        const action = patch.status === 'retired' && current.status !== 'retired' ? 'retire' : 'update';
        return recordChange(tx, options.actor ?? SYSTEM_ACTOR, action, [{ entryId: id, before: snapshotOf(current), after: snapshotOf(row) }], { fields: Object.keys(patch) });
      });
      return { entry: (await repository.get(id)) as StoredFaqEntry, changeId };
    },

    async delete(id: string, options: FaqWriteOptions = {}): Promise<{ changeId: string }> {
      const changeId = await db.transaction(async (tx) => {
        const deleted = await tx.delete(faqEntries).where(eq(faqEntries.id, id)).returning();
        const row = deleted[0];
        if (!row) throw new AppError('NOT_FOUND', `FAQ entry ${id} not found`);
        return recordChange(tx, options.actor ?? SYSTEM_ACTOR, 'delete', [{ entryId: id, before: snapshotOf(row), after: null }]);
      });
      return { changeId };
    },

    /**
     * Imports a JSON file's entries in one transaction: all valid or nothing written. `merge` adds and updates;
     * `replace` also deletes the owner's entries missing from the file, and never touches another owner's entries
     * (an id that belongs to another unit is a conflict). Unchanged entries keep their version.
     */
    async importEntries(file: unknown, mode: 'merge' | 'replace' = 'merge', options: FaqWriteOptions = {}): Promise<FaqImportResult> {
      const entries = parseFaqEntries(file, clock);
      const owner = options.ownerUnitId ?? null;
      const now = clock.now();
      return db.transaction(async (tx) => {
        const existingRows = await tx.select().from(faqEntries);
        const existing = new Map(existingRows.map((row) => [row.id, row]));
        const foreign = entries.flatMap((entry, index) => {
          const stored = existing.get(entry.id);
          return stored && stored.ownerUnitId !== owner ? [{ path: `entries.${index}.id`, message: `mã ${entry.id} thuộc về cấp khác` }] : [];
        });
        if (foreign.length > 0) throw new AppError('DUPLICATE', 'some entries of the file belong to another level of the union', { fields: foreign });
        const result: Omit<FaqImportResult, 'changeId'> = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
        const versions: { entryId: string; before: Snapshot | null; after: Snapshot | null }[] = [];
        for (const entry of entries) {
          const stored = existing.get(entry.id);
          const values = {
            topic: entry.topic,
            question: entry.question,
            variants: entry.variants,
            answer: entry.answer,
            citations: entry.citations,
            status: entry.status,
            overridesId: entry.overridesId ?? null,
          };
          if (!stored) {
            const [row] = await tx.insert(faqEntries).values({ id: entry.id, ...values, ownerUnitId: owner, version: 1, createdAt: now, updatedAt: now }).returning();
            if (row) versions.push({ entryId: entry.id, before: null, after: snapshotOf(row) });
            result.created += 1;
          } else if (sameContent(toEntry(stored, null), entry)) {
            result.unchanged += 1;
          } else {
            const [row] = await tx
              .update(faqEntries)
              .set({ ...values, version: sql`${faqEntries.version} + 1`, updatedAt: now })
              .where(eq(faqEntries.id, entry.id))
              .returning();
            if (row) versions.push({ entryId: entry.id, before: snapshotOf(stored), after: snapshotOf(row) });
            result.updated += 1;
          }
        }
        if (mode === 'replace') {
          const keep = new Set(entries.map((entry) => entry.id));
          const stale = existingRows.filter((row) => row.ownerUnitId === owner && !keep.has(row.id));
          if (stale.length > 0) await tx.delete(faqEntries).where(inArray(faqEntries.id, stale.map((row) => row.id)));
          for (const row of stale) versions.push({ entryId: row.id, before: snapshotOf(row), after: null });
          result.deleted = stale.length;
        }
        const changeId = versions.length > 0 ? await recordChange(tx, options.actor ?? SYSTEM_ACTOR, 'import', versions, { mode, ...result }) : null;
        return { ...result, changeId };
      });
    },

    /** The changes of one entry, newest first. */
    async history(entryId: string, limit = 50): Promise<FaqChangeRecord[]> {
      const rows = await db
        .select({ change: faqChanges, version: faqEntryVersions })
        .from(faqEntryVersions)
        .innerJoin(faqChanges, eq(faqChanges.id, faqEntryVersions.changeId))
        .where(eq(faqEntryVersions.entryId, entryId))
        .orderBy(desc(faqEntryVersions.id))
        .limit(limit);
      return rows.map(({ change, version }) => ({
        changeId: change.id,
        at: change.at.toISOString(),
        actor: change.actor,
        actorUserId: change.actorUserId,
        action: change.action,
        undoOf: change.undoOf,
        undoneBy: change.undoneBy,
        before: version.before as Snapshot | null,
        after: version.after as Snapshot | null,
      }));
    },

    /** One change with every entry it touched, or null. */
    async getChange(changeId: string): Promise<{ id: string; action: string; actorUserId: string | null; undoneBy: string | null; versions: { entryId: string; before: Snapshot | null; after: Snapshot | null }[] } | null> {
      const [change] = await db.select().from(faqChanges).where(eq(faqChanges.id, changeId)).limit(1);
      if (!change) return null;
      const versions = await db.select().from(faqEntryVersions).where(eq(faqEntryVersions.changeId, changeId)).orderBy(asc(faqEntryVersions.id));
      return {
        id: change.id,
        action: change.action,
        actorUserId: change.actorUserId,
        undoneBy: change.undoneBy,
        versions: versions.map((version) => ({ entryId: version.entryId, before: version.before as Snapshot | null, after: version.after as Snapshot | null })),
      };
    },

    /**
     * Puts every entry a change touched back as it was before, as a new change (so an undo can itself be undone).
     * Refused with VERSION_CONFLICT when an entry was changed again since: undo never overwrites later work.
     */
    async undo(changeId: string, actor: FaqActorRef): Promise<{ changeId: string; entries: number }> {
      return db.transaction(async (tx) => {
        const [change] = await tx.select().from(faqChanges).where(eq(faqChanges.id, changeId)).for('update').limit(1);
        if (!change) throw new AppError('NOT_FOUND', `no FAQ change ${changeId}`);
        if (change.undoneBy) throw new AppError('VERSION_CONFLICT', 'this change was already undone', { details: { undoneBy: change.undoneBy } });
        const versions = await tx.select().from(faqEntryVersions).where(eq(faqEntryVersions.changeId, changeId)).orderBy(asc(faqEntryVersions.id));
        const stale: string[] = [];
        const currentRows = new Map<string, FaqRow | undefined>();
        for (const version of versions) {
          const current = await findRow(tx, version.entryId);
          currentRows.set(version.entryId, current);
          const after = version.after as Snapshot | null;
          const matches = after === null ? current === undefined : current !== undefined && current.version === after.version;
          if (!matches) stale.push(version.entryId);
        }
        if (stale.length > 0) {
          throw new AppError('VERSION_CONFLICT', `changed again since: ${stale.join(', ')}`, { fields: stale.map((id) => ({ path: id, message: 'đã được sửa sau thay đổi này' })) });
        }
        const now = clock.now();
        const undoVersions: { entryId: string; before: Snapshot | null; after: Snapshot | null }[] = [];
        for (const version of [...versions].reverse()) {
          const current = currentRows.get(version.entryId);
          const target = version.before as Snapshot | null;
          if (target === null) {
            if (current) await tx.delete(faqEntries).where(eq(faqEntries.id, version.entryId));
            undoVersions.push({ entryId: version.entryId, before: current ? snapshotOf(current) : null, after: null });
            continue;
          }
          const values = {
            topic: String(target.topic),
            question: String(target.question),
            variants: target.variants as string[],
            answer: String(target.answer),
            citations: target.citations as FaqRow['citations'],
            status: String(target.status),
            ownerUnitId: target.ownerUnitId,
            overridesId: (target.overridesId as string | null | undefined) ?? null,
            version: (current?.version ?? target.version) + 1,
            updatedAt: now,
          };
          const [row] = current
            ? await tx.update(faqEntries).set(values).where(eq(faqEntries.id, version.entryId)).returning()
            : await tx.insert(faqEntries).values({ id: version.entryId, ...values, createdAt: now }).returning();
          if (row) undoVersions.push({ entryId: version.entryId, before: current ? snapshotOf(current) : null, after: snapshotOf(row) });
        }
        const undoId = await recordChange(tx, actor, 'undo', undoVersions, { undid: change.action }, change.id);
        await tx.update(faqChanges).set({ undoneBy: undoId }).where(eq(faqChanges.id, change.id));
        return { changeId: undoId, entries: undoVersions.length };
      });
    },

    /**
     * The JSON envelope `importEntries` reads back: every entry a reader at `readerPath` may read, or only one
     * owner's (null = national). Owners are not exported: unit ids mean nothing in another deployment.
     */
    async exportJson(filter: { readerPath?: string; ownerUnitId?: string | null } = {}): Promise<string> {
      const { entries } = await repository.list({ limit: 5000, ...(filter.readerPath !== undefined ? { readerPath: filter.readerPath } : {}) });
      const selected = filter.ownerUnitId === undefined ? entries : entries.filter((entry) => entry.ownerUnitId === filter.ownerUnitId);
      return exportFaqJson(
        selected.map(({ version: _v, createdAt: _c, owner: _o, ownerUnitId: _u, overridesId, ...entry }) => ({ ...entry, ...(overridesId ? { overridesId } : {}) })),
        clock,
      );
    },
  };
  return repository;
}
