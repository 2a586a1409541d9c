import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api/api-client';

export type Availability = 'available' | 'away';
const AvailabilitySchema = z.object({ availability: z.enum(['available', 'away']) });

/** The signed-in officer's availability (auto-assignment only picks available officers). Shared: the top bar shows it. */
export const availabilityKeys = { me: ['me', 'availability'] as const };

export const availabilityQuery = () =>
  queryOptions({
    queryKey: availabilityKeys.me,
    queryFn: ({ signal }) => api.get('/api/admin/me/availability', AvailabilitySchema, { signal }),
    staleTime: 60_000,
    retry: false,
  });

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) => api.put('/api/admin/me/availability', z.unknown(), { body: { availability } }),
    onSuccess: (_data, availability) => queryClient.setQueryData(availabilityKeys.me, { availability }),
  });
}
