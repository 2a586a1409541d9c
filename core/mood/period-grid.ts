/**
 * Mood periods are snapped to a fixed grid (issue #10 item 4, docs/decisions.md D-mood-7). With arbitrary dates a
 * reader could ask for 1–10 and 1–11 of a month and subtract: the difference is one day, often a group below k.
 * On the grid any two periods differ by whole *weeks of the month*, and the summary hides every figure whose first
 * or last week is a group below k (so a difference of two nested periods is always 0 or ≥ k members).
 *
 * - The grid's unit is the week of the month: days 1–7, 8–14, 15–21 and 22 to the month's end (7 to 10 days), the
 *   way monthly reports are split. Calendar weeks (Monday–Sunday) straddle months and would cut a month's first
 *   or last days into segments of one or two days, tiny groups that would hide whole months.
 * - A period that starts on the 1st of a month is a run of whole calendar months (`to` goes to the end of its
 *   month): the months unions report by. Any other period is a run of whole weeks of the month.
 */
export type PeriodGrid = 'week' | 'month';

export interface SnappedPeriod {
  from: string;
  to: string;
  grid: PeriodGrid;
  /** The period of the same length just before (same grid), for "change against the previous period". */
  previous: { from: string; to: string };
}

const parse = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The week of the month as one running number: 4 × months since year 0 + (0…3). */
function weekIndex(day: string): number {
  const date = parse(day);
  return (date.getUTCFullYear() * 12 + date.getUTCMonth()) * 4 + Math.min(3, Math.floor((date.getUTCDate() - 1) / 7));
}

function weekFirstDay(index: number): string {
  const month = Math.floor(index / 4);
  return iso(new Date(Date.UTC(Math.floor(month / 12), month % 12, 1 + (index % 4) * 7)));
}

function weekLastDay(index: number): string {
  if (index % 4 === 3) return monthEnd(weekFirstDay(index));
  return iso(new Date(parse(weekFirstDay(index)).getTime() + 6 * 86_400_000));
}

/** The first day of the week of the month holding `day` (1, 8, 15 or 22); the SQL twin is in the mood repository. */
export function segmentStart(day: string): string {
  return weekFirstDay(weekIndex(day));
}

export function monthEnd(day: string): string {
  const date = parse(day);
  return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

function shiftMonths(day: string, months: number): string {
  const date = parse(day);
  return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/**
 * The last day whose figures are published on `today`: the day before the week of the month in progress. A week
 * still filling up would let a reader who opens the same view on two days subtract the members who wrote in
 * between, and its first days are small groups that would hide the whole period.
 */
export function lastPublishedDay(today: string): string {
  return iso(new Date(parse(segmentStart(today)).getTime() - 86_400_000));
}

/**
 * Snaps a requested period outward to the grid, then cuts it back to `lastPublished` (a week boundary) when it
 * reaches further; null when nothing of it is published yet. `from` ≤ `to` is the caller's check.
 */
export function snapPublishedPeriod(from: string, to: string, lastPublished: string): SnappedPeriod | null {
  const snapped = snapPeriod(from, to);
  if (snapped.to <= lastPublished) return snapped;
  if (snapped.from > lastPublished) return null;
  if (snapped.grid === 'month' && lastPublished === monthEnd(lastPublished)) return snapPeriod(snapped.from, lastPublished);
  return snapPeriod(nextDayIfFirst(snapped.from), lastPublished);
}

/** A period starting on the 1st but cut within a month is a run of weeks that happens to start on the 1st. */
function nextDayIfFirst(day: string): string {
  return day.endsWith('-01') ? `${day.slice(0, 8)}02` : day;
}

/** Snaps a requested period outward to the grid. `from` ≤ `to` is the caller's check. */
export function snapPeriod(from: string, to: string): SnappedPeriod {
  if (from.endsWith('-01')) {
    const end = monthEnd(to);
    const months = Math.floor(weekIndex(end) / 4) - Math.floor(weekIndex(from) / 4) + 1;
    return { from, to: end, grid: 'month', previous: { from: shiftMonths(from, -months), to: iso(new Date(parse(from).getTime() - 86_400_000)) } };
  }
  const first = weekIndex(from);
  const last = weekIndex(to);
  const weeks = last - first + 1;
  return { from: weekFirstDay(first), to: weekLastDay(last), grid: 'week', previous: { from: weekFirstDay(first - weeks), to: weekLastDay(first - 1) } };
}
