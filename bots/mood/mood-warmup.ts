import type { MoodSummary } from '../../core/contracts/mood-api.js';
import { AppError } from '../../core/errors/app-error.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';
import { assertPeriodLength } from '../../core/mood/period-bounds.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Db } from '../storage/database.js';
import { moodChannels } from '../storage/repositories/mood-repository.js';
import type { UnitRecord, UnitRepository } from '../storage/repositories/unit-repository.js';
import { createMoodLevelWarmup, type LevelChunk } from './mood-level-warmup.js';
import { publishedPeriodOf, type MoodService, type MoodSummaryRequest } from './mood-service.js';

/** Kept answers not written again for this long are dropped: the dashboard's periods move on every month. */
const KEEP_DAYS = 40;

export type MoodWarmup = ReturnType<typeof createMoodWarmup>;

/**
 * Computes ahead the summaries leaders open without choosing dates (docs/decisions.md D-mood-12): every unit that
 * has units below it (a grassroots union's own summary is small enough to compute when asked), the dashboard's four
 * periods, all channels and each channel. For each period the figures of every such unit are computed by level — one
 * read per depth of the tree (per chunk of its units) instead of one per unit (D-mood-15) — and kept under the
 * summary's own keys; each chunk's summaries are then assembled from the answers just computed, through the summary's
 * own code, without reading them back (D-mood-17). Figures already kept are not recomputed, so on a day when no week
 * closed this costs one lookup per chunk and query. Run by the daily mood job; the bench times it. `byLevel: false` is
 * the former way (each summary computes what is missing for its own unit), kept for the bench's comparison.
 * `onSummary` sees each document assembled (tests compare them with the per-unit computation).
 */
export function createMoodWarmup(deps: { db: Db; units: UnitRepository; mood: MoodService; clock: Clock; logger: Logger; chunkRoots?: number }) {
  const levels = createMoodLevelWarmup({ db: deps.db, ...(deps.chunkRoots ? { chunkRoots: deps.chunkRoots } : {}) });
  return {
    async run(
      options: { byLevel?: boolean; onSummary?: (request: MoodSummaryRequest, document: MoodSummary) => void } = {},
    ): Promise<{ summaries: number; forgotten: number; ms: number; levelReads: number; levelMs: number }> {
      const started = performance.now();
      const now = deps.clock.now();
      const forgotten = await deps.mood.forgetKept(now, KEEP_DAYS);
      const channels = await moodChannels(deps.db);
      const parents = await unitsWithChildren(deps.units);
      let levelReads = 0;
      let summaries = 0;
      let assemblingMs = 0;
      const summarize = async (summary: (request: MoodSummaryRequest) => Promise<MoodSummary>, request: MoodSummaryRequest) => {
        try {
          // Built first, then shown: `onSummary?.(…, await summary(…))` would skip building it when nobody watches
          // (an optional call does not evaluate its arguments), and the daily job passes no `onSummary` (D-mood-21).
          const document = await summary(request);
          options.onSummary?.(request, document);
          summaries++;
        } catch (error) {
          // A period with no completed week yet (the first days of the data) has nothing to compute.
          if (!(error instanceof AppError && error.code === 'VALIDATION_FAILED')) throw error;
        }
      };
      const viewsOf = (unit: UnitRecord, range: ReturnType<typeof dashboardPeriodRange>) =>
        [undefined, ...channels].map((channel): MoodSummaryRequest => ({ unit, ...range, channel, includeExcluded: true }));
      if (options.byLevel !== false) {
        for (const period of DASHBOARD_PERIODS) {
          const range = dashboardPeriodRange(period, now);
          const snapped = publishedOrNull(range, now);
          if (!snapped) continue;
          const assemble = async (chunk: LevelChunk) => {
            const assemblingStarted = performance.now();
            const summary = deps.mood.summariesFrom(chunk.answers);
            for (const unit of chunk.units) for (const request of viewsOf(unit, range)) await summarize(summary, request);
            assemblingMs += performance.now() - assemblingStarted;
          };
          levelReads += (await levels.keep(parents, { ...snapped, bucket: range.bucket }, channels, assemble)).reads;
        }
      } else {
        for (const unit of parents) for (const period of DASHBOARD_PERIODS) for (const request of viewsOf(unit, dashboardPeriodRange(period, now))) await summarize(deps.mood.summary, request);
      }
      const ms = Math.round(performance.now() - started);
      // The reads by level and their keeping: the whole job but the assembling of the summaries.
      const levelMs = options.byLevel !== false ? Math.round(ms - assemblingMs) : 0;
      deps.logger.info({ summaries, forgotten, ms, levelReads, levelMs }, 'mood summaries computed ahead');
      return { summaries, forgotten, ms, levelReads, levelMs };
    },
  };
}

/** The period a summary of `range` covers, or null when it has none (no completed week yet, or too long): left to the summaries. */
function publishedOrNull(range: { from: string; to: string }, now: Date): { from: string; to: string; previous: { from: string; to: string } } | null {
  try {
    const period = publishedPeriodOf(range, now);
    assertPeriodLength(period.from, period.to);
    assertPeriodLength(period.previous.from, period.previous.to);
    return period;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return null;
    throw error;
  }
}

/** The units that have units below them, top down: the summaries worth computing ahead. One read of the tree. */
async function unitsWithChildren(units: UnitRepository): Promise<UnitRecord[]> {
  const all = await units.listSubtree('/');
  const parents = new Set(all.map((unit) => unit.parentId));
  const depth = (unit: UnitRecord) => unit.path.length;
  return all.filter((unit) => parents.has(unit.id)).sort((a, b) => depth(a) - depth(b) || a.code.localeCompare(b.code));
}
