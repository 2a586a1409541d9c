import type { InboundContent, MediaKind } from '../messages/content.js';

/**
 * What the assistant says to a message without words (issue #15, "every inbound type"): it names what it
 * received, says it is kept for the union officers, and asks for a few words. Same voice as replies.vi.ts.
 */
const MEDIA_NAMES_VI: Record<MediaKind, string> = {
  image: 'ảnh',
  gif: 'ảnh động',
  video: 'video',
  file: 'tệp',
  audio: 'tin nhắn thoại',
  sticker: 'nhãn dán',
};

const ASK_FOR_WORDS = 'Bạn nhắn thêm vài dòng cho biết bạn muốn hỏi hay phản ánh điều gì nhé (gõ không dấu cũng được).';

export const INBOUND_REPLIES_VI = {
  sticker: 'Mình nhận được nhãn dán của bạn rồi 😊 Bạn cần hỏi gì về quyền lợi, hay muốn phản ánh điều gì ở nơi làm việc, cứ nhắn cho mình nhé.',
  audio: `Mình đã nhận tin nhắn thoại của bạn và lưu lại để cán bộ công đoàn nghe khi cần, nhưng mình chưa nghe được nội dung. ${ASK_FOR_WORDS}`,
  location:
    'Mình đã nhận vị trí bạn gửi và lưu lại cho cán bộ công đoàn. Nếu bạn đang gặp sự cố ở nơi làm việc, bạn kể ngắn gọn chuyện gì đang xảy ra nhé. Nếu khẩn cấp, hãy gọi ngay 113 (công an) hoặc 115 (cấp cứu).',
  contact: 'Mình đã nhận danh thiếp bạn gửi và lưu lại cho cán bộ công đoàn. Bạn cho mình biết cần hỗ trợ gì liên quan đến người này nhé (ví dụ: muốn cán bộ công đoàn liên hệ).',
  unknownButton: 'Nút bạn vừa bấm đã cũ nên mình không làm theo được nữa. Bạn cứ nhắn câu hỏi hoặc điều muốn phản ánh, mình hỗ trợ ngay nhé.',
  unsupported: `Mình đã nhận được tin nhắn của bạn nhưng chưa đọc được loại nội dung này. ${ASK_FOR_WORDS} Nếu cần gửi giấy tờ, mình có thể chuyển bạn tới cán bộ công đoàn.`,
} as const;

/** Photos, videos, files without a caption: one reply for the whole message, however many attachments. */
export function mediaReceivedReply(kind: MediaKind, count: number): string {
  const what = count > 1 ? `${count} ${MEDIA_NAMES_VI[kind]}` : MEDIA_NAMES_VI[kind];
  return `Mình đã nhận được ${what} bạn gửi và lưu lại để cán bộ công đoàn xem khi cần. Mình chưa đọc được nội dung bên trong. ${ASK_FOR_WORDS}`;
}

/** The reply to a message that has no words of the member's (see memberWords). */
export function wordlessReply(content: Exclude<InboundContent, { type: 'text' }>): string {
  switch (content.type) {
    case 'media':
      if (content.kind === 'sticker') return INBOUND_REPLIES_VI.sticker;
      if (content.kind === 'audio') return INBOUND_REPLIES_VI.audio;
      return mediaReceivedReply(content.kind, content.items?.length ?? 1);
    case 'location':
      return INBOUND_REPLIES_VI.location;
    case 'contact':
      return INBOUND_REPLIES_VI.contact;
    case 'postback':
      return INBOUND_REPLIES_VI.unknownButton;
    case 'unsupported':
      return INBOUND_REPLIES_VI.unsupported;
  }
}
