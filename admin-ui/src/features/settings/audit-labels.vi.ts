/**
 * The audit log's action codes as an admin reads them. The code stays beside the name (it is what the CSV and the
 * filter API use); an action missing here (a newer server) shows as its code.
 */
export const AUDIT_ACTIONS_VI: Record<string, string> = {
  login: 'Đăng nhập',
  login_failed: 'Đăng nhập sai',
  logout: 'Đăng xuất',
  availability_set: 'Đổi trạng thái trực',
  inbox_list: 'Xem hộp thư',
  conversation_view: 'Mở cuộc trò chuyện',
  conversation_claim: 'Nhận xử lý',
  conversation_reply: 'Trả lời đoàn viên',
  conversation_retry: 'Gửi lại trả lời',
  conversation_note: 'Ghi chú nội bộ',
  conversation_read: 'Đánh dấu đã đọc',
  conversation_return: 'Trả lại trợ lý',
  conversation_close: 'Đóng cuộc trò chuyện',
  conversation_transfer: 'Chuyển cuộc trò chuyện',
  conversation_suggestion: 'Xem gợi ý trả lời',
  dead_letter_list: 'Xem tin lỗi',
  dead_letter_retry: 'Xử lý lại tin lỗi',
  faq_create: 'Thêm câu hỏi thường gặp',
  faq_update: 'Sửa câu hỏi thường gặp',
  faq_retire: 'Ngừng dùng câu hỏi thường gặp',
  faq_delete: 'Xoá câu hỏi thường gặp',
  faq_undo: 'Hoàn tác câu hỏi thường gặp',
  faq_import: 'Nhập câu hỏi thường gặp',
  faq_propose: 'Đề xuất câu hỏi thường gặp',
  faq_proposal_accept: 'Duyệt đề xuất',
  faq_proposal_reject: 'Từ chối đề xuất',
  learning_answer: 'Trả lời câu hỏi chưa chắc',
  learning_dismiss: 'Bỏ qua câu hỏi chưa chắc',
  learning_faq: 'Tạo câu hỏi thường gặp',
  learning_relabel: 'Gán lại nhãn',
  learning_reopen: 'Mở lại câu hỏi',
  member_access_log: 'Xem nhật ký truy cập của đoàn viên',
  member_erase: 'Xoá dữ liệu đoàn viên',
  member_export: 'Xuất dữ liệu đoàn viên',
  member_self_erase: 'Đoàn viên tự xoá dữ liệu',
  member_self_export: 'Đoàn viên tự tải dữ liệu',
  mood_examples: 'Xem tin nhắn minh hoạ tâm trạng',
  notify_link_code: 'Tạo mã liên kết thông báo',
  notify_unlink: 'Huỷ liên kết thông báo',
  org_import: 'Nhập cơ cấu tổ chức',
  retention_purge: 'Xoá dữ liệu hết hạn lưu',
  unit_office_hours: 'Đổi giờ làm việc',
  user_create: 'Tạo tài khoản',
  user_set_password: 'Đặt mật khẩu',
};

/** A detail value in one line: a list of ids reads as how many, not as a wall of UUIDs. */
export function auditDetailValue(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} mục`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
