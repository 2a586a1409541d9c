import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { HandoffStatsRepository } from '../storage/repositories/handoff-stats-repository.js';
import type { MoodReportRepository } from '../storage/repositories/mood-report-repository.js';
import { vietnamDay } from '../storage/repositories/turn-commit.js';
import type { UnitRepository } from '../storage/repositories/unit-repository.js';
import type { MoodService } from './mood-service.js';

const BATCH = 100;

/** The first day of the month before the one holding `day`. */
export function previousMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
}

export function monthLastDay(month: string): string {
  const date = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

export type MonthlyReports = ReturnType<typeof createMonthlyReports>;

/**
 * The reports that replace the manual monthly reporting (issue #10 item 6, docs/decisions.md D-mood-9): on the 1st,
 * every unit's subtree summary of the month before is computed with the dashboard's own code (k-anonymity and all)
 * and stored. Units that already have the month's report are skipped, so a restart, a retried job or a second
 * worker only finish what is missing; the unique (unit, month) key keeps the first copy if two race. The report also
 * carries the month's hand-off statistics (D-mood-11).
 */
export function createMonthlyReports(deps: { reports: MoodReportRepository; units: UnitRepository; mood: MoodService; handoffs: HandoffStatsRepository; clock: Clock; logger: Logger }) {
  const generate = async (month: string): Promise<{ month: string; created: number }> => {
      const to = monthLastDay(month);
      let created = 0;
      for (;;) {
        const batch = await deps.reports.unitsWithout(month, BATCH);
        if (batch.length === 0) break;
        for (const { id } of batch) {
          const unit = await deps.units.findById(id);
          if (!unit) continue;
          const summary = await deps.mood.summary({ unit, from: month, to, bucket: 'week', includeExcluded: false });
          const document = { ...summary, handoffs: await deps.handoffs.stats(unit, summary.from, summary.to) };
          if (await deps.reports.insert(unit.id, month, document, deps.clock.now())) created++;
        }
      }
      deps.logger.info({ month, created }, 'mood monthly reports stored');
      return { month, created };
  };

  return {
    generate,

    /**
     * Files again the stored reports of the months from `fromMonth` to `toMonth`, for a history rewritten after the
     * fact (`demo generate` writes into the past): the months that had reports are withdrawn and, those that have
     * ended, generated anew from today's figures. Months without a stored report stay without one. Returns the
     * months filed again.
     */
    async refile(fromMonth: string, toMonth: string): Promise<string[]> {
      const withdrawn = await deps.reports.withdrawMonths(fromMonth, toMonth);
      const currentMonth = `${vietnamDay(deps.clock.now()).slice(0, 7)}-01`;
      const refiled: string[] = [];
      for (const month of withdrawn.filter((candidate) => candidate < currentMonth)) {
        await generate(month);
        refiled.push(month);
      }
      return refiled;
    },
  };
}
