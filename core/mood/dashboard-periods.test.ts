import { DASHBOARD_PERIODS, dashboardPeriodRange, vietnamToday } from './dashboard-periods.js';

describe('dashboard periods', () => {
  it('turns the day at midnight in Vietnam (17:00 UTC), not at the machine’s midnight', () => {
    expect(vietnamToday(new Date('2026-03-31T16:59:00Z')).toISOString().slice(0, 10)).toBe('2026-03-31');
    expect(vietnamToday(new Date('2026-03-31T17:00:00Z')).toISOString().slice(0, 10)).toBe('2026-04-01');
  });

  it('sends the request of each period for a day in Vietnam', () => {
    const now = new Date('2026-03-15T03:00:00Z');
    expect(DASHBOARD_PERIODS.map((period) => dashboardPeriodRange(period, now))).toEqual([
      { from: '2026-02-13', to: '2026-03-15', bucket: 'week' },
      { from: '2026-02-01', to: '2026-02-28', bucket: 'week' },
      { from: '2025-12-01', to: '2026-03-15', bucket: 'week' },
      { from: '2025-03-01', to: '2026-03-15', bucket: 'month' },
    ]);
  });

  it('finds the previous month across a new year', () => {
    expect(dashboardPeriodRange('prev_month', new Date('2026-01-10T00:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31', bucket: 'week' });
  });
});
