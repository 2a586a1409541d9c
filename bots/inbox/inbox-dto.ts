import { OUTAGE_HOLD_CODE, type ChannelAdapter } from '../../core/channels/channel-adapter.js';
import type { ChannelHealthSnapshot } from '../channels/shared/channel-health.js';
import type { CloseResolution, InboxCitation, InboxItemDto, InboxMessageDto, ReplyStatusDto } from '../../core/contracts/inbox-api.js';
import { CLOSE_RESOLUTIONS, DELIVERY_STATUSES } from '../../core/contracts/inbox-api.js';
import type { ChannelId } from '../../core/messages/channels.js';
import { isRoute, isSentiment, isTopic } from '../../core/nlu/labels.js';
import type { InboxRow, TranscriptRow } from '../storage/repositories/inbox-read-repository.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toInboxItem(row: InboxRow): InboxItemDto {
  return {
    id: row.id,
    state: row.state,
    urgent: row.urgent,
    unit: row.unitCode ? { code: row.unitCode, name: row.unitName ?? row.unitCode } : null,
    queueUnit: row.queueUnitCode ? { code: row.queueUnitCode, name: row.queueUnitName ?? row.queueUnitCode } : null,
    channel: row.channel,
    lastMessageAt: iso(row.lastMessageAt),
    topic: row.topic && isTopic(row.topic) ? row.topic : null,
    sentiment: row.sentiment && isSentiment(row.sentiment) ? row.sentiment : null,
    slaDueAt: row.state === 'waiting_officer' ? iso(row.slaDueAt) : null,
    overdue: row.overdue,
    escalationLevel: row.escalationLevel,
    handedOffAt: iso(row.handedOffAt),
    memberName: row.memberName?.trim() ? row.memberName : null,
    unread: row.unread,
    assignedOfficer: row.assignedOfficerId ? { id: row.assignedOfficerId, displayName: row.assignedOfficerName ?? '' } : null,
    preview: previewOf(row),
    replyDelivery: row.replyStatus && (DELIVERY_STATUSES as readonly string[]).includes(row.replyStatus) ? (row.replyStatus as InboxItemDto['replyDelivery']) : null,
    version: row.version,
  };
}

/** What a member's message without words was, for the row's preview line. */
const NO_TEXT_PREVIEW_VI: Record<string, string> = {
  image: 'Ảnh',
  sticker: 'Nhãn dán',
  gif: 'Ảnh động',
  audio: 'Tin nhắn thoại',
  video: 'Video',
  file: 'Tệp đính kèm',
  location: 'Vị trí',
  contact: 'Danh thiếp',
  postback: 'Bấm nút',
  unsupported: 'Tin nhắn không hiển thị được',
};

/** The member's latest words; a photo, sticker or location without any reads as what it is, in brackets. */
function previewOf(row: InboxRow): string | null {
  if (row.preview && row.preview.trim() !== '') return row.preview;
  if (row.previewKind === null || row.previewKind === 'text') return null;
  return `[${NO_TEXT_PREVIEW_VI[row.previewKind] ?? 'Tin nhắn không có chữ'}]`;
}

export function resolutionOf(value: string | null): CloseResolution | null {
  return value && (CLOSE_RESOLUTIONS as readonly string[]).includes(value) ? (value as CloseResolution) : null;
}

function citationsOf(meta: Record<string, unknown>): InboxCitation[] {
  const raw = Array.isArray(meta.citations) ? (meta.citations as Record<string, unknown>[]) : [];
  return raw.map((c) => ({ lawId: String(c.lawId ?? ''), articleNo: String(c.articleNo ?? ''), label: String(c.label ?? `Điều ${String(c.articleNo ?? '')}`) }));
}

const AUTHORS = { bot: 'bot', officer: 'officer', system: 'system' } as const;

