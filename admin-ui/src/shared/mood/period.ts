/** The periods a leader picks from: whole weeks and months, like the reports they already read (D-mood-3). */
export const PERIODS = ['30d', 'month', 'prev_month', '90d', '365d'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_NAMES_VI: Record<Period, string> = {
  '30d': '30 ngày qua',
  month: 'Tháng này',
  prev_month: 'Tháng trước',
  '90d': '3 tháng qua',
  '365d': '12 tháng qua',
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
    case 'month':
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(today), bucket: 'week' };
    case 'prev_month':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))), bucket: 'week' };
    case '90d':
      return { from: daysBack(89), to: iso(today), bucket: 'week' };
    case '365d':
      return { from: iso(new Date(Date.UTC(y - 1, m + 1, 1))), to: iso(today), bucket: 'month' };
    default:
      return { from: daysBack(29), to: iso(today), bucket: 'week' };
  }
}
