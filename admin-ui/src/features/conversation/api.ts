import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ConversationDetailDtoSchema,
  InboxActionResponseSchema,
  NoteResponseSchema,
  OfficerReplyResponseSchema,
  SuggestionResponseSchema,
  TransferTargetsResponseSchema,
  type CloseResolution,
  type TransferBody,
} from '../../../../core/contracts/inbox-api';
import { api } from '../../shared/api/api-client';
import { inboxKeys } from '../inbox/api';

/** Query keys of one conversation; any write refetches it and the inbox lists. */
export const conversationKeys = {
  all: ['conversation'] as const,
  detail: (id: string) => ['conversation', id, 'detail'] as const,
  suggestion: (id: string) => ['conversation', id, 'suggestion'] as const,
  transferTargets: (id: string) => ['conversation', id, 'transfer-targets'] as const,
};

const path = (id: string, rest = '') => `/api/admin/conversations/${encodeURIComponent(id)}${rest}`;

export const conversationQuery = (id: string) =>
  queryOptions({ queryKey: conversationKeys.detail(id), queryFn: ({ signal }) => api.get(path(id), ConversationDetailDtoSchema, { signal }) });

/** Fetched only when the officer asks for it (it runs the knowledge search), never kept stale across messages. */
export const suggestionQuery = (id: string) =>
  queryOptions({ queryKey: conversationKeys.suggestion(id), queryFn: ({ signal }) => api.get(path(id, '/suggestion'), SuggestionResponseSchema, { signal }), enabled: false, staleTime: 0, gcTime: 0 });

export const transferTargetsQuery = (id: string) =>
  queryOptions({ queryKey: conversationKeys.transferTargets(id), queryFn: ({ signal }) => api.get(path(id, '/transfer-targets'), TransferTargetsResponseSchema, { signal }) });

function useAction<Args, Result>(id: string, run: (args: Args) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: inboxKeys.all })]),
  });
}

/** Every action on a conversation: afterwards the conversation and the lists are fetched again. */
export function useConversationActions(id: string) {
  return {
    claim: useAction(id, () => api.post(path(id, '/claim'), InboxActionResponseSchema, { body: {} })),
    reply: useAction(id, (body: { text: string; clientId: string }) => api.post(path(id, '/messages'), OfficerReplyResponseSchema, { body })),
    retry: useAction(id, (messageId: string) => api.post(path(id, `/messages/${encodeURIComponent(messageId)}/retry`), null, { body: {} })),
    note: useAction(id, (text: string) => api.post(path(id, '/notes'), NoteResponseSchema, { body: { text } })),
    transfer: useAction(id, (body: TransferBody) => api.post(path(id, '/transfer'), InboxActionResponseSchema, { body })),
    returnToBot: useAction(id, () => api.post(path(id, '/return'), InboxActionResponseSchema, { body: {} })),
    close: useAction(id, (resolution: CloseResolution) => api.post(path(id, '/close'), InboxActionResponseSchema, { body: { resolution } })),
    markRead: useAction(id, () => api.post(path(id, '/read'), InboxActionResponseSchema, { body: {} })),
  };
}

export type ConversationActions = ReturnType<typeof useConversationActions>;
