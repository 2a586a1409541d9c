import { Link } from 'react-router';
import type { MoodSummary } from '../../../../core/contracts/mood-api';
import { PagedTable } from '../../shared/components/PagedTable';
import type { Column } from '../../shared/components/Table';
import { formatDecimal, formatNumber, formatPercent } from '../../shared/format/format.vi';
import { Hidden, HiddenLegend } from '../../shared/mood/Hidden';
import { MoodValue } from '../../shared/mood/MoodValue';

type Child = MoodSummary['children'][number];

/** Members now against the previous period: a rise is red (more concerns), a fall green; "mới" when there were none. */
function MembersChange({ row }: { row: Child }) {
  if (!row.suppressed && (row.members ?? 0) > 0 && row.previous_members === 0) return <span className="mood-change up">mới</span>;
  if (row.change === null || row.change === undefined) return <span className="mood-muted" title="Kỳ này hoặc kỳ trước bị ẩn (dưới k đoàn viên), hoặc không có">—</span>;
  if (row.change === 0) return <span className="mood-change">=</span>;
  return row.change > 0 ? <span className="mood-change up">▲ {formatPercent(row.change)}</span> : <span className="mood-change down">▼ {formatPercent(-row.change)}</span>;
}

/** The negative share's change in percentage points, beside the share itself. */
function NegativeChange({ change }: { change: number | null | undefined }) {
  if (change === null || change === undefined || Math.round(change * 1000) === 0) return null;
  const points = formatDecimal(Math.abs(change) * 100);
  return <span className={`mood-change ${change > 0 ? 'up' : 'down'}`} title="Thay đổi so với kỳ trước, điểm phần trăm">{change > 0 ? ` ▲ ${points} điểm` : ` ▼ ${points} điểm`}</span>;
}

/** The units one level down, in the order the leader chose; a unit with units below it opens its own dashboard. */
export function UnitsTable({ summary, units, drillHref }: { summary: MoodSummary; units: Child[]; drillHref: (unit: string) => string }) {
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
    { key: 'change', header: 'So với kỳ trước', align: 'end', render: (row) => <MembersChange row={row} /> },
    { key: 'index', header: 'Chỉ số tâm trạng', align: 'end', render: (row) => (row.suppressed ? <Hidden k={k} /> : <MoodValue value={row.mood_index} />) },
    {
      key: 'negative',
      header: 'Tỷ lệ tiêu cực',
      align: 'end',
      render: (row) => (row.suppressed ? <Hidden k={k} /> : row.negative_share === null ? (
          <span className="mood-muted" title="Một phía của tỷ lệ là nhóm dưới k đoàn viên">—</span>
        ) : (
          <>
            {formatPercent(row.negative_share)}
            <NegativeChange change={row.negative_share_change} />
          </>
        )),
    },
  ];
  return (
    <>
      <PagedTable columns={columns} rows={units} rowKey={(row) => row.unit} caption="Các đơn vị trực thuộc" searchText={(row) => row.name} searchPlaceholder="Tìm đơn vị theo tên" />
      {units.some((row) => row.suppressed) && <HiddenLegend k={k} />}
    </>
  );
}
