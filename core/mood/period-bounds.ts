import { AppError } from '../errors/app-error.js';

/** Longest period one summary or hand-off report may cover: two years and a bit, what the dashboard and reports ask. */
export const MAX_PERIOD_DAYS = 800;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Refuses a period (YYYY-MM-DD days) that ends before it starts. */
export function assertPeriodOrder(from: string, to: string): void {
  if (from > to) throw new AppError('VALIDATION_FAILED', 'the period ends before it starts', { fields: [{ path: 'to', message: 'phải từ ngày bắt đầu trở đi' }] });
}

/** Refuses a period longer than MAX_PERIOD_DAYS: it would read years of figures for one request. */
export function assertPeriodLength(from: string, to: string): void {
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) {
    throw new AppError('VALIDATION_FAILED', `a period is at most ${MAX_PERIOD_DAYS} days`, { fields: [{ path: 'from', message: `tối đa ${MAX_PERIOD_DAYS} ngày` }] });
  }
}