export function toInboxMessage(row: TranscriptRow): InboxMessageDto {
  const inbound = row.direction === 'in';
  const status = !inbound && (DELIVERY_STATUSES as readonly string[]).includes(row.status) ? (row.status as InboxMessageDto['deliveryStatus']) : null;
  const hasConfidence = row.routeConfidence !== null || row.topicConfidence !== null || row.sentimentConfidence !== null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    channel: row.channel,
    direction: row.direction,
    text: row.text,
    route: row.route && isRoute(row.route) ? row.route : null,
    topic: row.topic && isTopic(row.topic) ? row.topic : null,
    sentiment: row.sentiment && isSentiment(row.sentiment) ? row.sentiment : null,
    confidence: hasConfidence ? { route: row.routeConfidence, topic: row.topicConfidence, sentiment: row.sentimentConfidence } : null,
    citations: citationsOf(row.meta),
    createdAt: row.createdAt.toISOString(),
    author: inbound ? 'member' : (AUTHORS[row.author as keyof typeof AUTHORS] ?? 'system'),
    officer: row.officerId ? { id: row.officerId, displayName: row.officerName ?? '' } : null,
    deliveryStatus: status,
    deliveryError: status === 'held' || status === 'failed' ? row.lastError : null,
    retryable: status === 'held' || status === 'failed',
    possibleDuplicate: !inbound && typeof row.meta.possibleDuplicateAt === 'string',
  };
}

const REASONS: Record<string, string> = {
  RETURNED_TO_BOT: 'Cuộc trò chuyện đã được trả lại cho trợ lý ảo. Hãy nhận lại trước khi trả lời.',
  NOT_HOLDER: 'Một cán bộ khác đang xử lý cuộc trò chuyện này.',
  CHANNEL_NOT_CONFIGURED: 'Kênh này chưa được cấu hình để gửi tin.',
  WINDOW_CLOSED: 'Đã quá thời hạn nền tảng cho phép trả lời; tin sẽ được giữ lại cho tới khi đoàn viên nhắn lại.',
  QUOTA_EXHAUSTED: 'Đã hết hạn mức tin nhắn nền tảng cho phép gửi tới đoàn viên này; tin sẽ được giữ lại.',
  [OUTAGE_HOLD_CODE]: 'Kênh đang gặp sự cố nên chưa gửi được tin. Bạn vẫn có thể trả lời: tin sẽ được giữ lại và tự gửi khi kênh hoạt động lại.',
};

/** What the channel last reported in this process (bots/channels/channel-health-board.ts); absent = never reported. */
export type ChannelHealthView = Pick<ChannelHealthSnapshot, 'state'> | undefined;

/**
 * Can the caller's reply go out now? The channel's own `checkPolicy` answers for a would-be officer reply
 * on the conversation's current window and quota: the same pure function delivery calls, so the UI shows
 * what delivery will decide (delivery still decides again at send time: one decision per attempt).
 */
export function replyStatus(row: InboxRow, viewerId: string, adapter: ChannelAdapter | undefined, lastInboundPlatformMessageId: string | null, now: Date, health?: ChannelHealthView): ReplyStatusDto {
  const refuse = (code: string, detail?: string): ReplyStatusDto => ({ canSend: false, code, reason: REASONS[code] ?? detail ?? code, lastInboundAt: iso(row.lastInboundAt) });
  if (row.state === 'bot' || row.state === 'closed') return refuse('RETURNED_TO_BOT');
  if (row.state === 'officer' && row.assignedOfficerId !== viewerId) return refuse('NOT_HOLDER');
  if (!adapter) return refuse('CHANNEL_NOT_CONFIGURED');
  const decision = adapter.checkPolicy?.(
    {
      id: '00000000-0000-0000-0000-000000000000',
      conversationId: row.id,
      channel: row.channel as ChannelId,
      recipient: { platformUserId: row.platformUserId, threadId: row.threadKey },
      content: { type: 'text', text: '…' },
      author: 'officer',
      kind: 'officer',
      replyToPlatformMessageId: lastInboundPlatformMessageId,
      attempt: 1,
    },
    { now, lastInboundAt: row.lastInboundAt, lastInboundPlatformMessageId, channelState: row.channelState },
  );
  if (decision && !decision.allow) return refuse(decision.code, decision.reason);
  // The channel is down: the reply is still accepted (it is held and goes out when the channel works again, as
  // delivery does with an outage), but the officer is told so instead of "can reply" (D-inboxui-3).
  if (health && (health.state === 'down' || health.state === 'degraded')) {
    return { canSend: true, code: OUTAGE_HOLD_CODE, reason: REASONS[OUTAGE_HOLD_CODE] ?? null, lastInboundAt: iso(row.lastInboundAt) };
  }
  return { canSend: true, code: null, reason: null, lastInboundAt: iso(row.lastInboundAt) };
}
