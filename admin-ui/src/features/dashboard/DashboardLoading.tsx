import { useEffect, useState } from 'react';
import { MoodSkeleton } from '../../shared/mood/MoodSkeleton';

/** After this long a load is no longer "a moment": say why, so a leader does not think the page is stuck. */
export const SLOW_AFTER_MS = 4000;

/**
 * The dashboard while its figures load: grey blocks in the shape of the four figures and the first two charts (the
 * page does not jump when they arrive), and, past a few seconds, the honest reason: a long period nobody opened yet is
 * computed from the daily figures the first time (tens of seconds nationally at scale, D-mood-12), then kept.
 */
export function DashboardLoading() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="mood-dashboard mood-loading" role="status" aria-busy="true">
      <span className="ui-visually-hidden">Đang tải số liệu…</span>
      {slow && (
        <p className="mood-slow-hint">
          Đang tính số liệu của khoảng thời gian này lần đầu — với phạm vi lớn có thể mất đến một phút. Lần sau sẽ mở ngay.
        </p>
      )}
      <MoodSkeleton />
    </div>
  );
}
