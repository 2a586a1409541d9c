import type { FaqStatus } from '../../../../core/contracts/knowledge-api';
import type { Route, Sentiment } from '../../../../core/nlu/labels';

/** Officer-facing Vietnamese names of the knowledge desk's values. */
export const ROUTE_NAMES_VI: Record<Route, string> = {
  question: 'Câu hỏi',
  feedback: 'Phản ánh, góp ý',
  handoff: 'Muốn gặp cán bộ',
  smalltalk: 'Chào hỏi, cảm ơn',
  out_of_scope: 'Ngoài phạm vi',
};

export const SENTIMENT_NAMES_VI: Record<Sentiment, string> = { negative: 'Tiêu cực', neutral: 'Trung tính', positive: 'Tích cực' };

export const STATUS_NAMES_VI: Record<FaqStatus, string> = { published: 'Đang dùng', draft: 'Bản nháp', retired: 'Ngừng dùng' };

export const REASON_NAMES_VI: Record<string, string> = { low_confidence: 'Trợ lý chưa chắc', not_covered: 'Chưa có câu trả lời', flagged: 'Nghi quảng cáo hoặc chèn lệnh' };

export const ACTION_NAMES_VI: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  retire: 'Ngừng dùng',
  delete: 'Xoá',
  import: 'Nhập tệp',
  undo: 'Hoàn tác',
};

/** A readable slug for a new entry from its question ("Nhà ăn có…" → "nha-an-co-…"). */
export function slugFromQuestion(question: string, prefix = ''): string {
  const base = question
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 7)
    .join('-');
  return `${prefix}${base}`.slice(0, 60).replace(/-+$/, '') || 'cau-hoi-moi';
}
