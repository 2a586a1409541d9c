/**
 * Which audited actions read or change a member's personal data, and why (Law 91/2025/QH15 and Decree
 * 13/2023/NĐ-CP: the controller records every processing of personal data and tells the data subject who
 * processed it). The audit log stores the action; the purpose and the route are derived from it here, so the
 * stored rows stay small and one mapping serves the admin API, the CLI and the member's own request in chat.
 */
export const ACCESS_PURPOSES = ['member_support', 'data_request', 'erasure', 'accountability', 'self_service'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

interface AccessKind {
  purpose: AccessPurpose;
  /** The HTTP route (or command) that performs it, for the admin's view of the log. */
  route: string;
  /** How the member reads it in chat: "… đã <label>". */
  labelVi: string;
}

export const PERSONAL_DATA_ACTIONS: Readonly<Record<string, AccessKind>> = {
  inbox_list: { purpose: 'member_support', route: 'GET /api/admin/conversations', labelVi: 'thấy tên và tin nhắn mới nhất của bạn trong hộp thư cán bộ' },
  conversation_view: { purpose: 'member_support', route: 'GET /api/admin/conversations/:id', labelVi: 'xem cuộc trò chuyện của bạn' },
  conversation_read: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/read', labelVi: 'đọc tin nhắn của bạn' },
  conversation_suggestion: { purpose: 'member_support', route: 'GET /api/admin/conversations/:id/suggestion', labelVi: 'nhờ trợ lý gợi ý câu trả lời cho bạn' },
  conversation_claim: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/claim', labelVi: 'nhận hỗ trợ bạn' },
  conversation_reply: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/messages', labelVi: 'trả lời bạn' },
  conversation_retry: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/messages/:messageId/retry', labelVi: 'gửi lại tin trả lời cho bạn' },
  conversation_note: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/notes', labelVi: 'ghi chú nội bộ về cuộc trò chuyện của bạn' },
  conversation_transfer: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/transfer', labelVi: 'chuyển cuộc trò chuyện của bạn cho cán bộ khác' },
  conversation_return: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/return', labelVi: 'trả cuộc trò chuyện của bạn về trợ lý ảo' },
  conversation_close: { purpose: 'member_support', route: 'POST /api/admin/conversations/:id/close', labelVi: 'đóng cuộc trò chuyện của bạn' },
  dead_letter_list: { purpose: 'member_support', route: 'GET /api/admin/dead-letters', labelVi: 'thấy trích đoạn tin nhắn bị lỗi của bạn trong danh sách tin lỗi' },
  dead_letter_retry: { purpose: 'member_support', route: 'POST /api/admin/dead-letters/:id/retry', labelVi: 'gửi lại tin nhắn bị lỗi của bạn' },
  member_export: { purpose: 'data_request', route: 'GET /api/admin/members/:id/export', labelVi: 'xuất toàn bộ dữ liệu của bạn' },
  member_erase: { purpose: 'erasure', route: 'DELETE /api/admin/members/:id', labelVi: 'xoá dữ liệu của bạn' },
  member_access_log: { purpose: 'accountability', route: 'GET /api/admin/members/:id/access-log', labelVi: 'xem nhật ký truy cập dữ liệu của bạn' },
  member_self_export: { purpose: 'self_service', route: 'chat /taidulieu', labelVi: 'bạn tự xem dữ liệu của mình' },
  member_self_erase_requested: { purpose: 'self_service', route: 'chat /xoadulieu', labelVi: 'bạn yêu cầu xoá dữ liệu của mình' },
  member_self_erase: { purpose: 'self_service', route: 'chat /xoadulieu', labelVi: 'bạn tự xoá dữ liệu của mình' },
};

export const PERSONAL_DATA_ACTION_NAMES = Object.keys(PERSONAL_DATA_ACTIONS);

export function accessKindOf(action: string): AccessKind | null {
  return PERSONAL_DATA_ACTIONS[action] ?? null;
}

/**
 * The keys an audit row about a member may keep after the member is erased: ids, counts, states and labels,
 * never free text (a search term, a reason typed by an officer, a name). Everything else is dropped.
 */
export const AUDIT_DETAIL_KEYS_KEPT_AFTER_ERASURE = ['view', 'count', 'from', 'by', 'resolution', 'asOfficer', 'messageId', 'noteId', 'conversations', 'messages', 'identities', 'via', 'direction', 'attempts'] as const;
