import type { Topic } from '../../../../core/nlu/labels';
import { CHANNEL_NAMES_VI, TOPIC_SHORT_VI } from '../../shared/format/conversation-labels.vi';

/** The dashboard names topics and channels as the inbox does, so officers and leaders read one vocabulary. */
export { CHANNEL_NAMES_VI, TOPIC_SHORT_VI };
export { HIDDEN_TITLE } from '../../shared/mood/Hidden';

export const topicName = (topic: string) => TOPIC_SHORT_VI[topic as Topic] ?? topic;

export const LEVEL_SHORT_VI: Record<string, string> = {
  national: 'Toàn quốc',
  province_or_sector: 'LĐLĐ tỉnh, CĐ ngành',
  upper_grassroots: 'CĐ cấp trên cơ sở',
  grassroots: 'CĐ cơ sở',
};

