import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { AuditPageSchema, type AuditEntryDto } from '../../../../core/contracts/audit-api';
import { api } from '../../shared/api/api-client';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDateTime, formatNumber } from '../../shared/format/format.vi';
import { AUDIT_ACTIONS_VI, auditDetailValue } from './audit-labels.vi';
import './audit.css';

interface Filters {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { actor: '', action: '', targetType: '', targetId: '', from: '', to: '' };
const PAGE_SIZE = 50;

const TARGET_NAMES: Record<string, string> = {
  faq_entry: 'Câu hỏi thường gặp',
  faq_proposal: 'Đề xuất',
  learning_item: 'Câu hỏi chưa trả lời',
  member: 'Đoàn viên',
  conversation: 'Cuộc trò chuyện',
  user: 'Tài khoản',
};

function queryString(filters: Filters, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim() !== '') params.set(key, value.trim());
  if (page > 0) {
    params.set('page', String(page));
    params.set('pageSize', String(PAGE_SIZE));
  }
  return params.toString();
}

/** Nhật ký hệ thống (issue #9 item 8): who saw or changed what, for admins, filtered and exportable as CSV. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) => api.get(`/api/admin/audit?${queryString(filters, page)}`, AuditPageSchema, { signal }),
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;
  const field = (key: keyof Filters) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  return (
    <div className="audit">
      <form className="audit-filters" onSubmit={apply}>
        <label>
          Người thực hiện
          <input placeholder="email hoặc một phần" {...field('actor')} />
        </label>
        <label>
          Hành động
          <select {...field('action')}>
            <option value="">Tất cả</option>
            {(log.data?.actions ?? []).map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTIONS_VI[action] ?? action}
              </option>
            ))}
          </select>
        </label>
        <label>
          Đối tượng
          <select {...field('targetType')}>
            <option value="">Tất cả</option>
            {Object.entries(TARGET_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mã đối tượng
          <input {...field('targetId')} />
        </label>
        <label>
          Từ ngày
          <input type="date" {...field('from')} />
        </label>
        <label>
          Đến ngày
          <input type="date" {...field('to')} />
        </label>
        <div className="audit-buttons">
          <button type="submit" className="ui-btn ui-btn-primary">
            Lọc
          </button>
          <button
            type="button"
            className="ui-btn ui-btn-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setPage(1);
            }}
          >
            Xoá lọc
          </button>
          <a className="ui-btn ui-btn-ghost" href={`/api/admin/audit/export.csv?${queryString(filters, 0)}`} download>
            Tải CSV
          </a>
        </div>
      </form>
      <Card>
      {log.isPending ? (
        <LoadingState variant="table" rows={8} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <EmptyState icon="shield" title="Không có dòng nhật ký nào khớp bộ lọc" description="Thử mở rộng khoảng thời gian hoặc bỏ bớt điều kiện. Mọi lượt xem dữ liệu đoàn viên và mọi thay đổi đều được ghi ở đây." />
      ) : (
        <>
          <p className="muted small audit-count">
            {formatNumber(log.data.total)} dòng · trang {page}/{pages}
          </p>
          <div className="ui-table-wrap">
          <table className="table audit-table">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Người thực hiện</th>
                <th>Hành động</th>
                <th>Đối tượng</th>
                <th>Đơn vị</th>
                <th>Chi tiết</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((row) => (
                <AuditRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
          </div>
          <div className="pager">
            <button type="button" className="ui-btn ui-btn-secondary ui-btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹ Trước
            </button>
            <span>
              {page}/{pages}
            </span>
            <button type="button" className="ui-btn ui-btn-secondary ui-btn-sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Sau ›
            </button>
          </div>
        </>
      )}
      </Card>
    </div>
  );
}

function AuditRow({ row }: { row: AuditEntryDto }) {
  const details = Object.entries(row.details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${auditDetailValue(value)}`)
    .join(' · ');
  return (
    <tr>
      <td data-label="Thời điểm">{formatDateTime(row.at)}</td>
      <td data-label="Người thực hiện">{row.actor}</td>
      <td data-label="Hành động">
        {AUDIT_ACTIONS_VI[row.action] ?? row.action} <code className="muted small">{row.action}</code>
      </td>
      <td data-label="Đối tượng">
        {TARGET_NAMES[row.targetType] ?? row.targetType}
        {row.targetId ? <span className="muted small"> {row.targetId}</span> : null}
      </td>
      <td data-label="Đơn vị">{row.unitCode ?? '—'}</td>
      <td data-label="Chi tiết" className="details">
        {details || '—'}
      </td>
    </tr>
  );
}
