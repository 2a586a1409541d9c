import { AppError } from '../errors/app-error.js';
import { assertPeriodLength, assertPeriodOrder, MAX_PERIOD_DAYS } from './period-bounds.js';

const code = (work: () => void) => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
};

describe('period bounds', () => {
  it('refuses a period that ends before it starts, and accepts a single day', () => {
    expect(code(() => assertPeriodOrder('2026-11-02', '2026-11-01'))).toBe('VALIDATION_FAILED');
    expect(code(() => assertPeriodOrder('2026-11-01', '2026-11-01'))).toBeNull();
  });

  it(`accepts ${MAX_PERIOD_DAYS} days and refuses one more`, () => {
    expect(code(() => assertPeriodLength('2024-01-01', '2026-03-11'))).toBeNull(); // 800 days
    expect(code(() => assertPeriodLength('2024-01-01', '2026-03-12'))).toBe('VALIDATION_FAILED');
  });
});
