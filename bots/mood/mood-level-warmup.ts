import type { Db } from '../storage/database.js';
import type { MoodAggregateReadRow, MoodLevelScope } from '../storage/repositories/mood-aggregate-read.js';
import { createMoodLevelReads, type ByScopeAndChannel } from '../storage/repositories/mood-level-reads.js';
import { createMoodPeriodCache, keptAnswerKey, type MoodPeriodKey, type MoodPeriodQuery } from '../storage/repositories/mood-period-cache.js';
import { packRows } from '../storage/repositories/packed-rows.js';
import type { UnitRecord } from '../storage/repositories/unit-repository.js';

/** One of the dashboard's usual views as the summary snaps it: its days, the previous period's and the trend's bucket. */
export interface WarmPeriod {
  from: string;
  to: string;
  previous: { from: string; to: string };
  bucket: 'week' | 'month';
}

interface Entry {
  query: MoodPeriodQuery;
  key: MoodPeriodKey;
}

/** One read of a whole level: the answers it gives (one per unit and channel filter) and how to compute them. */
interface LevelRead {
  entries: Entry[];
  compute: () => Promise<Map<string, unknown>>;
}

/** The answers of one chunk of a level's units, held until the chunk's summaries are assembled (`keptAnswerKey` → value). */
export interface LevelChunk {
  units: readonly UnitRecord[];
  answers: ReadonlyMap<string, unknown>;
}

/**
 * Roots read together by one read of a level: the upper-grassroots level's by-channel year held 680,555 rows in one
 * answer at 1,000,000 messages (D-mood-15); a chunk of roots holds about this share of them, at the price of one
 * scan of the period's rows per chunk (D-mood-17).
 */
export const LEVEL_CHUNK_ROOTS = 200;

/**
 * Computes the daily job's usual views by level instead of by unit (docs/decisions.md D-mood-15): for one period, one
 * read per depth of the tree (per chunk of its units, D-mood-17) and per query of the summary gives the answers of
 * every unit of that depth, kept under the very keys the summary's own lookups use (`mood-service.ts`). Answers
 * already kept at the current generation are not computed again; a read runs only when one of its answers is
 * missing. After each chunk that computed anything, `onChunk` gets the chunk's answers (all of them, kept before or
 * not), so the caller assembles the chunk's summaries without reading them back; then they are let go.
 */
export function createMoodLevelWarmup(deps: { db: Db; chunkRoots?: number }) {
  const cache = createMoodPeriodCache(deps.db);
  const reads = createMoodLevelReads(deps.db);
  const chunkRoots = Math.max(1, Math.trunc(deps.chunkRoots ?? LEVEL_CHUNK_ROOTS));
  return {
    async keep(
      units: readonly UnitRecord[],
      period: WarmPeriod,
      channels: readonly string[],
      onChunk: (chunk: LevelChunk) => Promise<void> = async () => undefined,
    ): Promise<{ reads: number; kept: number }> {
      // A subtree's root path has one length per depth (units are only added, never moved): one read per length.
      const byLength = new Map<number, UnitRecord[]>();
      for (const unit of units) byLength.set(unit.path.length, [...(byLength.get(unit.path.length) ?? []), unit]);
      let readCount = 0;
      let kept = 0;
      for (const [pathLength, levelUnits] of [...byLength].sort(([a], [b]) => a - b)) {
        for (let start = 0; start < levelUnits.length; start += chunkRoots) {
          const chunkUnits = levelUnits.slice(start, start + chunkRoots);
          const scopePaths = chunkUnits.map((unit) => unit.path);
          const current: MoodLevelScope = { pathLength, scopePaths, from: period.from, to: period.to };
          const previous: MoodLevelScope = { pathLength, scopePaths, ...period.previous };
          const levelReads = plan(scopePaths, period, channels, {
            aggregate: () => packedByScope(reads.aggregate(current, {})),
            aggregateByChannel: () => packedByScope(reads.aggregate(current, { byChannel: true })),
            aggregateUnits: () => packedByScope(reads.aggregate(previous, { unitsOnly: true })),
            aggregateUnitsByChannel: () => packedByScope(reads.aggregate(previous, { byChannel: true, unitsOnly: true })),
            topicMembers: () => reads.topicMembers(previous),
            trend: () => reads.trend(current, period.bucket),
            excluded: () => reads.excluded(current),
          });
          // The generation is read before computing, as `answer` does: a rebuild meanwhile leaves these answers unread.
          const generation = await cache.generation();
          const present = await cache.keptAt(generation, levelReads.flatMap((read) => read.entries));
          const answers = new Map<string, unknown>();
          for (const read of levelReads) {
            const missing = read.entries.filter((entry) => !present.has(keptAnswerKey(entry.query, entry.key)));
            if (missing.length === 0) continue;
            const computed = await read.compute();
            readCount++;
            const values = read.entries.map((entry) => ({ ...entry, value: computed.get(cacheKey(entry)) ?? emptyAnswer(entry.query) }));
            kept += await cache.keepMany(
              generation,
              values.filter((entry) => !present.has(keptAnswerKey(entry.query, entry.key))),
            );
            for (const entry of values) answers.set(keptAnswerKey(entry.query, entry.key), entry.value);
          }
          if (answers.size > 0) await onChunk({ units: chunkUnits, answers });
        }
      }
      return { reads: readCount, kept };
    },
  };
}

