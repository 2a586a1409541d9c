/**
 * The periods a leader picks from: the same list and requests as the daily job computes ahead
 * (core/mood/dashboard-periods.ts). The server snaps every period to whole months or weeks of the month and publishes
 * completed weeks only (docs/decisions.md D-mood-7), so these are requests; the summary says what it covers.
 */
import { DASHBOARD_PERIODS, dashboardPeriodRange, vietnamToday as vietnamTodayAt, type DashboardPeriod } from '../../../../core/mood/dashboard-periods';

export const PERIODS = DASHBOARD_PERIODS;
export type Period = DashboardPeriod;

export const PERIOD_NAMES_VI: Record<Period, string> = {
  '30d': '4 tuần gần nhất',
  prev_month: 'Tháng trước',
  '90d': '3 tháng gần nhất',
  '365d': '12 tháng gần nhất',
};

/** Today in Vietnam (UTC+7), whatever the browser's timezone. */
export const vietnamToday = (now: Date = new Date()): Date => vietnamTodayAt(now);

export const periodRange = (period: Period, now: Date = new Date()) => dashboardPeriodRange(period, now);
