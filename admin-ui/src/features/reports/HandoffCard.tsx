import { useQuery } from '@tanstack/react-query';
import type { HandoffUnitStats } from '../../../../core/contracts/mood-api';
import { Card } from '../../shared/components/Card';
import { QueryView } from '../../shared/components/QueryView';
import { PagedTable } from '../../shared/components/PagedTable';
import { formatNumber } from '../../shared/format/format.vi';
import { formatMinutes } from '../../shared/format/duration.vi';
import { Stat } from '../../shared/mood/Stat';
import { handoffsCsvUrl, handoffStatsQuery } from './api';

/** Units with requests, the busiest first: a province's report would otherwise list dozens of rows of zeros. */
const withRequests = (rows: HandoffUnitStats[]) => rows.filter((row) => row.requested > 0).sort((a, b) => b.requested - a.requested || a.name.localeCompare(b.name, 'vi'));
const quiet = (rows: HandoffUnitStats[]) => (rows.length > 1 ? rows.filter((row) => row.requested === 0).length : 0);
const median = (row: Pick<HandoffUnitStats, 'median_minutes_to_claim'>) => (row.median_minutes_to_claim === null ? '—' : formatMinutes(row.median_minutes_to_claim));

/**
 * The month's hand-offs (issue #10 item 6, D-mood-11): how many members asked for an officer, how many an officer took,
 * how long they waited (median) and how many passed their deadline unclaimed, for the subtree and each unit below.
 */
export function HandoffCard({ unit, from, to }: { unit: string; from: string; to: string }) {
  const query = useQuery(handoffStatsQuery({ unit, from, to }));
  return (
    <QueryView query={query}>
      {(stats) => (
        <Card
          title="Chuyển cho cán bộ"
          actions={
            <a className="btn-ghost" href={handoffsCsvUrl({ unit, from, to })} download>
              Tải CSV
            </a>
          }
        >
          <div className="mood-stats report-handoffs">
            <Stat label="Yêu cầu gặp cán bộ" value={formatNumber(stats.requested)} />
            <Stat label="Cán bộ đã nhận" value={formatNumber(stats.handled)} note={stats.waiting > 0 ? `${formatNumber(stats.waiting)} đang chờ` : undefined} />
            <Stat label="Thời gian chờ nhận (trung vị)" value={median(stats)} />
            <Stat label="Quá hạn chưa nhận" value={formatNumber(stats.overdue)} tone={stats.overdue > 0 ? 'alert' : undefined} />
          </div>
          {stats.children.length > 1 && withRequests(stats.children).length > 0 && (
            <PagedTable<HandoffUnitStats>
              searchText={(row) => row.name}
              searchPlaceholder="Tìm đơn vị theo tên"
              caption="Chuyển cho cán bộ, theo đơn vị"
              rows={withRequests(stats.children)}
              rowKey={(row) => row.unit}
              columns={[
                { key: 'name', header: 'Đơn vị', render: (row) => row.name },
                { key: 'requested', header: 'Yêu cầu', align: 'end', render: (row) => formatNumber(row.requested) },
                { key: 'handled', header: 'Đã nhận', align: 'end', render: (row) => formatNumber(row.handled) },
                { key: 'median', header: 'Chờ nhận (trung vị)', align: 'end', render: median },
                { key: 'overdue', header: 'Quá hạn', align: 'end', render: (row) => formatNumber(row.overdue) },
              ]}
            />
          )}
          <p className="mood-note">
            {quiet(stats.children) > 0 && `${formatNumber(quiet(stats.children))} đơn vị không có yêu cầu nào trong kỳ (có trong tệp Excel). `}
            Tính theo đơn vị của đoàn viên, các yêu cầu gửi trong kỳ. Quá hạn: chờ quá thời hạn xử lý mà chưa cán bộ nào nhận.
          </p>
        </Card>
      )}
    </QueryView>
  );
}
