import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { UnitNode } from '../../../../core/contracts/admin-api';
import { levelIndex, UNIT_LEVEL_NAMES_VI } from '../../../../core/org/hierarchy';
import { Badge } from '../../shared/components/Badge';
import { Card } from '../../shared/components/Card';
import { EmptyState } from '../../shared/components/EmptyState';
import { LoadingState } from '../../shared/components/LoadingState';
import { QueryView } from '../../shared/components/QueryView';
import { PagedTable } from '../../shared/components/PagedTable';
import type { Column } from '../../shared/components/Table';
import { SearchField, Toolbar } from '../../shared/components/Toolbar';
import { foldForSearch } from '../../shared/format/search-fold';
import { formatNumber } from '../../shared/format/format.vi';
import { unitSubtreeQuery } from '../../shared/queries/units';

/** A national admin's subtree has ~10,000 units, a province's hundreds: a page at a time, the search narrows them all. */
const PAGE_SIZE = 25;

/** Names are indented by depth below the user's own unit, so the list reads as a tree. */
const columnsFrom = (topLevel: number): Column<UnitNode>[] => [
  { key: 'code', header: 'Mã', render: (unit) => <code className="unit-code">{unit.code}</code> },
  {
    key: 'name',
    header: 'Tên đơn vị',
    render: (unit) => (
      <span className="unit-name" style={{ ['--depth' as string]: levelIndex(unit.level) - topLevel }}>
        {unit.name}
      </span>
    ),
  },
  { key: 'level', header: 'Cấp', render: (unit) => <Badge tone={unit.level === 'grassroots' ? 'neutral' : 'info'}>{UNIT_LEVEL_NAMES_VI[unit.level]}</Badge>, hideOnPhone: true },
];

/** The units the user may see: their own and every unit below it, as a tree read top-down. */
export function UnitsPage() {
  const units = useQuery(unitSubtreeQuery());
  const [search, setSearch] = useState('');
  const matching = useMemo(() => {
    const needle = foldForSearch(search);
    const all = units.data?.units ?? [];
    return needle ? all.filter((unit) => foldForSearch(`${unit.code} ${unit.name}`).includes(needle)) : all;
  }, [units.data, search]);
  const columns = useMemo(() => columnsFrom(Math.min(...(units.data?.units ?? []).map((unit) => levelIndex(unit.level)))), [units.data]);

  return (
    <Card
      title="Đơn vị trong phạm vi"
      actions={units.data && <Badge>{formatNumber(units.data.units.length)} đơn vị</Badge>}
      flush
    >
      <div className="units-toolbar">
        <Toolbar label="Tìm đơn vị">
          <SearchField value={search} onChange={setSearch} placeholder="Tìm theo mã hoặc tên đơn vị" label="Tìm đơn vị" />
        </Toolbar>
      </div>
      <QueryView
        query={units}
        loading={<div className="units-pad"><LoadingState variant="table" rows={6} /></div>}
        isEmpty={(data) => data.units.length === 0}
        empty={<EmptyState icon="units" title="Chưa có đơn vị nào" description="Quản trị viên nhập cây đơn vị bằng lệnh congdoan org import; các đơn vị sẽ hiện ở đây." />}
      >
        {() =>
          matching.length === 0 ? (
            <EmptyState icon="search" title="Không có đơn vị nào khớp" description={`Không tìm thấy mã hoặc tên đơn vị nào chứa “${search.trim()}”.`} />
          ) : (
            // A new search starts again on its first page.
            <PagedTable key={search} caption="Đơn vị trong phạm vi" columns={columns} rows={matching} rowKey={(unit) => unit.id} pageSize={PAGE_SIZE} />
          )
        }
      </QueryView>
    </Card>
  );
}
