/**
 * When raw conversation content expires. Retention is counted in calendar months back from today's Vietnam date
 * and cut at the start of that Vietnam day (00:00 UTC+7), the same day boundary the mood rollups use, so every
 * purged message belongs to a rollup day before `horizonDay` and every kept one to a day on or after it.
 */
export interface RetentionCutoff {
  /** Messages handled before this instant are deleted. */
  cutoff: Date;
  /** The first Vietnam day whose raw messages are all still stored (YYYY-MM-DD). */
  horizonDay: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function retentionCutoff(now: Date, months: number): RetentionCutoff {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`retention must be a whole number of months ≥ 1, got ${months}`);
  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() - months;
  // 31 March minus one month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay)));
  const horizonDay = day.toISOString().slice(0, 10);
  return { cutoff: new Date(`${horizonDay}T00:00:00+07:00`), horizonDay };
}
