import { retentionCutoff } from './retention.js';

describe('retentionCutoff', () => {
  it('counts whole months back from the Vietnam date and cuts at 00:00 UTC+7', () => {
    expect(retentionCutoff(new Date('2026-12-03T10:00:00Z'), 24)).toEqual({ cutoff: new Date('2024-12-02T17:00:00Z'), horizonDay: '2024-12-03' });
  });

  it('uses the Vietnam date, which is already tomorrow after 17:00 UTC', () => {
    expect(retentionCutoff(new Date('2026-12-03T17:30:00Z'), 1).horizonDay).toBe('2026-11-04');
  });

  it('clamps to the end of a shorter month and crosses years', () => {
    expect(retentionCutoff(new Date('2026-03-31T05:00:00Z'), 1).horizonDay).toBe('2026-02-28');
    expect(retentionCutoff(new Date('2028-03-31T05:00:00Z'), 1).horizonDay).toBe('2028-02-29');
    expect(retentionCutoff(new Date('2026-01-15T05:00:00Z'), 13).horizonDay).toBe('2024-12-15');
  });

  it('refuses a period that is not a positive whole number of months', () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow(RangeError);
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow(RangeError);
  });
});