const cacheKey = (entry: Entry) => JSON.stringify([entry.key.scopePath, entry.key.channel ?? '']);

/** What the summary keeps for a subtree with no rows in the period (the per-unit reads return nothing). */
function emptyAnswer(query: MoodPeriodQuery): unknown {
  if (query === 'excluded') return {};
  if (query === 'topic_members' || query === 'trend') return [];
  return packRows([]);
}

async function packedByScope(rows: Promise<Map<string, MoodAggregateReadRow[]>>): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const [scopePath, scopeRows] of await rows) out.set(JSON.stringify([scopePath, '']), packRows(scopeRows as unknown as Record<string, string | number | null>[]));
  return out;
}

function flatten<T>(byScope: ByScopeAndChannel<T>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [scopePath, byChannel] of byScope) for (const [channel, value] of byChannel) out.set(JSON.stringify([scopePath, channel]), value);
  return out;
}

/**
 * The answers a unit's summaries read for the period, all channels and each (`mood-service.ts` `documentOf`): the
 * period's aggregate and the by-channel one, the previous period's units-only pair (each unit's change), the previous
 * period's topic members, the trend and the excluded counts, each also per channel where the summary filters them.
 */
function plan(
  scopePaths: readonly string[],
  period: WarmPeriod,
  channels: readonly string[],
  compute: {
    aggregate: () => Promise<Map<string, unknown>>;
    aggregateByChannel: () => Promise<Map<string, unknown>>;
    aggregateUnits: () => Promise<Map<string, unknown>>;
    aggregateUnitsByChannel: () => Promise<Map<string, unknown>>;
    topicMembers: () => Promise<ByScopeAndChannel<[string, number][]>>;
    trend: () => Promise<ByScopeAndChannel<unknown>>;
    excluded: () => Promise<ByScopeAndChannel<Record<string, number>>>;
  },
): LevelRead[] {
  const current = { from: period.from, to: period.to };
  const previous = period.previous;
  const filters: (string | undefined)[] = [undefined, ...channels];
  const each = (query: MoodPeriodQuery, days: { from: string; to: string }, extra: Partial<MoodPeriodKey>, perChannel: boolean): Entry[] =>
    scopePaths.flatMap((scopePath) => (perChannel ? filters : [undefined]).map((channel) => ({ query, key: { scopePath, ...days, ...extra, ...(channel ? { channel } : {}) } })));
  const reads: LevelRead[] = [
    { entries: each('aggregate', current, {}, false), compute: compute.aggregate },
    { entries: each('aggregate_units', previous, {}, false), compute: compute.aggregateUnits },
    { entries: each('topic_members', previous, {}, true), compute: async () => flatten(await compute.topicMembers()) },
    { entries: each('trend', current, { bucket: period.bucket }, true), compute: async () => flatten(await compute.trend()) },
    { entries: each('excluded', current, {}, true), compute: async () => flatten(await compute.excluded()) },
  ];
  // The by-channel aggregates are read only by a channel's view.
  if (channels.length > 0) {
    reads.push({ entries: each('aggregate_by_channel', current, {}, false), compute: compute.aggregateByChannel });
    reads.push({ entries: each('aggregate_units_by_channel', previous, {}, false), compute: compute.aggregateUnitsByChannel });
  }
  return reads;
}
