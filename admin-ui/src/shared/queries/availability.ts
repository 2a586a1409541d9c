import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { AvailabilityResponseSchema, type Availability, type AvailabilityResponse } from '../../../../core/contracts/inbox-api';
import { api } from '../api/api-client';

/** The signed-in officer's availability (auto-assignment only picks available officers). Shared: the top bar shows it. */
export const availabilityKeys = { me: ['me', 'availability'] as const };

export const availabilityQuery = () =>
  queryOptions({
    queryKey: availabilityKeys.me,
    queryFn: ({ signal }) => api.get('/api/admin/me/availability', AvailabilityResponseSchema, { signal }),
    staleTime: 60_000,
    retry: false,
  });

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) => api.put('/api/admin/me/availability', AvailabilityResponseSchema, { body: { availability } }),
    onSuccess: (data: AvailabilityResponse) => queryClient.setQueryData(availabilityKeys.me, data),
  });
}
