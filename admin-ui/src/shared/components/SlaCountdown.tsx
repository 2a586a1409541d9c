import { useEffect, useState } from 'react';
import { Icon } from '../icons/Icon';

/** The current time, re-read every `everyMs` so countdowns move without refetching anything. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "còn 12 phút" / "quá hạn 5 phút" / "quá hạn 2 giờ 10 phút". */
export function describeSla(dueAt: string, now: number): { text: string; overdue: boolean; soon: boolean } {
  const ms = new Date(dueAt).getTime() - now;
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const span = minutes < 60 ? `${minutes} phút` : `${Math.floor(minutes / 60)} giờ${minutes % 60 ? ` ${minutes % 60} phút` : ''}`;
  if (ms < 0) return { text: `Quá hạn ${span}`, overdue: true, soon: false };
  return { text: `Còn ${span}`, overdue: false, soon: ms <= 5 * 60_000 };
}

/**
 * How long an officer has before the conversation escalates to the parent unit (the SLA). Overdue is red and
 * said in words, not only by colour; the server's `overdue` flag wins over the local clock.
 */
export function SlaCountdown({ dueAt, overdue = false, now }: { dueAt: string | null | undefined; overdue?: boolean; now: number }) {
  if (!dueAt) return overdue ? <span className="ui-sla overdue">Quá hạn</span> : null;
  const sla = describeSla(dueAt, now);
  const late = overdue || sla.overdue;
  return (
    <span className={`ui-sla${late ? ' overdue' : sla.soon ? ' soon' : ''}`} title={`Hạn phản hồi: ${new Date(dueAt).toLocaleString('vi-VN')}`}>
      <Icon name="clock" size={14} />
      {late && !sla.overdue ? 'Quá hạn' : sla.text}
    </span>
  );
}
