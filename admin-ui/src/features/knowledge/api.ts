import { queryOptions } from '@tanstack/react-query';
import {
  FaqDeleteResponseSchema,
  FaqEntryDtoSchema,
  FaqHistoryResponseSchema,
  FaqListResponseSchema,
  FaqProposalAcceptResponseSchema,
  FaqProposalDtoSchema,
  FaqProposalListResponseSchema,
  FaqSimilarResponseSchema,
  FaqUndoResponseSchema,
  FaqWriteResponseSchema,
  LawSearchResponseSchema,
  LearningActionResponseSchema,
  LearningListResponseSchema,
  type FaqCreateRequest,
  type FaqListQuery,
  type FaqUpdateRequest,
  type Relabel,
} from '../../../../core/contracts/knowledge-api';
import { api } from '../../shared/api/api-client';

export type LearningStatus = 'open' | 'resolved' | 'dismissed';
export type ProposalStatus = 'open' | 'accepted' | 'rejected';

/** Query keys of the knowledge desk: invalidate `knowledgeKeys.all` after any FAQ or queue change. */
export const knowledgeKeys = {
  all: ['knowledge'] as const,
  faqList: (query: FaqListQuery) => ['knowledge', 'faq', 'list', query] as const,
  faqEntry: (id: string) => ['knowledge', 'faq', 'entry', id] as const,
  faqHistory: (id: string) => ['knowledge', 'faq', 'history', id] as const,
  similar: (text: string) => ['knowledge', 'faq', 'similar', text] as const,
  proposals: (status: ProposalStatus) => ['knowledge', 'proposals', status] as const,
  learning: (status: LearningStatus) => ['knowledge', 'learning', status] as const,
  law: (q: string) => ['knowledge', 'law', q] as const,
};

const id = (value: string) => encodeURIComponent(value);

export const faqListQuery = (query: FaqListQuery) =>
  queryOptions({ queryKey: knowledgeKeys.faqList(query), queryFn: ({ signal }) => api.get('/api/admin/faq', FaqListResponseSchema, { query: { ...query }, signal }) });
export const faqEntryQuery = (entryId: string) =>
  queryOptions({ queryKey: knowledgeKeys.faqEntry(entryId), queryFn: ({ signal }) => api.get(`/api/admin/faq/${id(entryId)}`, FaqEntryDtoSchema, { signal }) });
export const faqHistoryQuery = (entryId: string) =>
  queryOptions({ queryKey: knowledgeKeys.faqHistory(entryId), queryFn: ({ signal }) => api.get(`/api/admin/faq/${id(entryId)}/history`, FaqHistoryResponseSchema, { signal }) });
export const similarFaqQuery = (text: string) =>
  queryOptions({ queryKey: knowledgeKeys.similar(text), queryFn: ({ signal }) => api.get('/api/admin/faq/similar', FaqSimilarResponseSchema, { query: { text: text.slice(0, 2000), k: 5 }, signal }) });
export const proposalsQuery = (status: ProposalStatus) =>
  queryOptions({ queryKey: knowledgeKeys.proposals(status), queryFn: ({ signal }) => api.get('/api/admin/faq/proposals', FaqProposalListResponseSchema, { query: { status }, signal }) });
export const learningQuery = (status: LearningStatus) =>
  queryOptions({ queryKey: knowledgeKeys.learning(status), queryFn: ({ signal }) => api.get('/api/admin/learning-queue', LearningListResponseSchema, { query: { status }, signal }) });
export const lawSearchQuery = (q: string) =>
  queryOptions({ queryKey: knowledgeKeys.law(q), queryFn: ({ signal }) => api.get('/api/admin/law/search', LawSearchResponseSchema, { query: { q, k: 6 }, signal }), staleTime: 60_000 });

/** The knowledge desk's writes (contracts in core/contracts/knowledge-api.ts). */
export const knowledgeApi = {
  createFaq: (body: FaqCreateRequest) => api.post('/api/admin/faq', FaqWriteResponseSchema, { body }),
  updateFaq: (entryId: string, body: FaqUpdateRequest) => api.patch(`/api/admin/faq/${id(entryId)}`, FaqWriteResponseSchema, { body }),
  deleteFaq: (entryId: string) => api.delete(`/api/admin/faq/${id(entryId)}`, FaqDeleteResponseSchema),
  undo: (changeId: string) => api.post(`/api/admin/faq/changes/${id(changeId)}/undo`, FaqUndoResponseSchema),
  propose: (body: { kind: 'create' | 'update' | 'retire'; entryId?: string; payload?: Record<string, unknown>; baseVersion?: number; note?: string }) =>
    api.post('/api/admin/faq/proposals', FaqProposalDtoSchema, { body }),
  acceptProposal: (proposalId: string) => api.post(`/api/admin/faq/proposals/${id(proposalId)}/accept`, FaqProposalAcceptResponseSchema, { body: {} }),
  rejectProposal: (proposalId: string) => api.post(`/api/admin/faq/proposals/${id(proposalId)}/reject`, FaqProposalDtoSchema, { body: {} }),
  answerWithFaq: (itemId: string, faqEntryId: string) => api.post(`/api/admin/learning-queue/${id(itemId)}/answer`, LearningActionResponseSchema, { body: { faqEntryId } }),
  faqFromItem: (itemId: string, body: FaqCreateRequest) => api.post(`/api/admin/learning-queue/${id(itemId)}/faq`, LearningActionResponseSchema, { body }),
  relabel: (itemId: string, labels: Relabel) => api.post(`/api/admin/learning-queue/${id(itemId)}/relabel`, LearningActionResponseSchema, { body: labels }),
  dismiss: (itemId: string) => api.post(`/api/admin/learning-queue/${id(itemId)}/dismiss`, LearningActionResponseSchema),
  reopen: (itemId: string) => api.post(`/api/admin/learning-queue/${id(itemId)}/reopen`, LearningActionResponseSchema),
};
