import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { buildUrl } from '../../shared/api/api-client';
import { Card } from '../../shared/components/Card';
import { PageHeader } from '../../shared/components/PageHeader';
import { QueryView } from '../../shared/components/QueryView';
import { PagedTable } from '../../shared/components/PagedTable';
import { formatNumber, formatPercent } from '../../shared/format/format.vi';
import type { MoodSummary } from '../../../../core/contracts/mood-api';
import { byAttention } from '../../../../core/mood/attention-order';
import { isComputing, moodSummaryQuery } from '../dashboard/api';
import { MoodComputing } from '../../shared/mood/MoodComputing';
import { DownloadButton } from '../../shared/mood/DownloadButton';
import { Hidden, HiddenLegend } from '../../shared/mood/Hidden';
import { vietnamToday } from '../../shared/mood/period';
import { MoodValue } from '../../shared/mood/MoodValue';
import { HandoffCard } from './HandoffCard';
import { StoredReports } from './StoredReports';
import '../../shared/mood/mood.css';

type MoodChild = MoodSummary['children'][number];

/** The last 12 calendar months, most recent complete one first. */
function months(): { value: string; label: string; from: string; to: string }[] {
  const today = vietnamToday();
  return Array.from({ length: 12 }, (_, i) => {
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1 - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const from = start.toISOString().slice(0, 10);
    return { value: from, label: `Tháng ${start.getUTCMonth() + 1}/${start.getUTCFullYear()}`, from, to: end.toISOString().slice(0, 10) };
  });
}

/** Monthly reports of the user's subtree, instead of the manual reports that climb the hierarchy (issue #10). */
export function ReportsPage() {
  const options = months();
  const [month, setMonth] = useState(options[0]!.value);
  const chosen = options.find((o) => o.value === month) ?? options[0]!;
  const query = useQuery(moodSummaryQuery({ from: chosen.from, to: chosen.to, bucket: 'week' }));
  const link = (format: 'xlsx' | 'csv', unit?: string) => buildUrl(`/api/admin/mood/report.${format}`, { unit, from: chosen.from, to: chosen.to });
  // The server's Content-Disposition names the file; this one is only used if a proxy dropped the header.
  const fileName = (format: 'xlsx' | 'csv', unit: string) => `bao-cao-${unit}-${chosen.from}-${chosen.to}.${format}`;
  return (
    <>
      <PageHeader title="Báo cáo" description="Báo cáo tháng của đơn vị bạn và các đơn vị trực thuộc, lập tự động từ số liệu đã ẩn danh." />
      <div className="mood-dashboard no-print">
        <StoredReports />
      </div>
      <details className="mood-live-reports">
        <summary className="no-print">Lập báo cáo theo số liệu hiện tại (tháng khác, in hoặc tải lại)</summary>
        <label className="ui-field ui-filter report-period">
          <span>Kỳ báo cáo</span>
          <select value={month} onChange={(event) => setMonth(event.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      <QueryView query={query}>
        {(answer) => {
          if (isComputing(answer)) return <MoodComputing />;
          const summary = answer;
          return (
          <div className="mood-dashboard">
            <Card
              title={`${summary.unit_name} — ${chosen.label}`}
              actions={
                <>
                  <DownloadButton url={link('xlsx')} fileName={fileName('xlsx', summary.unit)} label="Tải Excel (XLSX)" />
                  <DownloadButton url={link('csv')} fileName={fileName('csv', summary.unit)} label="Tải CSV" className="btn-ghost" />
                  <button type="button" className="btn-ghost" onClick={() => window.print()}>
                    In
                  </button>
                </>
              }
            >
              <div className="mood-stats">
                <div className="mood-stat">
                  <span className="mood-stat-label">Đoàn viên phản ánh</span>
                  <span className="mood-stat-value">{summary.members === null ? <Hidden k={summary.k} /> : formatNumber(summary.members)}</span>
                </div>
                <div className="mood-stat">
                  <span className="mood-stat-label">Chỉ số tâm trạng</span>
                  <span className="mood-stat-value">{summary.suppressed ? <Hidden k={summary.k} /> : <MoodValue value={summary.mood_index} />}</span>
                </div>
                <div className="mood-stat">
                  <span className="mood-stat-label">Cảnh báo trong tháng</span>
                  <span className="mood-stat-value">{formatNumber(summary.alerts.length)}</span>
                </div>
              </div>
            </Card>
            <HandoffCard unit={summary.unit} from={summary.from} to={summary.to} />
            {summary.children.some((c) => c.unit !== summary.unit) && (
              <Card title="Các đơn vị trực thuộc — cần chú ý trước" flush>
                <p className="mood-note report-order-note">
                  Xếp theo tỷ lệ đoàn viên tiêu cực, cao nhất trước. Đơn vị có số liệu ẩn (dưới {summary.k} đoàn viên) xếp sau, theo tên.
                </p>
                <PagedTable<MoodChild>
                  caption="Các đơn vị trực thuộc, đơn vị cần chú ý trước"
                  rows={byAttention(summary.children.filter((c) => c.unit !== summary.unit))}
                  rowKey={(row) => row.unit}
                  searchText={(row) => row.name}
                  searchPlaceholder="Tìm đơn vị theo tên"
                  columns={[
                    { key: 'name', header: 'Đơn vị', render: (row) => row.name },
                    {
                      key: 'negative',
                      header: 'Tỷ lệ tiêu cực',
                      align: 'end',
                      render: (row) => (row.suppressed ? <Hidden k={summary.k} /> : row.negative_share === null ? '—' : formatPercent(row.negative_share)),
                    },
                    { key: 'index', header: 'Chỉ số tâm trạng', align: 'end', render: (row) => (row.suppressed ? <Hidden k={summary.k} /> : <MoodValue value={row.mood_index} />) },
                    { key: 'members', header: 'Đoàn viên phản ánh', align: 'end', render: (row) => (row.suppressed ? <Hidden k={summary.k} /> : formatNumber(row.members ?? 0)) },
                    {
                      key: 'download',
                      header: 'Tải về',
                      align: 'end',
                      hideInPrint: true,
                      render: (row) => <DownloadButton url={link('xlsx', row.unit)} fileName={fileName('xlsx', row.unit)} label="XLSX" className="mood-download-link" ariaLabel={`Tải XLSX của ${row.name}`} />,
                    },
                  ]}
                />
                {summary.children.some((c) => c.unit !== summary.unit && c.suppressed) && <HiddenLegend k={summary.k} />}
              </Card>
            )}
          </div>
          );
        }}
      </QueryView>
      </details>
    </>
  );
}
