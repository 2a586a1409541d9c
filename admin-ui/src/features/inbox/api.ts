import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client';
import { ConversationListSchema, type InboxView } from './contract';

export * from './contract';

export interface InboxFilters {
  unit?: string;
  channel?: string;
  topic?: string;
  urgent?: boolean;
}

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
      api.get('/api/admin/conversations', ConversationListSchema, {
        query: { view, unit: filters.unit, channel: filters.channel, topic: filters.topic, urgent: filters.urgent ? true : undefined, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useClaimConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/admin/conversations/${encodeURIComponent(id)}/claim`, null, { body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
