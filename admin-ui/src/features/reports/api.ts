import { queryOptions } from '@tanstack/react-query';
import { HandoffStatsSchema, MoodReportListSchema } from '../../../../core/contracts/mood-api';
import { api, buildUrl } from '../../shared/api/api-client';

export const storedReportsQuery = (query: { unit?: string; month?: string }) =>
  queryOptions({
    queryKey: ['mood', 'reports', query] as const,
    queryFn: ({ signal }) => api.get('/api/admin/mood/reports', MoodReportListSchema, { query: { ...query }, signal }),
    staleTime: 60_000,
  });

/** The stored copy of a unit's report, as generated on the 1st. */
export const storedReportUrl = (unit: string, month: string, format: 'xlsx' | 'csv') => buildUrl(`/api/admin/mood/reports/${encodeURIComponent(unit)}/${month}.${format}`);

/** The hand-off figures of a unit's subtree and period (D-mood-11). */
export const handoffStatsQuery = (query: { unit: string; from: string; to: string }) =>
  queryOptions({
    queryKey: ['mood', 'handoffs', query] as const,
    queryFn: ({ signal }) => api.get('/api/admin/mood/handoffs', HandoffStatsSchema, { query: { ...query }, signal }),
    staleTime: 60_000,
  });

export const handoffsCsvUrl = (query: { unit: string; from: string; to: string }) => buildUrl('/api/admin/mood/handoffs.csv', query);
