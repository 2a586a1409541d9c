import { z } from 'zod';
import { CONVERSATION_STATES } from '../conversations/conversation-state.js';
import { CHANNEL_IDS } from '../messages/channels.js';
import { ROUTES, SENTIMENTS, TOPICS } from '../nlu/labels.js';

/**
 * The officers' inbox HTTP contract (issue #9), shared by the server and admin-ui. Every route is under
 * `/api/admin/conversations` (plus `/api/admin/me/availability` and `/api/admin/events`); the server checks the
 * caller's role and unit subtree on every call (404 outside it) and audits every read and change.
 */

export { CONVERSATION_STATES, CHANNEL_IDS };
export type { ConversationState } from '../conversations/conversation-state.js';

export const INBOX_VIEWS = ['waiting', 'mine', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Why an officer closed a conversation (stored on it; reports count them). */
export const CLOSE_RESOLUTIONS = ['resolved', 'legal_aid', 'employer_contacted', 'no_action', 'spam'] as const;
export type CloseResolution = (typeof CLOSE_RESOLUTIONS)[number];

export const AVAILABILITIES = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Outbound delivery states; inbound messages have `deliveryStatus: null`. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'held', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const MESSAGE_AUTHORS = ['member', 'bot', 'officer', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

const boolParam = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * `GET /api/admin/conversations`. `waiting`: unclaimed hand-offs (urgent first, then oldest hand-off first);
 * `mine`: open conversations the caller holds; `all`: every open (waiting or claimed) conversation of the
 * caller's subtree, newest activity first (`state=closed|bot` lists those instead). `unit` is a unit code: that
 * unit and its subtree (must be inside the caller's). `cursor` is the opaque `nextCursor` of the previous page.
 */
export const InboxListQuerySchema = z
  .object({
    view: z.enum(INBOX_VIEWS).default('waiting'),
    unit: z.string().trim().min(1).max(64).optional(),
    channel: z.enum(CHANNEL_IDS).optional(),
    topic: z.enum(TOPICS).optional(),
    urgent: boolParam.optional(),
    state: z.enum(CONVERSATION_STATES).optional(),
    cursor: z.string().trim().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
/** The list's query as a client sends it. */
export interface InboxListQuery {
  view?: InboxView;
  unit?: string;
  channel?: (typeof CHANNEL_IDS)[number];
  topic?: (typeof TOPICS)[number];
  urgent?: boolean;
  state?: (typeof CONVERSATION_STATES)[number];
  cursor?: string;
  limit?: number;
}

export const InboxUnitDto = z.object({ code: z.string(), name: z.string() });
export type InboxUnit = z.infer<typeof InboxUnitDto>;

export const OfficerRefDto = z.object({ id: z.string(), displayName: z.string() });
export type OfficerRef = z.infer<typeof OfficerRefDto>;

/** One row of the inbox. `memberName` null: the UI shows "Đoàn viên ẩn danh". */
export const InboxItemDtoSchema = z.object({
  id: z.string(),
  state: z.enum(CONVERSATION_STATES),
  urgent: z.boolean(),
  /** The member's grassroots unit (null: the member has not said which; only the national level sees those). */
  unit: InboxUnitDto.nullable(),
  /** The unit whose queue holds it now: the member's unit, or an ancestor after SLA escalation. */
  queueUnit: InboxUnitDto.nullable(),
  channel: z.enum(CHANNEL_IDS),
  lastMessageAt: z.string().nullable(),
  /** Of the member's latest message with a topic other than `other` (else `other`): what the conversation is about. */
  topic: z.enum(TOPICS).nullable(),
  sentiment: z.enum(SENTIMENTS).nullable(),
  /** When an unclaimed hand-off escalates to the parent unit; null when claimed or not handed off. */
  slaDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  handedOffAt: z.string().nullable(),
  memberName: z.string().nullable(),
  /** Member messages after an officer last read the conversation (all of them when nobody has yet), up to 99. */
  unread: z.number(),
  assignedOfficer: OfficerRefDto.nullable(),
  /** The member's latest message (not the bot's or an officer's reply), cut to 140 characters; `[Ảnh]`-style when it had no words. */
  preview: z.string().nullable(),
  /**
   * Delivery of the latest officer reply (null: no officer has replied): `held` and `failed` mean the member has not
   * received it, so the row says so without opening the conversation.
   */
  replyDelivery: z.enum(DELIVERY_STATUSES).nullable(),
  version: z.number(),
});
export type InboxItemDto = z.infer<typeof InboxItemDtoSchema>;

export const InboxListResponseSchema = z.object({ items: z.array(InboxItemDtoSchema), nextCursor: z.string().nullable() });
export type InboxListResponse = z.infer<typeof InboxListResponseSchema>;

export const InboxCitationDto = z.object({ lawId: z.string(), articleNo: z.string(), label: z.string() });
export type InboxCitation = z.infer<typeof InboxCitationDto>;

export const InboxMessageDtoSchema = z.object({
  id: z.string(),
  /** The conversation (thread) it belongs to: the transcript spans all the member's channels. */
  conversationId: z.string(),
  channel: z.enum(CHANNEL_IDS),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  /** The bot's NLU labels of a member message (null for outbound or unclassified messages). */
  route: z.enum(ROUTES).nullable(),
  topic: z.enum(TOPICS).nullable(),
  sentiment: z.enum(SENTIMENTS).nullable(),
  confidence: z.object({ route: z.number().nullable(), topic: z.number().nullable(), sentiment: z.number().nullable() }).nullable(),
  /** The legal articles a bot answer cited. */
  citations: z.array(InboxCitationDto),
  createdAt: z.string(),
  author: z.enum(MESSAGE_AUTHORS),
  /** The officer who wrote an officer reply. */
  officer: OfficerRefDto.nullable(),
  deliveryStatus: z.enum(DELIVERY_STATUSES).nullable(),
  /** Why a delivery is held or failed (the platform's code and reason). */
  deliveryError: z.string().nullable(),
  /** A held or failed officer/bot reply the officer may send again (`POST …/messages/:messageId/retry`). */
  retryable: z.boolean(),
  /**
   * A part of this reply was sent again after a send whose outcome was unknown (a timeout after the request went
   * out, D-hardening-7): the member may have received it twice.
   */
  possibleDuplicate: z.boolean(),
});
export type InboxMessageDto = z.infer<typeof InboxMessageDtoSchema>;

export const InboxNoteDtoSchema = z.object({ id: z.string(), text: z.string(), author: OfficerRefDto, createdAt: z.string() });
export type InboxNoteDto = z.infer<typeof InboxNoteDtoSchema>;

export const MemberProfileDtoSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  unit: InboxUnitDto.nullable(),
  /** `unknown | granted | refused | withdrawn`, as stored. */
  consent: z.string(),
  channels: z.array(z.object({ channel: z.enum(CHANNEL_IDS), linkedAt: z.string() })),
});
export type MemberProfileDto = z.infer<typeof MemberProfileDtoSchema>;

/**
 * Can an officer's reply go out on this channel now? Computed with the channel's own policy (the same
 * function that decides at delivery), so what the UI shows is what delivery does. `code`: the platform
 * reason (WINDOW_CLOSED, QUOTA_EXHAUSTED, …) or a state reason (RETURNED_TO_BOT, NOT_HOLDER, CHANNEL_NOT_CONFIGURED).
 * `canSend` with code CHANNEL_UNAVAILABLE: the channel is down; a reply is accepted, held, and sent when it recovers.
 */
export const ReplyStatusDtoSchema = z.object({
  canSend: z.boolean(),
  code: z.string().nullable(),
  /** Vietnamese, for the officer. */
  reason: z.string().nullable(),
  /** When the member last wrote (the platforms' windows start there). */
  lastInboundAt: z.string().nullable(),
});
export type ReplyStatusDto = z.infer<typeof ReplyStatusDtoSchema>;

export const ConversationDetailDtoSchema = InboxItemDtoSchema.extend({
  messages: z.array(InboxMessageDtoSchema),
  /** True when older messages exist than the first one returned (`?before=<messageId>` pages back). */
  hasOlderMessages: z.boolean(),
  member: MemberProfileDtoSchema,
  notes: z.array(InboxNoteDtoSchema),
  reply: ReplyStatusDtoSchema,
  resolution: z.enum(CLOSE_RESOLUTIONS).nullable(),
  claimedAt: z.string().nullable(),
  /** What the caller may do now (the server checks again on every call). */
  can: z.object({ claim: z.boolean(), reply: z.boolean(), return: z.boolean(), transfer: z.boolean(), close: z.boolean() }),
});
export type ConversationDetailDto = z.infer<typeof ConversationDetailDtoSchema>;

export const ConversationDetailQuerySchema = z
  .object({ before: z.uuid('before must be a message id').optional(), limit: z.coerce.number().int().min(1).max(500).default(200) })
  .strict();

/** Claim, return, transfer, close and read answer the updated row, for the list to replace in place. */
export const InboxActionResponseSchema = z.object({ conversation: InboxItemDtoSchema });
export type InboxActionResponse = z.infer<typeof InboxActionResponseSchema>;

/** `409 CONVERSATION_CLAIMED`: someone else holds it. */
export const ClaimConflictSchema = z.object({
  error: z.object({ code: z.literal('CONVERSATION_CLAIMED'), message: z.string(), details: z.object({ holder: OfficerRefDto }) }),
});
export type ClaimConflict = z.infer<typeof ClaimConflictSchema>;

const officerText = z
  .string('text is required')
  .trim()
  .min(1, 'nội dung không được để trống')
  .max(4000, 'tối đa 4000 ký tự')
  .refine((value) => !value.includes('\u0000'), 'không được chứa ký tự NUL');

/**
 * `POST …/:id/messages` → 202 `{ message }`. `clientId` (a UUID the UI makes per draft) makes a double
 * submit harmless: the same clientId answers the first message again instead of sending twice.
 */
export const OfficerReplyBodySchema = z.object({ text: officerText, clientId: z.uuid('clientId must be a UUID').optional() }).strict();
export type OfficerReplyBody = z.infer<typeof OfficerReplyBodySchema>;
export const OfficerReplyResponseSchema = z.object({ message: InboxMessageDtoSchema });
export type OfficerReplyResponse = z.infer<typeof OfficerReplyResponseSchema>;

export const NoteBodySchema = z.object({ text: officerText }).strict();
export type NoteBody = z.infer<typeof NoteBodySchema>;
export const NoteResponseSchema = z.object({ note: InboxNoteDtoSchema });

/** Exactly one of `unitCode` (back to a unit's queue) or `officerId` (straight to that officer). */
export const TransferBodySchema = z
  .object({ unitCode: z.string().trim().min(1).max(64).optional(), officerId: z.uuid('officerId must be a UUID').optional() })
  .strict()
  .refine((body) => (body.unitCode === undefined) !== (body.officerId === undefined), 'give exactly one of unitCode or officerId');
export type TransferBody = z.infer<typeof TransferBodySchema>;

export const CloseBodySchema = z.object({ resolution: z.enum(CLOSE_RESOLUTIONS) }).strict();
export type CloseBody = z.infer<typeof CloseBodySchema>;

/** `GET …/:id/suggestion`: a draft for the officer to edit; the server never sends it by itself. */
export const SuggestionResponseSchema = z.object({
  text: z.string(),
  citations: z.array(InboxCitationDto),
  /** Where the draft came from; `none` = nothing good enough was found (text is empty). */
  source: z.enum(['faq', 'law', 'none']),
});
export type SuggestionResponse = z.infer<typeof SuggestionResponseSchema>;

/** Officers the caller may transfer to (`GET …/:id/transfer-targets`): units of the subtree and their officers. */
export const TransferTargetsResponseSchema = z.object({
  units: z.array(InboxUnitDto),
  officers: z.array(OfficerRefDto.extend({ unit: InboxUnitDto, availability: z.enum(AVAILABILITIES) })),
});
export type TransferTargetsResponse = z.infer<typeof TransferTargetsResponseSchema>;

/** `GET/PUT /api/admin/me/availability`. */
export const AvailabilityBodySchema = z.object({ availability: z.enum(AVAILABILITIES) }).strict();
export type AvailabilityBody = z.infer<typeof AvailabilityBodySchema>;
export const AvailabilityResponseSchema = z.object({ availability: z.enum(AVAILABILITIES), capacity: z.number(), openConversations: z.number() });
export type AvailabilityResponse = z.infer<typeof AvailabilityResponseSchema>;

/**
 * `GET /api/admin/events` (Server-Sent Events, `event: inbox`): what changed, never member content; the UI
 * refetches the row or the conversation. Only events of conversations inside the caller's subtree are sent.
 */
export const INBOX_EVENT_TYPES = [
  'conversation.waiting',
  'conversation.claimed',
  'conversation.assigned',
  'conversation.message',
  'conversation.returned',
  'conversation.closed',
  'conversation.escalated',
  'conversation.transferred',
  'conversation.read',
  /** A reply's delivery settled (sent, held or failed): the row's and the thread's delivery marks change. */
  'conversation.delivery',
  /** A crisis hand-off (the member side publishes it at once): notify, sort to the top. */
  'conversation.urgent',
] as const;
export type InboxEventType = (typeof INBOX_EVENT_TYPES)[number];

export const InboxEventSchema = z.object({
  type: z.enum(INBOX_EVENT_TYPES),
  conversationId: z.string(),
  state: z.enum(CONVERSATION_STATES),
  urgent: z.boolean(),
  assignedOfficerId: z.string().nullable(),
  queueUnitCode: z.string().nullable(),
  at: z.string(),
});
export type InboxEvent = z.infer<typeof InboxEventSchema>;

/**
 * `POST /api/admin/me/notify-link {channel}` → a one-time code the officer sends to the bot on Telegram or
 * Zalo (`/canbo <code>`); from then on urgent and assigned conversations are announced there (unit, urgency
 * and a link, no member content). `GET` lists linked accounts, `DELETE /api/admin/me/notify-link/:channel` unlinks.
 */
export const NOTIFY_CHANNELS = ['telegram', 'zalo'] as const;
export const NotifyLinkBodySchema = z.object({ channel: z.enum(NOTIFY_CHANNELS) }).strict();
export const NotifyLinkCodeResponseSchema = z.object({ channel: z.enum(NOTIFY_CHANNELS), code: z.string(), expiresAt: z.string(), instructions: z.string() });
export type NotifyLinkCodeResponse = z.infer<typeof NotifyLinkCodeResponseSchema>;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** `available`: the notice channels this deployment has switched on (a code for another one is refused). */
export const NotifyLinksResponseSchema = z.object({
  links: z.array(z.object({ channel: z.enum(NOTIFY_CHANNELS), linkedAt: z.string() })),
  available: z.array(z.enum(NOTIFY_CHANNELS)),
});
export type NotifyLinksResponse = z.infer<typeof NotifyLinksResponseSchema>;
