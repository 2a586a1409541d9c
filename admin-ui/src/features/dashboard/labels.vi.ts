import type { Topic } from '../../../../core/nlu/labels';
import type { UnitOrder } from '../../../../core/mood/growth-order';
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


/** The orders a leader can list the units in (core/mood/growth-order.ts). */
export const UNIT_ORDER_NAMES_VI: Record<UnitOrder, string> = {
  negative: 'Tỷ lệ tiêu cực cao nhất',
  growth: 'Phản ánh tăng nhiều nhất',
  negative_growth: 'Tiêu cực tăng nhiều nhất',
};

/** The heat map's title when it shows only the first units of that order. */
export const UNIT_ORDER_TOP_VI: Record<UnitOrder, string> = {
  negative: 'tiêu cực nhất',
  growth: 'tăng nhiều nhất',
  negative_growth: 'tiêu cực tăng nhiều nhất',
};
