import { Link } from 'react-router';
import type { MoodSummary } from '../../../../core/contracts/mood-api';
import { PagedTable } from '../../shared/components/PagedTable';
import type { Column } from '../../shared/components/Table';
import { formatNumber, formatPercent } from '../../shared/format/format.vi';
import { Hidden } from '../../shared/mood/Hidden';
import { MoodValue } from '../../shared/mood/MoodValue';

type Child = MoodSummary['children'][number];

/** The units one level down, most negative first; a unit with units below it opens its own dashboard. */
export function UnitsTable({ summary, drillHref }: { summary: MoodSummary; drillHref: (unit: string) => string }) {
  const k = summary.k;
  const columns: Column<Child>[] = [
    {
      key: 'name',
      header: 'Đơn vị',
      render: (row) =>
        row.drillable && row.unit !== summary.unit ? (
          <Link to={drillHref(row.unit)} className="mood-drill">
            {row.name}
          </Link>
        ) : (
          <span>{row.unit === summary.unit ? `${row.name} (trực tiếp)` : row.name}</span>
        ),
    },
    { key: 'members', header: 'Đoàn viên phản ánh', align: 'end', render: (row) => (row.suppressed ? <Hidden k={k} /> : formatNumber(row.members ?? 0)) },
    { key: 'index', header: 'Chỉ số tâm trạng', align: 'end', render: (row) => (row.suppressed ? <Hidden k={k} /> : <MoodValue value={row.mood_index} />) },
    {
      key: 'negative',
      header: 'Tỷ lệ tiêu cực',
      align: 'end',
      render: (row) => (row.suppressed ? <Hidden k={k} /> : row.negative_share === null ? <span className="mood-muted" title="Một phía của tỷ lệ là nhóm dưới k đoàn viên">—</span> : formatPercent(row.negative_share)),
    },
  ];
  return <PagedTable columns={columns} rows={summary.children} rowKey={(row) => row.unit} caption="Các đơn vị trực thuộc" searchText={(row) => row.name} searchPlaceholder="Tìm đơn vị theo tên" />;
}
