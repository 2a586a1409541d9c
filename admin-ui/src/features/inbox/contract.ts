import { z } from 'zod';

/**
 * PROVISIONAL: the inbox API's shapes as issue #9 states them, until core/contracts/inbox-api.ts lands (owned by
 * the API side). Kept lenient (optional fields default) so the UI renders whatever subset the server sends.
 */
export const CONVERSATION_STATES = ['bot', 'waiting_officer', 'officer', 'closed'] as const;
export const RESOLUTIONS = ['resolved', 'legal_aid', 'employer_contacted', 'no_action', 'spam'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const INBOX_VIEWS = ['waiting', 'mine', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

const UnitRef = z.object({ id: z.string().optional(), code: z.string(), name: z.string() });
const OfficerRef = z.object({ id: z.string(), displayName: z.string() });

export const ConversationRowSchema = z.object({
  id: z.string(),
  state: z.string(),
  urgent: z.boolean().default(false),
  unit: UnitRef.nullable(),
  channel: z.string(),
  lastMessageAt: z.string().nullable().optional(),
  topic: z.string().nullable().optional(),
  sentiment: z.string().nullable().optional(),
  slaDueAt: z.string().nullable().optional(),
  memberName: z.string().nullable().optional(),
  unread: z.number().default(0),
  overdue: z.boolean().default(false),
  assignedOfficer: OfficerRef.nullable().optional(),
  preview: z.string().nullable().optional(),
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;

export const ConversationListSchema = z.object({ items: z.array(ConversationRowSchema), nextCursor: z.string().nullable().optional() });
export type ConversationList = z.infer<typeof ConversationListSchema>;

const CitationSchema = z.union([
  z.string(),
  z.object({ lawId: z.string().optional(), articleNo: z.string().optional(), title: z.string().optional(), label: z.string().optional(), url: z.string().optional() }).passthrough(),
]);
export type Citation = z.infer<typeof CitationSchema>;

export const TranscriptMessageSchema = z.object({
  id: z.string().optional(),
  direction: z.string(),
  author: z.string().optional(),
  officer: OfficerRef.nullable().optional(),
  text: z.string(),
  channel: z.string().optional(),
  route: z.string().nullable().optional(),
  topic: z.string().nullable().optional(),
  sentiment: z.string().nullable().optional(),
  confidence: z.number().nullable().optional(),
  citations: z.array(CitationSchema).nullable().optional(),
  status: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type TranscriptMessage = z.infer<typeof TranscriptMessageSchema>;

export const ChannelStatusSchema = z.object({
  canSend: z.boolean(),
  reason: z.string().nullable().optional(),
  windowEndsAt: z.string().nullable().optional(),
  quotaLeft: z.number().nullable().optional(),
  tag: z.string().nullable().optional(),
});
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ConversationDetailSchema = z.object({
  id: z.string(),
  state: z.string(),
  urgent: z.boolean().default(false),
  overdue: z.boolean().default(false),
  unit: UnitRef.nullable(),
  channel: z.string(),
  slaDueAt: z.string().nullable().optional(),
  assignedOfficer: OfficerRef.nullable().optional(),
  resolution: z.string().nullable().optional(),
  member: z
    .object({
      displayName: z.string().nullable().optional(),
      unit: UnitRef.nullable().optional(),
      consent: z.string().optional(),
      channels: z.array(z.string()).default([]),
    })
    .nullable()
    .optional(),
  channelStatus: ChannelStatusSchema.nullable().optional(),
  messages: z.array(TranscriptMessageSchema),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const SuggestionSchema = z.object({ text: z.string(), citations: z.array(CitationSchema).default([]) });
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const NoteSchema = z.object({ id: z.string(), text: z.string(), author: OfficerRef.nullable().optional(), createdAt: z.string() });
export const NoteListSchema = z.object({ items: z.array(NoteSchema) });
export type Note = z.infer<typeof NoteSchema>;

/** Any JSON body: the UI refetches the conversation after a write instead of trusting a write's answer. */
export const AnyResponseSchema = z.unknown();

export const AvailabilitySchema = z.object({ availability: z.enum(['available', 'away']) });
export type Availability = z.infer<typeof AvailabilitySchema>['availability'];
