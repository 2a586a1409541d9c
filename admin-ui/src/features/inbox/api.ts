import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { InboxActionResponseSchema, InboxListResponseSchema, type InboxListQuery, type InboxView } from '../../../../core/contracts/inbox-api';
import { api } from '../../shared/api/api-client';

/** The list's filters as the page keeps them in the URL. */
export type InboxFilters = Pick<InboxListQuery, 'unit' | 'channel' | 'topic' | 'urgent'>;

/** Query keys of the inbox; the conversation view invalidates `inboxKeys.all` after a claim, reply or close. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (view: InboxView, filters: InboxFilters) => ['inbox', 'list', view, filters] as const,
};

/** While the live stream is down the list polls, so an officer never waits on a silent screen. */
export const OFFLINE_POLL_MS = 20_000;

export const conversationListQuery = (view: InboxView, filters: InboxFilters) =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(view, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api.get('/api/admin/conversations', InboxListResponseSchema, {
        query: { view, unit: filters.unit, channel: filters.channel, topic: filters.topic, urgent: filters.urgent ? true : undefined, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** `POST …/:id/claim`: 200 with the row, or 409 CONVERSATION_CLAIMED naming the holder (see claimHolder). */
export function useClaimConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/admin/conversations/${encodeURIComponent(id)}/claim`, InboxActionResponseSchema, { body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
