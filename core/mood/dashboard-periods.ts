/**
 * The periods the dashboard offers (the admin app's period picker uses these very functions): what a leader opens
 * without choosing dates. The daily job computes these
 * summaries ahead (D-mood-12), so the views leaders open most are answered from kept figures.
 */
export const DASHBOARD_PERIODS = ['30d', 'prev_month', '90d', '365d'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Today in Vietnam (UTC+7) as a UTC midnight, whatever the machine's or the browser's timezone. */
export function vietnamToday(now: Date): Date {
  return new Date(Date.parse(`${new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`));
}

/** The request the dashboard sends for `period` on `now` (Vietnam's calendar). */
export function dashboardPeriodRange(period: DashboardPeriod, now: Date): { from: string; to: string; bucket: 'week' | 'month' } {
  const today = vietnamToday(now);
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
      return { from: iso(new Date(today.getTime() - 30 * DAY_MS)), to: iso(today), bucket: 'week' };
  }
}
