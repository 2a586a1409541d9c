import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MoodReportItem, MoodReportList } from '../../../../core/contracts/mood-api';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { QueryView } from '../../shared/components/QueryView';
import { PagedTable } from '../../shared/components/PagedTable';
import { byAttention } from '../../../../core/mood/attention-order';
import { formatDateTime, formatNumber } from '../../shared/format/format.vi';
import { Hidden, HiddenLegend } from '../../shared/mood/Hidden';
import { MoodValue } from '../../shared/mood/MoodValue';
import { storedReportsQuery, storedReportUrl } from './api';

const monthLabel = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** The user's own unit first, then the units below it that most need a look (lowest mood index first). */
const ownFirstThenAttention = (list: MoodReportList) => [...list.reports.filter((row) => row.unit === list.unit), ...byAttention(list.reports.filter((row) => row.unit !== list.unit))];

/**
 * The reports stored on the 1st of each month (docs/decisions.md D-mood-9): the user's unit first, then each unit
 * directly below it, each downloadable exactly as it was generated.
 */
export function StoredReports() {
  const [month, setMonth] = useState<string | undefined>(undefined);
  const query = useQuery(storedReportsQuery(month ? { month } : {}));
  return (
    <QueryView query={query}>
      {(list) =>
        list.months.length === 0 ? (
          <Card title="Báo cáo tự động hằng tháng">
            <EmptyState icon="chart" title="Chưa có báo cáo tự động nào" description="Vào 06:00 ngày 1 hằng tháng, hệ thống lập và lưu báo cáo tháng trước cho đơn vị bạn và từng đơn vị trực thuộc." />
          </Card>
        ) : (
          <Card
            title={`Báo cáo tự động — ${monthLabel(list.month ?? list.months[0]!)}`}
            actions={
              <label className="ui-field ui-filter mood-report-month">
                <span className="ui-visually-hidden">Tháng đã lưu</span>
                <select value={list.month ?? ''} onChange={(event) => setMonth(event.target.value)} aria-label="Tháng đã lưu">
                  {list.months.map((m) => (
                    <option key={m} value={m}>
                      {monthLabel(m)}
                    </option>
                  ))}
                </select>
              </label>
            }
            flush
          >
            <PagedTable<MoodReportItem>
              caption="Báo cáo đã lưu của đơn vị và các đơn vị trực thuộc"
              rows={ownFirstThenAttention(list)}
              searchText={(row) => row.name}
              searchPlaceholder="Tìm báo cáo theo tên đơn vị"
              rowKey={(row) => row.unit}
              columns={[
                { key: 'name', header: 'Đơn vị', render: (row) => (row.unit === list.unit ? <strong>{row.name}</strong> : row.name) },
                { key: 'members', header: 'Đoàn viên phản ánh', align: 'end', render: (row) => (row.members === null ? <Hidden k={list.k} /> : formatNumber(row.members)) },
                { key: 'index', header: 'Chỉ số tâm trạng', align: 'end', render: (row) => (row.suppressed ? <Hidden k={list.k} /> : <MoodValue value={row.mood_index} />) },
                { key: 'alerts', header: 'Cảnh báo', align: 'end', hideOnPhone: true, render: (row) => formatNumber(row.alerts) },
                { key: 'handoffs', header: 'Gặp cán bộ (đã nhận/yêu cầu)', align: 'end', hideOnPhone: true, render: (row) => (row.handoffs ? `${formatNumber(row.handoffs.handled)}/${formatNumber(row.handoffs.requested)}` : '—') },
                { key: 'generated', header: 'Lập lúc', hideOnPhone: true, render: (row) => formatDateTime(row.generated_at) },
                {
                  key: 'download',
                  header: 'Tải về',
                  align: 'end',
                  render: (row) => (
                    <span className="mood-downloads">
                      <a href={storedReportUrl(row.unit, row.month, 'xlsx')} download>
                        XLSX
                      </a>
                      <a href={storedReportUrl(row.unit, row.month, 'csv')} download>
                        CSV
                      </a>
                    </span>
                  ),
                },
              ]}
            />
            {list.reports.some((row) => row.suppressed || row.members === null) && <HiddenLegend k={list.k} />}
          </Card>
        )
      }
    </QueryView>
  );
}
