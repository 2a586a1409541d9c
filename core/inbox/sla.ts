/**
 * How long an unclaimed hand-off may wait in a unit's queue before it escalates to the parent unit
 * (issue #9 §3). The unit may override both defaults (units.sla_minutes / urgent_sla_minutes); a unit without
 * its own figure uses the nearest ancestor's, then these defaults.
 */
export const DEFAULT_SLA_MINUTES = 30;
export const DEFAULT_URGENT_SLA_MINUTES = 10;

export interface UnitSla {
  slaMinutes: number | null;
  urgentSlaMinutes: number | null;
}

/** The minutes that apply: the first unit in `chain` (self, then ancestors) that sets one, else the default. */
export function slaMinutesFor(chain: readonly UnitSla[], urgent: boolean): number {
  for (const unit of chain) {
    const minutes = urgent ? unit.urgentSlaMinutes : unit.slaMinutes;
    if (minutes !== null && minutes > 0) return minutes;
  }
  return urgent ? DEFAULT_URGENT_SLA_MINUTES : DEFAULT_SLA_MINUTES;
}

/**
 * Adds `minutes` of waiting to `from`. The clock is the wall clock (D-inboxapi-3): an office-hours
 * calendar can replace it through `addWorkingMinutes` without changing callers.
 */
export function slaDueAt(from: Date, minutes: number, addWorkingMinutes?: (from: Date, minutes: number) => Date): Date {
  return addWorkingMinutes ? addWorkingMinutes(from, minutes) : new Date(from.getTime() + minutes * 60_000);
}
