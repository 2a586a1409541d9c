import type { Topic } from './labels.js';

/** How a topic is named to members and officers. */
export const TOPIC_NAMES_VI: Record<Topic, string> = {
  wages: 'tiền lương, thu nhập',
  wage_arrears: 'nợ lương, chậm trả lương',
  working_time: 'thời giờ làm việc, nghỉ ngơi, tăng ca',
  contract: 'hợp đồng lao động',
  termination: 'nghỉ việc, chấm dứt hợp đồng',
  maternity: 'thai sản',
  social_insurance: 'bảo hiểm xã hội, bảo hiểm y tế, thất nghiệp',
  safety: 'an toàn, vệ sinh lao động',
  harassment: 'quấy rối, xúc phạm, phân biệt đối xử',
  union: 'hoạt động công đoàn, quyền lợi đoàn viên',
  dispute: 'tranh chấp lao động, ngừng việc tập thể',
  living_conditions: 'bữa ăn, nhà trọ, đời sống',
  skills_jobs: 'đào tạo nghề, tìm việc làm',
  other: 'vấn đề bạn nêu',
};
