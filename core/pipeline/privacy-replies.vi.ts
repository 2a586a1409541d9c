import type { Choice } from '../messages/content.js';
import type { MemberDataSummary } from '../ports/member-privacy.js';
import { CHANNEL_NAMES_VI } from './member-replies.vi.js';

/** Button payloads of the erasure confirmation. */
export const PRIVACY_PAYLOADS = { eraseConfirm: 'privacy:erase:confirm', eraseCancel: 'privacy:erase:cancel' } as const;

export const ERASE_CHOICES: Choice[] = [
  { title: 'Xoá dữ liệu', payload: PRIVACY_PAYLOADS.eraseConfirm },
  { title: 'Không xoá', payload: PRIVACY_PAYLOADS.eraseCancel },
];

const ROLE_VI: Record<string, string> = { admin: 'quản trị viên', leader: 'lãnh đạo', officer: 'cán bộ' };
/** How many recent accesses the chat lists; the full log is with the union's administrators. */
export const ACCESSES_SHOWN = 10;

export const PRIVACY_REPLIES_VI = {
  eraseAsk: [
    'Bạn muốn xoá toàn bộ dữ liệu của mình khỏi trợ lý Công đoàn?',
    'Trợ lý sẽ xoá tên, công đoàn đã chọn, các tài khoản đã liên kết và mọi tin nhắn, cuộc trò chuyện của bạn trên tất cả các kênh. Cán bộ đang hỗ trợ bạn sẽ không còn thấy cuộc trò chuyện này. Việc xoá không thể hoàn tác.',
    'Số liệu thống kê ẩn danh (không có tên, không có lời nhắn) vẫn được giữ.',
  ].join('\n\n'),
  eraseConfirmed:
    'Đã nhận yêu cầu. Dữ liệu của bạn sẽ được xoá trong ít phút nữa. Nếu sau này bạn nhắn lại, trợ lý sẽ coi bạn là người mới. Cảm ơn bạn đã tin tưởng Công đoàn.',
  eraseCancelled: 'Đã huỷ, dữ liệu của bạn được giữ nguyên. Bạn cứ tiếp tục nhắn câu hỏi nhé.',
  eraseStale: 'Nút này đã cũ. Nếu bạn muốn xoá dữ liệu của mình, hãy gửi /xoadulieu để trợ lý hỏi lại một lần nữa.',
  unavailable: 'Hiện trợ lý chưa thực hiện được yêu cầu này. Bạn vui lòng liên hệ cán bộ công đoàn để được hỗ trợ về dữ liệu cá nhân.',
} as const;

function dateVi(at: Date): string {
  // Members read times in Vietnam's time zone whatever the server's.
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

function timeVi(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${dateVi(at)}`;
}

/** "Xem dữ liệu của tôi": what is stored, how long, who looked at it, and how to get a copy or erase it. */
export function dataSummaryReply(summary: MemberDataSummary): string {
  const channels = summary.channels.map((channel) => CHANNEL_NAMES_VI[channel]).join(', ');
  const lines = [
    'Dữ liệu trợ lý Công đoàn đang lưu về bạn:',
    `• Công đoàn: ${summary.unitName ?? 'bạn chưa chọn công đoàn'}`,
    `• Kênh đã dùng: ${channels || 'không có'}`,
    `• Bắt đầu từ: ${dateVi(summary.since)}`,
    `• Tin nhắn: ${summary.messages} tin trong ${summary.conversations} cuộc trò chuyện`,
    summary.retentionMonths > 0
      ? `Tin nhắn được lưu tối đa ${summary.retentionMonths} tháng rồi tự động xoá; số liệu thống kê chỉ giữ dạng ẩn danh.`
      : 'Tin nhắn được lưu cho đến khi bạn yêu cầu xoá; số liệu thống kê chỉ giữ dạng ẩn danh.',
    '',
  ];
  if (summary.accesses.length === 0) lines.push('Chưa có cán bộ nào xem dữ liệu của bạn.');
  else {
    lines.push('Những lần gần nhất cán bộ xem hoặc xử lý dữ liệu của bạn:');
    for (const access of summary.accesses.slice(0, ACCESSES_SHOWN)) {
      const who = access.who ? `${access.who}${access.role ? ` (${ROLE_VI[access.role] ?? access.role}${access.unitName ? `, ${access.unitName}` : ''})` : ''}` : 'Hệ thống';
      lines.push(`• ${timeVi(access.at)} — ${who} đã ${access.whatVi}`);
    }
  }
  lines.push('');
  if (summary.exportUrl) lines.push(`Tải bản sao đầy đủ (tệp JSON, hiệu lực ${summary.exportValidHours} giờ): ${summary.exportUrl}`);
  else lines.push('Muốn nhận bản sao đầy đủ, bạn hãy đề nghị cán bộ công đoàn xuất dữ liệu cho bạn.');
  lines.push('Muốn xoá toàn bộ dữ liệu của mình, bạn gửi /xoadulieu.');
  return lines.join('\n');
}
