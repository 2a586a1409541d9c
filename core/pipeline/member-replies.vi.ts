import type { ChannelId } from '../messages/channels.js';
import type { JoinNote, UnitSummary } from '../ports/member-directory.js';

/** Member-facing texts of the member commands (joining a union, linking channels). Same voice as replies.vi.ts. */
export const CHANNEL_NAMES_VI: Record<ChannelId, string> = {
  web: 'trang web',
  zalo: 'Zalo',
  messenger: 'Messenger',
  telegram: 'Telegram',
  botframework: 'Microsoft Teams',
  cli: 'dòng lệnh',
};

export const MEMBER_REPLIES_VI = {
  welcome:
    'Chào bạn! Mình là trợ lý của Công đoàn Việt Nam, trực 24/7. Bạn có thể hỏi mình về tiền lương, hợp đồng, tăng ca, bảo hiểm xã hội, thai sản, nghỉ việc… hoặc phản ánh khó khăn ở nơi làm việc.',
  askUnitCode:
    'Để ý kiến của bạn đến đúng công đoàn cơ sở, bạn cho mình biết công đoàn của mình nhé: nhắn mã công đoàn (in trên thông báo hoặc mã QR của công đoàn, ví dụ: CDCS001), hoặc tên công ty và tỉnh/thành nơi bạn làm việc (ví dụ: Công ty May Sông Hồng, Hà Nội) để mình tìm giúp. Nếu chưa tiện, bạn cứ bỏ qua và hỏi tiếp bình thường.',
  unitMatchesOffer: 'Mình tìm thấy công đoàn cơ sở có tên gần giống. Bạn chọn đúng đơn vị của mình để mình ghi nhận nhé:',
  unitNoneOfThese: 'Không có đơn vị của tôi',
  unitHowTo: 'Để chọn hoặc đổi công đoàn cơ sở, bạn nhắn: /donvi MÃ_CÔNG_ĐOÀN (ví dụ: /donvi CDCS001).',
  noUnitYet: 'Hiện bạn chưa thuộc công đoàn cơ sở nào trên hệ thống.',
  linkExpired: 'Mã liên kết đã hết hạn (mỗi mã chỉ dùng được trong 10 phút). Bạn gửi /lienket trên kênh kia để lấy mã mới nhé.',
  linkInvalid: 'Mã liên kết không đúng hoặc đã được dùng rồi. Bạn kiểm tra lại, hoặc gửi /lienket trên kênh kia để lấy mã mới nhé.',
  linkOwnCode:
    'Mã này được tạo ngay trên kênh này nên không dùng để liên kết được. Bạn mở kênh còn lại (ví dụ Zalo hoặc Telegram) rồi gửi mã ở đó nhé.',
  linkUndoNotFound: 'Mình không tìm thấy liên kết nào mới đây để hủy (chỉ hủy được trong vòng 7 ngày). Nếu bạn thấy tài khoản của mình có điều bất thường, bạn nhắn "gặp cán bộ" để được hỗ trợ nhé.',
  officerLinkInvalid: 'Mã cán bộ không đúng hoặc đã hết hạn. Bạn lấy mã mới trong trang quản trị (Cài đặt → Thông báo) rồi gửi lại nhé.',
  officerLinkTooManyAttempts: 'Tài khoản này đã gửi sai mã cán bộ quá nhiều lần. Để bảo vệ hệ thống, bạn vui lòng thử lại sau một giờ nhé.',
  linkTooManyAttempts: 'Bạn đã nhập sai mã liên kết quá nhiều lần. Để bảo vệ tài khoản, bạn vui lòng thử lại sau một giờ nhé.',
  help: [
    'Các lệnh bạn có thể dùng:',
    '• /donvi MÃ — chọn hoặc đổi công đoàn cơ sở của bạn',
    '• /lienket — lấy mã để liên kết tài khoản Zalo, Telegram, Messenger của cùng một người',
    '• /lienket MÃ_8_SỐ — nhập mã liên kết nhận được trên kênh kia',
    '• /taidulieu — xem trợ lý đang lưu gì về bạn, ai đã xem, và tải bản sao',
    '• /xoadulieu — xoá toàn bộ dữ liệu của bạn',
    'Còn lại, bạn cứ nhắn câu hỏi hoặc phản ánh bằng lời bình thường nhé.',
  ].join('\n'),
} as const;

export function unitJoinedReply(unit: UnitSummary, changed: boolean): string {
  const upper = unit.level !== undefined && unit.level !== 'grassroots';
  if (!changed) return `Bạn đang là đoàn viên của ${unit.name} (mã ${unit.code}).`;
  if (upper) {
    return `Mình đã ghi nhận bạn thuộc ${unit.name} (mã ${unit.code}). Các câu hỏi và phản ánh của bạn sẽ được chuyển tới đơn vị này. Khi biết công đoàn cơ sở của mình, bạn nhắn tên công ty và tỉnh/thành để mình tìm giúp nhé.`;
  }
  return `Mình đã ghi nhận bạn là đoàn viên của ${unit.name} (mã ${unit.code}). Các câu hỏi và phản ánh của bạn sẽ được chuyển tới công đoàn cơ sở này.`;
}

