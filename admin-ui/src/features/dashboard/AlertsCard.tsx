import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { MoodAlertHistorySchema as HistorySchema, MoodAlertListSchema as ListSchema, type MoodAlertDto } from '../../../../core/contracts/mood-api';
import { api } from '../../shared/api/api-client';
import { Badge } from '../../shared/components/Badge';
import { Button } from '../../shared/components/Button';
import { Card } from '../../shared/components/Card';
import { ErrorState } from '../../shared/components/ErrorState';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format/format.vi';
import { topicName } from './labels.vi';


/** The strongest first (the API's order); the rest one click away, so the charts stay in sight. */
const FIRST_SHOWN = 4;

const STATUS_VI: Record<MoodAlertDto['status'], string> = { open: 'Mới', acknowledged: 'Đã xem', resolved: 'Đã xử lý' };
const ACTION_VI: Record<string, string> = { created: 'Phát hiện', acknowledge: 'Đã xem', annotate: 'Ghi chú', resolve: 'Đã xử lý', reopen: 'Mở lại' };

/**
 * Early-warning alerts of the user's units (issue #10 item 5): unusual rises of a concern against the unit's own
 * baseline, with what they rest on; acknowledge, note and resolve here, with the alert's history.
 */
export function AlertsCard() {
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ['mood', 'alerts', 'active'] as const, queryFn: ({ signal }) => api.get('/api/admin/mood/alerts', ListSchema, { query: { status: 'active' }, signal }), staleTime: 30_000 });
  const act = useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'acknowledge' | 'annotate' | 'resolve'; note?: string }) => api.post(`/api/admin/mood/alerts/${id}/${action}`, null, { body: note ? { note } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mood'] }),
  });
  const [all, setAll] = useState(false);
  const items = alerts.data?.items ?? [];
  // Reached from the inbox's notice (/dashboard#canh-bao): the alerts load after the page, so scroll once they are there.
  const { hash } = useLocation();
  const list = useRef<HTMLUListElement>(null);
  const hasAlerts = items.length > 0;
  useEffect(() => {
    if (hash === '#canh-bao' && hasAlerts) list.current?.scrollIntoView({ block: 'start' });
  }, [hash, hasAlerts]);
  // Loading: nothing (the figure "Cảnh báo đang mở" above already counts them, and a card that appears only to vanish
  // would make the page jump). Failed: say so with "Thử lại", never pass it off as "no alerts".
  if (alerts.isError) {
    return (
      <Card title="Cảnh báo sớm">
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      </Card>
    );
  }
  if (alerts.isPending || items.length === 0) return null;
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  return (
    <Card title={`Cảnh báo sớm (${formatNumber(items.length)})`}>
      <ul className="mood-alerts" id="canh-bao" ref={list}>
        {shown.map((alert) => (
          <AlertItem key={alert.id} alert={alert} busy={act.isPending} onAct={(action, note) => act.mutate({ id: alert.id, action, ...(note ? { note } : {}) })} />
        ))}
      </ul>
      {items.length > FIRST_SHOWN && (
        <Button size="sm" variant="ghost" className="mood-alerts-more" onClick={() => setAll(!all)}>
          {all ? 'Thu gọn' : `Xem tất cả ${formatNumber(items.length)} cảnh báo`}
        </Button>
      )}
    </Card>
  );
}

function AlertItem({ alert, busy, onAct }: { alert: MoodAlertDto; busy: boolean; onAct: (action: 'acknowledge' | 'annotate' | 'resolve', note?: string) => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const history = useQuery({ queryKey: ['mood', 'alert-history', alert.id] as const, queryFn: ({ signal }) => api.get(`/api/admin/mood/alerts/${alert.id}/history`, HistorySchema, { signal }), enabled: open });
  return (
    <li className={`mood-alert mood-alert-${alert.status}`}>
      <div className="mood-alert-head">
        <strong>{topicName(alert.topic)}</strong> — {alert.unit_name} <Badge>{STATUS_VI[alert.status]}</Badge>
      </div>
      <p className="mood-alert-evidence">
        Tuần {formatDate(alert.window_start)}–{formatDate(alert.window_end)}: {formatNumber(alert.observed)} đoàn viên phản ánh, mức thường ngày {formatNumber(alert.baseline)}/tuần (8 tuần trước). Khả năng ngẫu nhiên dưới 0,1 %.
      </p>
      {alert.note && <p className="mood-alert-note">Ghi chú: {alert.note}</p>}
      <div className="mood-alert-actions">
        {alert.status === 'open' && (
          <Button size="sm" disabled={busy} onClick={() => onAct('acknowledge')}>
            Đã xem
          </Button>
        )}
        <Button size="sm" variant="primary" disabled={busy} onClick={() => onAct('resolve', note.trim() || undefined)}>
          Đã xử lý
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Ẩn lịch sử' : 'Ghi chú, lịch sử'}
        </Button>
      </div>
      {open && (
        <div className="mood-alert-more">
          <label className="ui-field">
            <span>Ghi chú (không ghi tên đoàn viên)</span>
            <textarea value={note} maxLength={2000} rows={2} onChange={(event) => setNote(event.target.value)} />
          </label>
          <Button size="sm" disabled={busy || note.trim().length === 0} onClick={() => { onAct('annotate', note.trim()); setNote(''); }}>
            Lưu ghi chú
          </Button>
          <ol className="mood-alert-history">
            {(history.data?.history ?? []).map((event) => (
              <li key={`${event.at}-${event.action}`}>
                {formatDateTime(event.at)} · {ACTION_VI[event.action] ?? event.action}
                {event.actor ? ` · ${event.actor}` : ''}
                {event.note ? `: ${event.note}` : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
