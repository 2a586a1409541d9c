/**
 * The periods a leader picks from. The server snaps every period to whole months or weeks of the month and publishes
 * completed weeks only (docs/decisions.md D-mood-7), so these are requests; the summary says what it covers.
 */
export const PERIODS = ['30d', 'prev_month', '90d', '365d'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_NAMES_VI: Record<Period, string> = {
  '30d': '4 tuần gần nhất',
  prev_month: 'Tháng trước',
  '90d': '3 tháng gần nhất',
  '365d': '12 tháng gần nhất',
};

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Today in Vietnam (UTC+7), whatever the browser's timezone. */
export function vietnamToday(now: Date = new Date()): Date {
  return new Date(Date.parse(`${new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`));
}

export function periodRange(period: Period, now: Date = new Date()): { from: string; to: string; bucket: 'week' | 'month' } {
  const today = vietnamToday(now);
  const daysBack = (n: number) => iso(new Date(today.getTime() - n * 86_400_000));
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  switch (period) {
    case 'prev_month':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))), bucket: 'week' };
    case '90d':
      return { from: iso(new Date(Date.UTC(y, m - 3, 1))), to: iso(today), bucket: 'week' };
    case '365d':
      return { from: iso(new Date(Date.UTC(y, m - 12, 1))), to: iso(today), bucket: 'month' };
    default:
      return { from: daysBack(30), to: iso(today), bucket: 'week' };
  }
}
