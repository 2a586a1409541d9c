import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { MoodSummarySchema, MoodViewPendingSchema, type MoodQuery, type MoodSummary, type MoodViewPending } from '../../../../core/contracts/mood-api';
import { api } from '../../shared/api/api-client';
import { isPending, refetchWhilePending } from '../../shared/mood/poll-delay';

export const moodKeys = {
  all: ['mood'] as const,
  summary: (query: MoodQuery) => ['mood', 'summary', query] as const,
};

/** The figures, or "computing" while a view nobody computed ahead is computed on the server (D-mood-18). */
export type MoodSummaryAnswer = MoodSummary | MoodViewPending;
const MoodSummaryAnswerSchema = z.union([MoodViewPendingSchema, MoodSummarySchema]);

export const isComputing = (answer: MoodSummaryAnswer | undefined): answer is MoodViewPending => isPending(answer);

export const moodSummaryQuery = (query: MoodQuery) =>
  queryOptions({
    queryKey: moodKeys.summary(query),
    // `Prefer: respond-async`: a view not kept yet answers 202 at once instead of holding the request for minutes.
    queryFn: ({ signal }): Promise<MoodSummaryAnswer> =>
      api.get('/api/admin/mood/summary', MoodSummaryAnswerSchema, { query: { ...query }, signal, headers: { prefer: 'respond-async' } }),
    staleTime: 60_000,
    // A failed computation is a 503, an error (QueryView offers "Thử lại"): only "computing" is asked again.
    refetchInterval: refetchWhilePending,
  });
