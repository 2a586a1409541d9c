import { z } from 'zod';
import { FAQ_STATUSES } from '../knowledge/faq.js';
import { ROUTES, SENTIMENTS, TOPICS } from '../nlu/labels.js';

/**
 * The knowledge desk's HTTP contract (FAQ, proposals, learning queue, law search), shared by the server and
 * admin-ui. Field rules that need the law corpus (cited articles exist) are checked by the server only.
 */

/** The FAQ statuses, for the UI's selects (the UI imports contracts, not core/knowledge). */
export { FAQ_STATUSES };
export type { FaqStatus } from '../knowledge/faq.js';

export const FaqCitationRefDto = z.object({ lawId: z.string(), articleNo: z.string() });

export const FaqOwnerDto = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type FaqOwner = z.infer<typeof FaqOwnerDto>;

export const FaqEntryDtoSchema = z.object({
  id: z.string(),
  topic: z.enum(TOPICS),
  question: z.string(),
  variants: z.array(z.string()),
  answer: z.string(),
  citations: z.array(FaqCitationRefDto),
  status: z.enum(FAQ_STATUSES),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** null = national entry (answers every member). */
  owner: FaqOwnerDto.nullable(),
  overridesId: z.string().nullable(),
  /** What the caller may do with it (the server checks again on every write). */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), override: z.boolean() }),
});
export type FaqEntryDto = z.infer<typeof FaqEntryDtoSchema>;

