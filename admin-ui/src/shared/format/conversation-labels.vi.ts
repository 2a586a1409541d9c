import type { Sentiment, Topic } from '../../../../core/nlu/labels';

/**
 * Officer-facing Vietnamese names of a conversation's values, shared by the inbox and the conversation view.
 * Unknown values (a newer server) fall back to the raw key instead of breaking the screen.
 */
export const STATE_NAMES_VI: Record<string, string> = {
  bot: 'Trợ lý đang trả lời',
  waiting_officer: 'Đang chờ cán bộ',
  officer: 'Cán bộ đang xử lý',
  closed: 'Đã đóng',
};

export const CHANNEL_NAMES_VI: Record<string, string> = {
  web: 'Web chat',
  zalo: 'Zalo',
  messenger: 'Messenger',
  telegram: 'Telegram',
  botframework: 'Teams',
  cli: 'Dòng lệnh',
};

/** Short topic names for a crowded row (the member-facing long names are in core/nlu/topic-names.vi). */
export const TOPIC_SHORT_VI: Record<Topic, string> = {
  wages: 'Tiền lương',
  wage_arrears: 'Nợ lương',
  working_time: 'Giờ làm, tăng ca',
  contract: 'Hợp đồng',
  termination: 'Nghỉ việc',
  maternity: 'Thai sản',
  social_insurance: 'BHXH, BHYT',
  safety: 'An toàn lao động',
  harassment: 'Quấy rối, xúc phạm',
  union: 'Công đoàn',
  dispute: 'Tranh chấp',
  living_conditions: 'Đời sống',
  skills_jobs: 'Việc làm, đào tạo',
  other: 'Khác',
};

export const SENTIMENT_VI: Record<Sentiment, string> = { negative: 'Tiêu cực', neutral: 'Trung tính', positive: 'Tích cực' };

export const ROUTE_VI: Record<string, string> = {
  question: 'Câu hỏi',
  feedback: 'Phản ánh',
  handoff: 'Muốn gặp cán bộ',
  smalltalk: 'Chào hỏi',
  out_of_scope: 'Ngoài phạm vi',
};

export const RESOLUTION_VI: Record<string, string> = {
  resolved: 'Đã giải quyết',
  legal_aid: 'Chuyển trợ giúp pháp lý',
  employer_contacted: 'Đã liên hệ doanh nghiệp',
  no_action: 'Không cần xử lý',
  spam: 'Tin rác',
};

export const ANONYMOUS_MEMBER = 'Đoàn viên ẩn danh';

export function labelOf(table: Record<string, string>, key: string | null | undefined): string | undefined {
  if (!key) return undefined;
  return table[key] ?? key;
}
