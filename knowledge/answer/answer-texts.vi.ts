/**
 * Member-facing sentences shared by every answer path. Kept in one file so that officers can review the
 * wording (and a translator can find it) without reading the composition code.
 */
export const ANSWER_TEXTS = {
  disclaimer:
    'Thông tin chỉ mang tính tham khảo, không phải ý kiến tư vấn pháp lý cho trường hợp cụ thể của bạn.',
  officerOffer:
    'Nếu cần hỗ trợ thêm, bạn nhắn "gặp cán bộ" để được cán bộ công đoàn tư vấn trực tiếp, miễn phí.',
  notCovered:
    'Xin lỗi bạn, các văn bản pháp luật mà trợ lý đang có chưa đề cập rõ đến câu hỏi này, nên trợ lý không muốn trả lời phỏng đoán.',
  notCoveredOffer:
    'Bạn có muốn trao đổi trực tiếp với cán bộ công đoàn không? Chỉ cần nhắn "gặp cán bộ", cán bộ sẽ liên hệ hỗ trợ bạn.',
  extractiveIntro: 'Trợ lý tìm thấy các quy định sau liên quan đến câu hỏi của bạn:',
  expiredNote: 'Lưu ý: văn bản này đã hết hiệu lực, chỉ để bạn tham khảo lịch sử quy định.',
  // After a list of which only the points that fit the question are quoted: the member must not take it as whole.
  listContinues: '(Khoản này còn nêu thêm các trường hợp khác.)',
  // The same after an article that only enumerates (its items are its clauses).
  articleListContinues: '(Điều này còn nêu thêm các trường hợp khác.)',
} as const;
