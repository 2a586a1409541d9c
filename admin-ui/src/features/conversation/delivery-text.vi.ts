import type { InboxMessageDto } from '../../../../core/contracts/inbox-api';
import { CHANNEL_NAMES_VI } from '../../shared/format/conversation-labels.vi';

/**
 * What happened to a reply, in the officer's words. The server stores a held or failed reply's reason as
 * `CODE: detail` (the detail is the platform's or the policy's English, for logs): the officer reads the code's
 * Vietnamese meaning and what will happen next, never the raw text.
 */
export interface DeliveryText {
  /** Short status line under the bubble. */
  label: string;
  /** Why, and what happens next (null when there is nothing to add). */
  reason: string | null;
  tone: 'muted' | 'ok' | 'warn' | 'danger';
}

const codeOf = (error: string | null) => (error ?? '').split(':')[0]?.trim() ?? '';

function heldReason(code: string, detail: string, channel: string): string {
  if (code === 'CHANNEL_UNAVAILABLE') return `${channel} đang gặp sự cố nên chưa nhận tin. Trả lời sẽ tự gửi khi ${channel} hoạt động lại, hoặc bấm Gửi lại.`;
  if (code === 'WINDOW_CLOSED' && /never written/.test(detail)) return `Đoàn viên chưa từng nhắn cho công đoàn qua ${channel}, nên ${channel} không cho nhắn trước. Trả lời sẽ tự gửi khi đoàn viên nhắn tới.`;
  if (code === 'WINDOW_CLOSED') return `Đã quá thời hạn ${channel} cho phép nhắn lại đoàn viên. Trả lời sẽ tự gửi ngay khi đoàn viên nhắn tin mới.`;
  if (code === 'QUOTA_EXHAUSTED') return `Đã hết lượt ${channel} cho phép nhắn đoàn viên này. Trả lời sẽ tự gửi ngay khi đoàn viên nhắn tin mới.`;
  return `${channel} chưa cho phép gửi lúc này. Bấm Gửi lại khi bạn muốn thử lại.`;
}

function failedReason(code: string, channel: string): string {
  switch (code) {
    case 'SUPERSEDED':
      return 'Không gửi nữa vì đoàn viên đã nhận một trả lời mới hơn.';
    case 'CHANNEL_NOT_CONFIGURED':
      return `Kênh ${channel} chưa được cấu hình để gửi tin. Báo quản trị viên.`;
    case 'USER_BLOCKED':
      return `Đoàn viên đã chặn hoặc bỏ quan tâm tài khoản công đoàn trên ${channel}.`;
    case 'INVALID_RECIPIENT':
      return `${channel} không tìm thấy tài khoản của đoàn viên.`;
    case 'AUTH_FAILED':
      return `${channel} từ chối quyền gửi tin của công đoàn. Quản trị viên cần kết nối lại kênh.`;
    case 'INVALID_PAYLOAD':
      return `${channel} không nhận nội dung này (có thể quá dài hoặc sai định dạng). Hãy sửa và gửi lại.`;
    default:
      return `${channel} không nhận tin sau nhiều lần thử. Bấm Gửi lại để thử lần nữa.`;
  }
}

/** The delivery line of an outbound message; `undefined` for inbound messages. */
export function deliveryText(message: Pick<InboxMessageDto, 'deliveryStatus' | 'deliveryError' | 'channel'>): DeliveryText | undefined {
  const channel = CHANNEL_NAMES_VI[message.channel] ?? message.channel;
  const code = codeOf(message.deliveryError);
  const detail = (message.deliveryError ?? '').slice(code.length + 1);
  switch (message.deliveryStatus) {
    case 'queued':
      return { label: 'Đang gửi…', reason: null, tone: 'muted' };
    case 'sent':
      return { label: 'Đã gửi', reason: null, tone: 'ok' };
    case 'held':
      return { label: 'Chưa gửi, đang giữ lại', reason: heldReason(code, detail, channel), tone: 'warn' };
    case 'failed':
      return { label: 'Không gửi được', reason: failedReason(code, channel), tone: 'danger' };
    default:
      return undefined;
  }
}

/** The toast after an officer's reply settles: what the member got, or why they did not (and what happens next). */
export function deliveryToast(message: Pick<InboxMessageDto, 'deliveryStatus' | 'deliveryError' | 'channel'>): { text: string; tone: 'success' | 'warning' | 'danger' } | null {
  const channel = CHANNEL_NAMES_VI[message.channel] ?? message.channel;
  const text = deliveryText(message);
  if (message.deliveryStatus === 'sent') return { text: `Đã gửi trả lời tới đoàn viên qua ${channel}.`, tone: 'success' };
  if (message.deliveryStatus === 'held') return { text: `Trả lời chưa được gửi. ${text?.reason ?? ''}`.trim(), tone: 'warning' };
  if (message.deliveryStatus === 'failed') return { text: `Không gửi được trả lời. ${text?.reason ?? ''}`.trim(), tone: 'danger' };
  return null;
}

/**
 * A reply resent after a send with no known outcome (D-hardening-7): the officer should know the member may have
 * read it twice, so that a "tôi nhận 2 tin giống nhau" from the member is not a surprise. Null when not the case.
 */
export function possibleDuplicateText(message: InboxMessageDto): string | null {
  if (!message.possibleDuplicate || message.direction !== 'out') return null;
  const channel = CHANNEL_NAMES_VI[message.channel] ?? message.channel;
  return `Có thể đã gửi 2 lần do mất kết nối với ${channel}`;
}
