import { CLIENT_ERROR_CODES, isApiError } from './api-error';

export interface ErrorDescription {
  title: string;
  description: string;
  /** Whether trying the same thing again can help (offer a "Thử lại" button). */
  retryable: boolean;
}

/** Specific codes first (core/errors/error-codes.ts); the HTTP status decides the rest. */
const BY_CODE: Record<string, ErrorDescription> = {
  AUTH_INVALID_CREDENTIALS: { title: 'Email hoặc mật khẩu không đúng.', description: 'Kiểm tra lại rồi đăng nhập lại.', retryable: false },
  AUTH_RATE_LIMITED: { title: 'Bạn đã đăng nhập sai quá nhiều lần.', description: 'Vui lòng thử lại sau 15 phút.', retryable: false },
  UNIT_OUT_OF_SCOPE: { title: 'Đơn vị này nằm ngoài phạm vi của bạn.', description: 'Bạn chỉ xem được đơn vị của mình và các đơn vị trực thuộc.', retryable: false },
  CONVERSATION_CLAIMED: { title: 'Một cán bộ khác đã nhận cuộc trò chuyện này.', description: 'Tải lại để xem ai đang xử lý.', retryable: false },
  CONVERSATION_RETURNED_TO_BOT: { title: 'Cuộc trò chuyện đã được trả lại cho trợ lý.', description: 'Nhận xử lý lại nếu bạn vẫn cần trả lời đoàn viên.', retryable: false },
  CONVERSATION_NOT_ACTIONABLE: { title: 'Cuộc trò chuyện không còn ở trạng thái cho phép việc này.', description: 'Tải lại để xem trạng thái mới nhất.', retryable: true },
  CONVERSATION_INVALID_TRANSITION: { title: 'Cuộc trò chuyện vừa đổi trạng thái.', description: 'Tải lại để xem trạng thái mới nhất.', retryable: true },
  CHANNEL_NOT_CONFIGURED: { title: 'Hệ thống chưa kết nối kênh này.', description: 'Quản trị hệ thống bật kênh trong cấu hình máy chủ.', retryable: false },
  VERSION_CONFLICT: { title: 'Nội dung vừa được người khác thay đổi.', description: 'Tải lại để xem bản mới nhất rồi sửa tiếp.', retryable: true },
  [CLIENT_ERROR_CODES.network]: { title: 'Không kết nối được máy chủ.', description: 'Kiểm tra kết nối mạng rồi thử lại.', retryable: true },
  [CLIENT_ERROR_CODES.badResponse]: { title: 'Máy chủ trả về dữ liệu không đúng định dạng.', description: 'Hãy tải lại trang; nếu vẫn lỗi, báo cho quản trị hệ thống.', retryable: true },
};

function byStatus(status: number): ErrorDescription {
  if (status === 401) return { title: 'Phiên đăng nhập đã hết hạn.', description: 'Vui lòng đăng nhập lại.', retryable: false };
  if (status === 403) return { title: 'Bạn không có quyền thực hiện việc này.', description: 'Liên hệ quản trị viên nếu bạn cần quyền này.', retryable: false };
  if (status === 404) return { title: 'Không tìm thấy nội dung này.', description: 'Có thể nội dung đã bị xoá hoặc nằm ngoài phạm vi của bạn.', retryable: false };
  if (status === 409) return { title: 'Thao tác bị trùng hoặc xung đột.', description: 'Tải lại để xem trạng thái mới nhất.', retryable: true };
  if (status === 413) return { title: 'Nội dung gửi lên quá lớn.', description: 'Hãy rút gọn rồi gửi lại.', retryable: false };
  if (status === 422 || status === 400) return { title: 'Dữ liệu chưa hợp lệ.', description: 'Kiểm tra các ô được đánh dấu rồi gửi lại.', retryable: false };
  if (status === 429) return { title: 'Bạn thao tác quá nhanh.', description: 'Vui lòng đợi một lát rồi thử lại.', retryable: true };
  // A gateway in front of the server gave up waiting: the work may still finish (a long period is kept once computed).
  if (status === 504) return { title: 'Máy chủ trả lời quá lâu.', description: 'Số liệu của khoảng thời gian dài có thể cần đến một phút lần đầu. Vui lòng thử lại sau giây lát.', retryable: true };
  return { title: 'Máy chủ đang gặp sự cố.', description: 'Vui lòng thử lại sau ít phút.', retryable: true };
}

/** What to tell an officer about a failed request, in Vietnamese. */
export function describeError(error: unknown): ErrorDescription {
  if (!isApiError(error)) return { title: 'Đã có lỗi xảy ra.', description: 'Vui lòng tải lại trang.', retryable: true };
  return BY_CODE[error.code] ?? byStatus(error.status);
}
