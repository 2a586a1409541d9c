import { AppError } from '../../core/errors/app-error.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';
import { assertPeriodLength } from '../../core/mood/period-bounds.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Db } from '../storage/database.js';
import { moodChannels } from '../storage/repositories/mood-repository.js';
import type { UnitRecord, UnitRepository } from '../storage/repositories/unit-repository.js';
import { createMoodLevelWarmup } from './mood-level-warmup.js';
import { publishedPeriodOf, type MoodService } from './mood-service.js';

/** Kept answers not written again for this long are dropped: the dashboard's periods move on every month. */
const KEEP_DAYS = 40;

export type MoodWarmup = ReturnType<typeof createMoodWarmup>;

/**
 * Computes ahead the summaries leaders open without choosing dates (docs/decisions.md D-mood-12): every unit that
 * has units below it (a grassroots union's own summary is small enough to compute when asked), the dashboard's four
 * periods, all channels and each channel. First, for each period, the figures of every such unit are computed by
 * level — one read per depth of the tree instead of one per unit (D-mood-15) — and kept under the summary's own keys;
 * then each summary is asked for, and reads them. Figures already kept are read, not recomputed, so on a day when no
 * week closed this costs one lookup per view. Run by the daily mood job; the bench times it. `byLevel: false` is the
 * former way (each summary computes what is missing for its own unit), kept for the bench's comparison.
 */
export function createMoodWarmup(deps: { db: Db; units: UnitRepository; mood: MoodService; clock: Clock; logger: Logger }) {
  const levels = createMoodLevelWarmup({ db: deps.db });
  return {
    async run(options: { byLevel?: boolean } = {}): Promise<{ summaries: number; forgotten: number; ms: number; levelReads: number; levelMs: number }> {
      const started = performance.now();
      const now = deps.clock.now();
      const forgotten = await deps.mood.forgetKept(now, KEEP_DAYS);
      const channels = await moodChannels(deps.db);
      const parents = await unitsWithChildren(deps.units);
      let levelReads = 0;
      if (options.byLevel !== false) {
        for (const period of DASHBOARD_PERIODS) {
          const range = dashboardPeriodRange(period, now);
          const snapped = publishedOrNull(range, now);
          if (snapped) levelReads += (await levels.keep(parents, { ...snapped, bucket: range.bucket }, channels)).reads;
        }
      }
      const levelMs = Math.round(performance.now() - started);
      let summaries = 0;
      for (const unit of parents) {
        for (const period of DASHBOARD_PERIODS) {
          for (const channel of [undefined, ...channels]) {
            try {
              await deps.mood.summary({ unit, ...dashboardPeriodRange(period, now), channel, includeExcluded: true });
              summaries++;
            } catch (error) {
              // A period with no completed week yet (the first days of the data) has nothing to compute.
              if (!(error instanceof AppError && error.code === 'VALIDATION_FAILED')) throw error;
            }
          }
        }
      }
      const ms = Math.round(performance.now() - started);
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
