import type { ChannelId } from '../messages/channels.js';
import type { Choice } from '../messages/content.js';
import type { PrivacyNotice } from '../privacy/consent.js';

/** Button payloads of the privacy notice; `grantHandoff` also carries out the hand-off the member asked for. */
export const CONSENT_PAYLOADS = {
  grant: 'consent:granted',
  grantHandoff: 'consent:granted:handoff',
  refuse: 'consent:refused',
} as const;

export function isConsentPayload(payload: string | null | undefined): boolean {
  return payload === CONSENT_PAYLOADS.grant || payload === CONSENT_PAYLOADS.grantHandoff || payload === CONSENT_PAYLOADS.refuse;
}

/** No digits in the titles: a channel without buttons numbers them ("1. Đồng ý"), and "1" then answers. */
export const CONSENT_CHOICES: Choice[] = [
  { title: 'Đồng ý', payload: CONSENT_PAYLOADS.grant },
  { title: 'Không đồng ý', payload: CONSENT_PAYLOADS.refuse },
];

export const HANDOFF_CONSENT_CHOICES: Choice[] = [
  { title: 'Đồng ý và gặp cán bộ', payload: CONSENT_PAYLOADS.grantHandoff },
  { title: 'Không đồng ý', payload: CONSENT_PAYLOADS.refuse },
];

function fullNoticeLine(notice: PrivacyNotice, channel: ChannelId): string {
  if (notice.url) return `Thông báo đầy đủ: ${notice.url}`;
  // Without a public address (PUBLIC_BASE_URL) a link would not open on the member's phone; the web chat has it in its header.
  return channel === 'web' ? 'Thông báo đầy đủ: mục "Quyền riêng tư" ở đầu trang.' : 'Thông báo đầy đủ có tại văn phòng công đoàn của bạn.';
}

function keptLine(retentionMonths: number): string {
  return retentionMonths > 0 ? `tối đa ${retentionMonths} tháng` : 'cho đến khi bạn yêu cầu xoá';
}

/**
 * The short notice of the first contact: what is kept, for whom, how long, what refusing means, where the full
 * notice is. Shown after the answer to the member's first message, so the question is never lost; `updated`: the
 * member agreed to an older version of it (asked again, D-privacy-5).
 */
export function consentNoticeText(notice: PrivacyNotice, channel: ChannelId, options: { updated?: boolean } = {}): string {
  return [
    // A member who agreed to an older notice is told why they are asked again.
    ...(options.updated ? ['Công đoàn vừa cập nhật thông báo về dữ liệu cá nhân, nên trợ lý xin hỏi lại ý kiến của bạn.'] : []),
    'Về dữ liệu cá nhân của bạn: để ghi nhận ý kiến và chuyển tới cán bộ công đoàn khi bạn cần, trợ lý xin phép lưu tin nhắn của bạn ' +
      `(${keptLine(notice.retentionMonths)}). Chỉ cán bộ công đoàn của bạn được xem; số liệu thống kê chỉ ở dạng ẩn danh.`,
    'Nếu không đồng ý, bạn vẫn được trả lời các câu hỏi như bình thường, nhưng trợ lý không lưu lời nhắn và không chuyển tới cán bộ.',
    fullNoticeLine(notice, channel),
    'Bạn có đồng ý không?',
  ].join('\n\n');
}

/** A member without consent asked for an officer: an officer can only read what is stored. */
export function handoffConsentText(notice: PrivacyNotice, channel: ChannelId): string {
  return [
    'Để cán bộ công đoàn đọc và trả lời bạn, trợ lý cần lưu tin nhắn của bạn và chuyển cho cán bộ công đoàn của bạn.',
    fullNoticeLine(notice, channel),
    'Bạn có đồng ý không?',
  ].join('\n\n');
}

export const CONSENT_REPLIES_VI = {
  granted: 'Cảm ơn bạn đã đồng ý. Bạn có thể xem hoặc xoá dữ liệu của mình bất cứ lúc nào bằng lệnh /taidulieu và /xoadulieu.',
  refused: [
    'Mình đã ghi nhận: bạn không đồng ý cho lưu dữ liệu. Từ giờ trợ lý vẫn trả lời câu hỏi của bạn nhưng không lưu lời nhắn, không ghi nhận ý kiến và không chuyển tới cán bộ (trừ khi bạn gặp nguy hiểm đến tính mạng).',
    'Nếu đổi ý, bạn nhắn "đồng ý" bất cứ lúc nào nhé.',
  ].join('\n\n'),
  alreadyGranted: 'Bạn đã đồng ý từ trước rồi, cảm ơn bạn. Muốn rút lại, bạn gửi /tuchoi.',
  alreadyRefused: 'Bạn đã không đồng ý từ trước; trợ lý vẫn không lưu lời nhắn của bạn. Nếu đổi ý, bạn nhắn "đồng ý" nhé.',
} as const;
