import { AppError } from '../../core/errors/app-error.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Db } from '../storage/database.js';
import { moodChannels } from '../storage/repositories/mood-repository.js';
import type { UnitRecord, UnitRepository } from '../storage/repositories/unit-repository.js';
import type { MoodService } from './mood-service.js';

/** Kept answers not written again for this long are dropped: the dashboard's periods move on every month. */
const KEEP_DAYS = 40;

export type MoodWarmup = ReturnType<typeof createMoodWarmup>;

/**
 * Computes ahead the summaries leaders open without choosing dates (docs/decisions.md D-mood-12): every unit that
 * has units below it (a grassroots union's own summary is small enough to compute when asked), the dashboard's four
 * periods, all channels and each channel. Figures already kept are read, not recomputed, so on a day when no week
 * closed this costs one lookup per view. Run by the daily mood job; the bench times it.
 */
export function createMoodWarmup(deps: { db: Db; units: UnitRepository; mood: MoodService; clock: Clock; logger: Logger }) {
  return {
    async run(): Promise<{ summaries: number; forgotten: number; ms: number }> {
      const started = performance.now();
      const now = deps.clock.now();
      const forgotten = await deps.mood.forgetKept(now, KEEP_DAYS);
      const channels = await moodChannels(deps.db);
      let summaries = 0;
      for (const unit of await unitsWithChildren(deps.units)) {
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
      deps.logger.info({ summaries, forgotten, ms }, 'mood summaries computed ahead');
      return { summaries, forgotten, ms };
    },
  };
}

/** The units that have units below them, top down: the summaries worth computing ahead. One read of the tree. */
async function unitsWithChildren(units: UnitRepository): Promise<UnitRecord[]> {
  const all = await units.listSubtree('/');
  const parents = new Set(all.map((unit) => unit.parentId));
  const depth = (unit: UnitRecord) => unit.path.length;
  return all.filter((unit) => parents.has(unit.id)).sort((a, b) => depth(a) - depth(b) || a.code.localeCompare(b.code));
}