/** What became of the unit code of the link the member opened (`/chat?unit=`, `m.me/…?ref=`, `t.me/…?start=`). */
export function joinNoteReply(join: JoinNote): string {
  switch (join.status) {
    case 'set':
      return unitJoinedReply(join.unit as UnitSummary, true);
    case 'unchanged':
      return unitJoinedReply(join.unit as UnitSummary, false);
    case 'kept': {
      const current = join.current as UnitSummary;
      const linked = join.unit as UnitSummary;
      return `Bạn đang là đoàn viên của ${current.name} (mã ${current.code}) theo lựa chọn trước đây của bạn, nên mình giữ nguyên. Đường liên kết bạn vừa mở là của ${linked.name}; nếu muốn chuyển sang đó, bạn nhắn: /donvi ${linked.code}`;
    }
    case 'not_found':
      return `Mã công đoàn ${join.code} trong đường liên kết bạn vừa mở không đúng nên mình chưa ghi nhận được công đoàn của bạn. Bạn nhắn mã đúng, hoặc tên công ty và tỉnh/thành nơi bạn làm việc để mình tìm giúp nhé.`;
  }
}

export function unitNotFoundReply(code: string): string {
  return `Mình chưa tìm thấy công đoàn cơ sở nào có mã ${code}. Bạn kiểm tra lại mã (mã in trên thông báo hoặc mã QR của công đoàn) rồi nhắn lại giúp mình nhé.`;
}

export function linkCodeReply(code: string, validMinutes: number): string {
  return [
    `Mã liên kết của bạn là: ${code} (có hiệu lực trong ${validMinutes} phút, chỉ dùng một lần).`,
    `Bạn mở kênh còn lại (Zalo, Telegram, Messenger hoặc trang web) và gửi: /lienket ${code}`,
    'Đừng chia sẻ mã này cho người khác nhé.',
  ].join('\n');
}

export const LINK_UNDO_PAYLOAD_PREFIX = 'link:undo:';
export const LINK_UNDO_TITLE = 'Không phải tôi';

/** Sent to the code's owner on every other channel of theirs when a channel is linked (issue #15). */
export function linkNoticeText(channel: ChannelId, at: Date): string {
  const time = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
  return `Tài khoản ${CHANNEL_NAMES_VI[channel]} vừa được liên kết với bạn lúc ${time} bằng mã liên kết của bạn. Nếu đó là bạn, bạn không cần làm gì. Nếu không phải bạn, hãy bấm "${LINK_UNDO_TITLE}" (hoặc nhắn /khongphaitoi) để hủy liên kết ngay.`;
}

export function linkUndoneReply(channel: ChannelId): string {
  return `Mình đã hủy liên kết với tài khoản ${CHANNEL_NAMES_VI[channel]}. Tài khoản đó không còn xem được lịch sử trò chuyện hay đổi công đoàn của bạn nữa. Nếu cần liên kết lại, bạn gửi /lienket nhé.`;
}

/** An officer linked this account: inbox notices (no member content) will come here. */
export function officerLinkedReply(displayName: string): string {
  return `Đã liên kết tài khoản này với cán bộ ${displayName}. Từ nay bạn sẽ nhận thông báo ngắn khi có cuộc trò chuyện khẩn cấp hoặc được giao cho bạn (không kèm nội dung của đoàn viên).`;
}

export function linkedReply(channels: readonly ChannelId[], unit: UnitSummary | null): string {
  const names = [...new Set(channels.map((channel) => CHANNEL_NAMES_VI[channel]))].join(', ');
  const unitLine = unit ? ` Bạn thuộc ${unit.name} (mã ${unit.code}).` : '';
  return `Đã liên kết thành công! Từ nay mình nhận ra bạn trên ${names} là cùng một người, lịch sử trò chuyện được giữ nguyên.${unitLine}`;
}

/** A short button title for a union: without the "CĐCS"/"Công đoàn cơ sở" every grassroots union's name starts with. */
export function unitChoiceTitle(unit: UnitSummary): string {
  return unit.name.replace(/^(?:CĐCS|Công đoàn cơ sở)\s+/iu, '').trim() || unit.name;
}

/** Where the member's messages go until they find their union (the intake unit, or their province's federation). */
function intakeLine(intake: UnitSummary | null): string {
  return intake ? ` Trong lúc đó, câu hỏi và phản ánh của bạn vẫn được chuyển tới ${intake.name} để cán bộ hỗ trợ.` : '';
}

export function unitNotFoundByNameReply(province: UnitSummary | null, intake: UnitSummary | null, namedCompany = true): string {
  if (!namedCompany && province) {
    return `Bạn nhắn thêm tên công ty nơi bạn làm việc (ví dụ: Công ty May Sông Hồng) để mình tìm công đoàn cơ sở thuộc ${province.name} nhé.${intakeLine(intake)}`;
  }
  const where = province ? ` thuộc ${province.name}` : '';
  const hint = province ? 'tên công ty đầy đủ hơn' : 'tên công ty kèm tỉnh/thành nơi bạn làm việc';
  return `Mình chưa tìm thấy công đoàn cơ sở nào${where} có tên như bạn nhắn. Bạn thử nhắn ${hint}, hoặc mã công đoàn nếu có nhé.${intakeLine(intake)}`;
}

export function unitNoneChosenReply(intake: UnitSummary | null): string {
  const where = intake ? `câu hỏi và phản ánh của bạn sẽ được chuyển tới ${intake.name} để cán bộ hỗ trợ` : 'bạn vẫn hỏi và phản ánh bình thường được';
  return `Không sao cả. Trong lúc chưa tìm được công đoàn cơ sở, ${where}. Khi biết mã công đoàn, bạn nhắn /donvi MÃ để mình ghi nhận nhé.`;
}

