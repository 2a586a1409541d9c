import { useMemo, useState, type Key } from 'react';
import { foldForSearch } from '../format/search-fold';
import { formatNumber } from '../format/format.vi';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { Table, type Column } from './Table';
import { SearchField } from './Toolbar';
import { usePrinting } from './use-printing';

export interface PagedTableProps<Row> {
  columns: Column<Row>[];
  /** Already in the order to show: the first page is what the reader sees without touching anything. */
  rows: Row[];
  rowKey: (row: Row) => Key;
  caption: string;
  pageSize?: number;
  /** The words a row is found by; with it, a search box appears once there is more than one page. */
  searchText?: (row: Row) => string;
  searchPlaceholder?: string;
  /** What a row is, for "1–10 trên 46 đơn vị". */
  noun?: string;
}

/**
 * A long list one page at a time (a province has dozens of units, a national admin ~10,000): on a phone each row is
 * a card, so a page of ten keeps the screen a few thumbs long instead of metres (D-dashboard-2). Search, when given,
 * narrows every page, not just the one shown.
 */
export function PagedTable<Row>({ columns, rows, rowKey, caption, pageSize = 10, searchText, searchPlaceholder = 'Tìm theo tên', noun = 'đơn vị' }: PagedTableProps<Row>) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  // On paper the whole list, without search or page buttons (a printed report is read to its end).
  const printing = usePrinting();
  const matching = useMemo(() => {
    const needle = foldForSearch(search);
    return needle && searchText ? rows.filter((row) => foldForSearch(searchText(row)).includes(needle)) : rows;
  }, [rows, search, searchText]);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = printing ? rows : matching.slice(current * pageSize, (current + 1) * pageSize);
  const first = current * pageSize + 1;
  const last = current * pageSize + shown.length;

  return (
    <div className="ui-paged">
      {!printing && searchText && rows.length > pageSize && (
        <div className="ui-paged-search">
          <SearchField
            value={search}
            onChange={(value) => {
              setSearch(value);
              setPage(0);
            }}
            placeholder={searchPlaceholder}
            label={`Tìm ${noun}`}
          />
        </div>
      )}
      {!printing && matching.length === 0 ? (
        <EmptyState icon="search" title={`Không có ${noun} nào khớp`} description={`Không tìm thấy ${noun} nào có tên chứa “${search.trim()}”.`} />
      ) : (
        <Table caption={caption} columns={columns} rows={shown} rowKey={rowKey} />
      )}
      {!printing && matching.length > pageSize && (
        <nav className="ui-pager" aria-label={`Trang ${noun}`}>
          <span className="ui-pager-count" aria-live="polite">
            {formatNumber(first)}–{formatNumber(last)} trên {formatNumber(matching.length)} {noun}
          </span>
          <Button size="sm" variant="ghost" onClick={() => setPage(current - 1)} disabled={current === 0}>
            ‹ Trước
          </Button>
          <Button size="sm" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Xem tiếp ›
          </Button>
        </nav>
      )}
    </div>
  );
}
