import { queryOptions } from '@tanstack/react-query';
import { MoodAlertCountSchema } from '../../../../core/contracts/mood-api';
import { api } from '../api/api-client';

/** Under ['mood', …]: acknowledging or resolving an alert on the dashboard invalidates it with the rest. */
export const alertCountKey = ['mood', 'alerts', 'count'] as const;

/** Alerts are made once a day: a minute's delay is plenty, and the count is one small query. */
const POLL_MS = 60_000;

/** The early-warning alerts of the user's subtree (issue #10 item 5): new ones badge the navigation and the inbox. */
export const alertCountQuery = () =>
  queryOptions({
    queryKey: alertCountKey,
    queryFn: ({ signal }) => api.get('/api/admin/mood/alerts/count', MoodAlertCountSchema, { signal }),
    refetchInterval: POLL_MS,
    staleTime: 30_000,
    retry: false,
  });
