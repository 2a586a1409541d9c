import { queryOptions } from '@tanstack/react-query';
import { MoodSummarySchema, type MoodQuery } from '../../../../core/contracts/mood-api';
import { api } from '../../shared/api/api-client';

export const moodKeys = {
  all: ['mood'] as const,
  summary: (query: MoodQuery) => ['mood', 'summary', query] as const,
};

export const moodSummaryQuery = (query: MoodQuery) =>
  queryOptions({
    queryKey: moodKeys.summary(query),
    queryFn: ({ signal }) => api.get('/api/admin/mood/summary', MoodSummarySchema, { query: { ...query }, signal }),
    staleTime: 60_000,
  });
