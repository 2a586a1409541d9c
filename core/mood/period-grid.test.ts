import { lastPublishedDay, segmentStart, snapPeriod, snapPublishedPeriod } from './period-grid.js';

describe('mood period grid', () => {
  it('snaps a period starting on the 1st to whole calendar months, with the months before as the previous period', () => {
    expect(snapPeriod('2026-10-01', '2026-10-10')).toEqual({ from: '2026-10-01', to: '2026-10-31', grid: 'month', previous: { from: '2026-09-01', to: '2026-09-30' } });
    expect(snapPeriod('2026-01-01', '2026-03-15')).toMatchObject({ to: '2026-03-31', previous: { from: '2025-10-01', to: '2025-12-31' } });
  });
  it('snaps any other period outward to whole weeks of the month (1–7, 8–14, 15–21, 22–end)', () => {
    expect(snapPeriod('2026-10-09', '2026-10-20')).toEqual({ from: '2026-10-08', to: '2026-10-21', grid: 'week', previous: { from: '2026-09-22', to: '2026-10-07' } });
    expect(snapPeriod('2026-02-25', '2026-03-02')).toMatchObject({ from: '2026-02-22', to: '2026-03-07', previous: { from: '2026-02-08', to: '2026-02-21' } });
    expect(snapPeriod('2026-10-30', '2026-10-30')).toMatchObject({ from: '2026-10-22', to: '2026-10-31' });
  });
  it('puts every day in the week of the month that starts on the 1st, 8th, 15th or 22nd', () => {
    expect(['2026-11-01', '2026-11-07', '2026-11-08', '2026-11-21', '2026-11-30'].map(segmentStart)).toEqual(['2026-11-01', '2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']);
  });
  it('gives two requests a day apart the same period once they snap (a few days cannot be differenced)', () => {
    expect(snapPeriod('2026-10-09', '2026-10-20')).toEqual(snapPeriod('2026-10-10', '2026-10-21'));
  });
});

describe('published periods', () => {
  it('ends the figures before the week of the month in progress', () => {
    expect(lastPublishedDay('2026-12-03')).toBe('2026-11-30');
    expect(lastPublishedDay('2026-12-20')).toBe('2026-12-14');
  });
  it('cuts a period back to the last completed week, as a run of weeks, or refuses one not begun', () => {
    expect(snapPublishedPeriod('2026-11-04', '2026-12-03', '2026-11-30')).toMatchObject({ from: '2026-11-01', to: '2026-11-30', grid: 'week' });
    expect(snapPublishedPeriod('2026-11-01', '2026-12-03', '2026-11-30')).toMatchObject({ from: '2026-11-01', to: '2026-11-30', grid: 'month', previous: { from: '2026-10-01' } });
    expect(snapPublishedPeriod('2026-12-01', '2026-12-20', '2026-12-14')).toEqual({ from: '2026-12-01', to: '2026-12-14', grid: 'week', previous: { from: '2026-11-15', to: '2026-11-30' } });
    expect(snapPublishedPeriod('2026-12-01', '2026-12-03', '2026-11-30')).toBeNull();
    expect(snapPublishedPeriod('2026-10-01', '2026-10-31', '2026-11-30')).toMatchObject({ from: '2026-10-01', to: '2026-10-31', grid: 'month' });
  });
});
