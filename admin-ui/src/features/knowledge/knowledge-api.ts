import type { UnitNode } from '../../../../core/contracts/admin-api';
import type {
  FaqCreateRequest,
  FaqEntryDto,
  FaqHistoryResponse,
  FaqListQuery,
  FaqListResponse,
  FaqProposalDto,
  FaqUndoResponse,
  FaqUpdateRequest,
  LawHitDto,
  LearningActionResponse,
  LearningItemDto,
  Relabel,
} from '../../../../core/contracts/knowledge-api';
import { request } from '../../admin/api';

const json = (body: unknown) => JSON.stringify(body);
const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export type FaqWrite = FaqEntryDto & { changeId: string };

/** Typed client of the knowledge desk API (contracts in core/contracts/knowledge-api.ts). */
export const knowledgeApi = {
  listFaq: (params: FaqListQuery) => request<FaqListResponse>(`/api/admin/faq${query(params as Record<string, string>)}`),
  getFaq: (id: string) => request<FaqEntryDto>(`/api/admin/faq/${encodeURIComponent(id)}`),
  history: (id: string) => request<FaqHistoryResponse>(`/api/admin/faq/${encodeURIComponent(id)}/history`),
  createFaq: (body: FaqCreateRequest) => request<FaqWrite>('/api/admin/faq', { method: 'POST', body: json(body) }),
  updateFaq: (id: string, body: FaqUpdateRequest) => request<FaqWrite>(`/api/admin/faq/${encodeURIComponent(id)}`, { method: 'PATCH', body: json(body) }),
  deleteFaq: (id: string) => request<{ changeId: string }>(`/api/admin/faq/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  undo: (changeId: string) => request<FaqUndoResponse>(`/api/admin/faq/changes/${changeId}/undo`, { method: 'POST' }),

  proposals: (status?: string) => request<{ proposals: FaqProposalDto[] }>(`/api/admin/faq/proposals${query({ status })}`),
  propose: (body: { kind: 'create' | 'update' | 'retire'; entryId?: string; payload?: Record<string, unknown>; baseVersion?: number; note?: string }) =>
    request<FaqProposalDto>('/api/admin/faq/proposals', { method: 'POST', body: json(body) }),
  acceptProposal: (id: string) => request<{ proposal: FaqProposalDto; entryId: string | null; changeId: string }>(`/api/admin/faq/proposals/${id}/accept`, { method: 'POST', body: '{}' }),
  rejectProposal: (id: string, note?: string) => request<FaqProposalDto>(`/api/admin/faq/proposals/${id}/reject`, { method: 'POST', body: json(note ? { note } : {}) }),

  learning: (status: string) => request<{ items: LearningItemDto[] }>(`/api/admin/learning-queue${query({ status })}`),
  answerWithFaq: (id: string, faqEntryId: string) => request<LearningActionResponse>(`/api/admin/learning-queue/${id}/answer`, { method: 'POST', body: json({ faqEntryId }) }),
  faqFromItem: (id: string, body: FaqCreateRequest) => request<LearningActionResponse>(`/api/admin/learning-queue/${id}/faq`, { method: 'POST', body: json(body) }),
  relabel: (id: string, labels: Relabel) => request<LearningActionResponse>(`/api/admin/learning-queue/${id}/relabel`, { method: 'POST', body: json(labels) }),
  dismiss: (id: string) => request<LearningActionResponse>(`/api/admin/learning-queue/${id}/dismiss`, { method: 'POST' }),
  reopen: (id: string) => request<LearningActionResponse>(`/api/admin/learning-queue/${id}/reopen`, { method: 'POST' }),

  searchLaw: (q: string, k = 8) => request<{ hits: LawHitDto[] }>(`/api/admin/law/search${query({ q, k })}`),
  units: () => request<{ units: UnitNode[] }>('/api/admin/units'),
};

export const similarFaq = (text: string, k = 5) => request<{ entries: (FaqEntryDto & { score: number })[] }>(`/api/admin/faq/similar${query({ text: text.slice(0, 2000), k })}`);
