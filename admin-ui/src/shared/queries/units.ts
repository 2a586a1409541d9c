import { queryOptions } from '@tanstack/react-query';
import { UnitsResponseSchema } from '../../../../core/contracts/admin-api';
import { api } from '../api/api-client';

/**
 * The user's part of the union hierarchy (their unit and every unit below it). Shared because several
 * features need it: the settings page lists it, the inbox and the dashboard filter and drill down by it.
 */
export const unitKeys = { subtree: ['units', 'subtree'] as const };

export const unitSubtreeQuery = () =>
  queryOptions({
    queryKey: unitKeys.subtree,
    queryFn: ({ signal }) => api.get('/api/admin/units', UnitsResponseSchema, { signal }),
    // The hierarchy changes by import a few times a year.
    staleTime: 5 * 60_000,
  });
