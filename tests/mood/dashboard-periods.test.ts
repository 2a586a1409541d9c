import { periodRange, PERIODS } from '../../admin-ui/src/shared/mood/period.js';
import { DASHBOARD_PERIODS, dashboardPeriodRange } from '../../core/mood/dashboard-periods.js';

// The daily job computes ahead the summaries the dashboard asks for (D-mood-12): both must name the same periods.
describe('the periods computed ahead are the dashboard’s', () => {
  it('lists the same periods and sends the same requests on any day and hour', () => {
    expect([...DASHBOARD_PERIODS]).toEqual([...PERIODS]);
    for (let day = 0; day < 800; day += 3) {
      for (const hour of [0, 16, 17, 23]) {
        const now = new Date(Date.UTC(2025, 0, 1 + day, hour, 30));
        for (const period of PERIODS) expect(dashboardPeriodRange(period, now)).toEqual(periodRange(period, now));
      }
    }
  });
});
