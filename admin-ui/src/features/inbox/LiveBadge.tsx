import { Badge } from '../../shared/components/Badge';
import type { LiveStatus } from '../../shared/queries/live-events';

/** Whether the list updates by itself right now: officers trust a silent inbox only when they know it is live. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  if (status === 'live') return <Badge tone="success" dot>Cập nhật trực tiếp</Badge>;
  if (status === 'connecting') return <Badge tone="neutral" dot>Đang kết nối…</Badge>;
  return <Badge tone="warning" dot>Mất kết nối, tự tải lại mỗi 20 giây</Badge>;
}
