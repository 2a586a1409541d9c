import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { DeadLetterPageSchema } from '../../../../core/contracts/dead-letter-api';
import { api } from '../../shared/api/api-client';

export type DeadLetterDirection = 'all' | 'in' | 'out';

export const deadLetterKeys = {
  all: ['dead-letters'] as const,
  list: (direction: DeadLetterDirection) => ['dead-letters', direction] as const,
};

const PAGE_SIZE = 30;

export const deadLettersQuery = (direction: DeadLetterDirection) =>
  infiniteQueryOptions({
    queryKey: deadLetterKeys.list(direction),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) => api.get('/api/admin/dead-letters', DeadLetterPageSchema, { query: { direction, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const RetryResponseSchema = z.object({ id: z.string(), direction: z.enum(['in', 'out']), status: z.string() });

/** `POST /api/admin/dead-letters/:id/retry`: back in line once; a second retry answers 409. */
export function useRetryDeadLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/admin/dead-letters/${encodeURIComponent(id)}/retry`, RetryResponseSchema, { body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: deadLetterKeys.all }),
  });
}
