/**
 * The shipped full privacy notice (Law 91/2025/QH15), served at /quyen-rieng-tu when the deployment sets no
 * PRIVACY_NOTICE_FILE. A deployment replaces it with its own text (controller's name, contacts, its DPIA's facts).
 * `{retention}` is replaced by RETENTION_MESSAGE_MONTHS in words.
 */
export const DEFAULT_PRIVACY_NOTICE_VI = `# Thông báo về xử lý dữ liệu cá nhân

Trợ lý Công đoàn giúp đoàn viên, người lao động hỏi về pháp luật lao động, công đoàn và chuyển ý kiến tới cán bộ công đoàn. Thông báo này cho biết trợ lý xử lý dữ liệu nào của bạn, để làm gì, trong bao lâu và bạn có những quyền gì, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.

# Bên kiểm soát dữ liệu

Tổ chức công đoàn vận hành trợ lý này (Tổng Liên đoàn Lao động Việt Nam hoặc liên đoàn lao động được giao vận hành). Thông tin liên hệ: văn phòng công đoàn nơi bạn sinh hoạt.

# Dữ liệu được xử lý

Mã tài khoản của bạn trên kênh bạn dùng (Zalo, Messenger, Telegram hoặc trang web) và tên hiển thị kênh đó cung cấp; công đoàn cơ sở bạn chọn; nội dung tin nhắn bạn gửi và các nhãn chủ đề trợ lý tự gán. Tin nhắn có thể chứa dữ liệu nhạy cảm (sức khoẻ, thai sản, tranh chấp với người sử dụng lao động): bạn chỉ nên gửi những gì cần thiết.

# Mục đích

Trả lời câu hỏi của bạn; chuyển ý kiến tới cán bộ công đoàn của bạn khi bạn cần; thống kê ẩn danh các vấn đề đoàn viên quan tâm (không số liệu nào mô tả dưới 5 người); cải thiện trợ lý từ các câu hỏi đã xoá thông tin cá nhân. Không dùng cho quảng cáo, không bán, không lập hồ sơ cá nhân.

# Thời gian lưu

Tin nhắn được lưu {retention} rồi tự động xoá. Số liệu thống kê chỉ giữ ở dạng ẩn danh.

# Ai được xem

Chỉ cán bộ công đoàn cấp của bạn và cấp trên trực tiếp quản lý được xem cuộc trò chuyện khi bạn cần hỗ trợ; mọi lần xem đều được ghi nhật ký. Lãnh đạo công đoàn chỉ xem số liệu tổng hợp ẩn danh. Nếu có cấu hình mô hình ngôn ngữ (AI), chỉ câu hỏi đã xoá số điện thoại, số căn cước, số tài khoản, tên người được gửi đi.

# Nếu bạn không đồng ý

Bạn vẫn được trả lời các câu hỏi về pháp luật và công đoàn, nhưng trợ lý không lưu lời nhắn của bạn, không ghi nhận ý kiến vào số liệu thống kê và không chuyển tới cán bộ. Riêng khi tin nhắn cho thấy tính mạng, sức khoẻ của bạn đang gặp nguy hiểm, trợ lý vẫn đưa số khẩn cấp và báo ngay cho cán bộ công đoàn để bảo vệ bạn. Bạn có thể đổi ý bất cứ lúc nào bằng cách nhắn "đồng ý" hoặc /tuchoi.

# Quyền của bạn

Xem trợ lý lưu gì về bạn và ai đã xem, tải bản sao: nhắn /taidulieu. Xoá toàn bộ dữ liệu: nhắn /xoadulieu. Rút lại sự đồng ý: nhắn /tuchoi. Chọn hoặc sửa công đoàn của bạn: /donvi MÃ. Bạn cũng có thể đề nghị cán bộ công đoàn hỗ trợ.`;