export const FaqListQuerySchema = z.object({
  topic: z.enum(TOPICS).optional(),
  status: z.enum([...FAQ_STATUSES, 'active', 'all']).default('active'),
  /** Words to find in question, variants or answer; diacritics optional; the entries come best match first (D-inboxui-4). */
  q: z.string().trim().max(200).optional(),
  /** `national`, `local` (entries of units), or every entry the caller may read. */
  owner: z.enum(['all', 'national', 'local']).default('all'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
/** The list's query as a client sends it (numbers as numbers; the server coerces the query string). */
export interface FaqListQuery {
  topic?: (typeof TOPICS)[number];
  status?: (typeof FAQ_STATUSES)[number] | 'active' | 'all';
  q?: string;
  owner?: 'all' | 'national' | 'local';
  limit?: number;
  offset?: number;
}

/** `spelling`: nothing matched `q` as typed; these entries match it read with the usual spelling confusions (s/x, ch/tr, d/gi/r…). */
export const FaqListResponseSchema = z.object({ entries: z.array(FaqEntryDtoSchema), total: z.number(), spelling: z.literal(true).optional() });
export type FaqListResponse = z.infer<typeof FaqListResponseSchema>;

/** The editable fields as the UI sends them; the server validates lengths, slugs and citations. */
export interface FaqEntryFields {
  id: string;
  topic: (typeof TOPICS)[number];
  question: string;
  variants: string[];
  answer: string;
  citations: { lawId: string; articleNo: string }[];
  status: (typeof FAQ_STATUSES)[number];
}

/** POST /api/admin/faq: `ownerUnitId` null = national; absent = the caller's level (national or home unit). */
export type FaqCreateRequest = FaqEntryFields & { ownerUnitId?: string | null; overridesId?: string | null };
export type FaqUpdateRequest = Partial<Omit<FaqEntryFields, 'id'>> & { version: number };

export const FaqCreateBodySchema = z
  .object({ ownerUnitId: z.uuid('mã đơn vị không hợp lệ').nullable().optional() })
  .passthrough();

/** Every FAQ write answers the entry and the change id that `POST /faq/changes/:id/undo` reverts. */
export const FaqWriteResponseSchema = FaqEntryDtoSchema.extend({ changeId: z.string() });
export const FaqDeleteResponseSchema = z.object({ changeId: z.string() });
export const FaqSimilarResponseSchema = z.object({ entries: z.array(FaqEntryDtoSchema.extend({ score: z.number() })) });

export const FaqChangeDtoSchema = z.object({
  changeId: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  undoOf: z.string().nullable(),
  undoneBy: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type FaqChangeDto = z.infer<typeof FaqChangeDtoSchema>;
export const FaqHistoryResponseSchema = z.object({ changes: z.array(FaqChangeDtoSchema) });
export type FaqHistoryResponse = z.infer<typeof FaqHistoryResponseSchema>;

/** Result of any FAQ write: the change id is what "Hoàn tác" sends back. */
export const FaqUndoResponseSchema = z.object({ changeId: z.string(), undoneChangeId: z.string(), entries: z.number() });
export type FaqUndoResponse = z.infer<typeof FaqUndoResponseSchema>;

// Proposals (officers propose, leaders/admins review)

/** Text PostgreSQL can store: no NUL (a 422 at the edge instead of a 500 at the database). */
const storableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `tối đa ${max} ký tự`)
    .refine((value) => !value.includes('\u0000'), 'không được chứa ký tự NUL');

/** Versions are PostgreSQL integers. */
const versionNumber = z.number().int().min(0).max(2_147_483_647);

export const FAQ_PROPOSAL_KINDS = ['create', 'update', 'retire'] as const;
export const FaqProposalRequestSchema = z.object({
  kind: z.enum(FAQ_PROPOSAL_KINDS),
  /** The entry to change (update, retire). */
  entryId: z.string().trim().max(64).optional(),
  /** The proposed fields (create: a whole entry; update: the changed fields). */
  payload: z.record(z.string(), z.unknown()).default({}),
  baseVersion: versionNumber.optional(),
  note: storableText(1000).optional(),
  learningItemId: z.uuid().optional(),
});
export type FaqProposalRequest = z.input<typeof FaqProposalRequestSchema>;

export const FaqProposalDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(FAQ_PROPOSAL_KINDS),
  entryId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  baseVersion: z.number().nullable(),
  unit: FaqOwnerDto,
  proposer: z.string(),
  note: z.string().nullable(),
  learningItemId: z.string().nullable(),
  status: z.enum(['open', 'accepted', 'rejected']),
  reviewer: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FaqProposalDto = z.infer<typeof FaqProposalDtoSchema>;
export const FaqProposalListResponseSchema = z.object({ proposals: z.array(FaqProposalDtoSchema) });
export const FaqProposalAcceptResponseSchema = z.object({ proposal: FaqProposalDtoSchema, entryId: z.string().nullable(), changeId: z.string() });
export const FaqProposalReviewSchema = z.object({
  note: storableText(1000).optional(),
  /** Accept with the reviewer's edits of the proposed fields. */
  payload: z.record(z.string(), z.unknown()).optional(),
});

// Learning queue

export const LEARNING_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export const LearningItemDtoSchema = z.object({
  id: z.string(),
  text: z.string(),
  reason: z.string(),
  route: z.string().nullable(),
  topic: z.string().nullable(),
  confidence: z.number().nullable(),
  status: z.enum(LEARNING_STATUSES),
  unitCode: z.string().nullable(),
  faqEntryId: z.string().nullable(),
  createdAt: z.string(),
  /** The labels an officer set (reviewed training data), if any. */
  reviewedLabels: z.object({ route: z.enum(ROUTES), topic: z.enum(TOPICS), sentiment: z.enum(SENTIMENTS) }).nullable(),
});
export type LearningItemDto = z.infer<typeof LearningItemDtoSchema>;
export const LearningListResponseSchema = z.object({ items: z.array(LearningItemDtoSchema) });

export const AnswerWithFaqSchema = z.object({
  faqEntryId: z.string().trim().min(1, 'chọn một câu hỏi thường gặp').max(64),
  /** Teach the matcher: the member's (redacted) wording becomes a variant of the entry. */
  addVariant: z.boolean().default(true),
});
export const RelabelSchema = z.object({ route: z.enum(ROUTES), topic: z.enum(TOPICS), sentiment: z.enum(SENTIMENTS) });
export type Relabel = z.infer<typeof RelabelSchema>;

/** What a learning action did: applied to the FAQ, or (without the rights) filed as a proposal. */
export const LearningActionResponseSchema = z.object({
  item: LearningItemDtoSchema,
  outcome: z.enum(['applied', 'proposed', 'labelled', 'dismissed']),
  changeId: z.string().nullable(),
  proposalId: z.string().nullable(),
});
export type LearningActionResponse = z.infer<typeof LearningActionResponseSchema>;

// Law search (for choosing citations)

export const LawSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'nhập ít nhất 2 ký tự').max(300, 'tối đa 300 ký tự'),
  k: z.coerce.number().int().min(1).max(20).default(8),
});
export const LawHitDtoSchema = z.object({
  lawId: z.string(),
  articleNo: z.string(),
  title: z.string(),
  lawName: z.string(),
  label: z.string(),
  snippet: z.string(),
  strength: z.number(),
});
export type LawHitDto = z.infer<typeof LawHitDtoSchema>;
export const LawSearchResponseSchema = z.object({ hits: z.array(LawHitDtoSchema) });
