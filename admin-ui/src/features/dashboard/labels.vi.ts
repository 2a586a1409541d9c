import type { Topic } from '../../../../core/nlu/labels';

/** Short topic names for charts and tables (the long ones are in core/nlu/topic-names.vi.ts). */
export const TOPIC_SHORT_VI: Record<Topic, string> = {
  wages: 'Tiền lương',
  wage_arrears: 'Nợ lương',
  working_time: 'Giờ làm, tăng ca',
  contract: 'Hợp đồng',
  termination: 'Nghỉ việc',
  maternity: 'Thai sản',
  social_insurance: 'BHXH, BHYT',
  safety: 'An toàn lao động',
  harassment: 'Quấy rối',
  union: 'Hoạt động công đoàn',
  dispute: 'Tranh chấp',
  living_conditions: 'Bữa ăn, nhà ở',
  skills_jobs: 'Học nghề, việc làm',
  other: 'Khác',
};

export const topicName = (topic: string) => TOPIC_SHORT_VI[topic as Topic] ?? topic;

export const LEVEL_SHORT_VI: Record<string, string> = {
  national: 'Toàn quốc',
  province_or_sector: 'LĐLĐ tỉnh, CĐ ngành',
  upper_grassroots: 'CĐ cấp trên cơ sở',
  grassroots: 'CĐ cơ sở',
};

export const CHANNEL_NAMES_VI: Record<string, string> = { zalo: 'Zalo', messenger: 'Messenger', telegram: 'Telegram', web: 'Trang web', botframework: 'Teams', cli: 'Dòng lệnh' };

/** What a hidden figure says: never a number, always why. */
export const HIDDEN_TITLE = 'ẩn để bảo vệ danh tính';
