import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  /** Plain text: it also labels the cell when the table is stacked into cards on a phone. */
  header: string;
  render: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  /** Hidden on a phone when the row is readable without it. */
  hideOnPhone?: boolean;
  /** Left out of a printout (download links: paper cannot follow them). */
  hideInPrint?: boolean;
}

/**
 * A list of records. On a laptop a table; on a phone each row becomes a card with the column names as labels
 * (CSS only, from `data-label`), so no page needs a second layout for small screens.
 */
export function Table<Row>({ columns, rows, rowKey, caption, onRowClick }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => Key; caption?: string; onRowClick?: (row: Row) => void }) {
  return (
    <div className="ui-table-wrap">
      <table className="ui-table">
        {caption && <caption className="ui-visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={onRowClick ? 'clickable' : undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header} className={cellClass(column)}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: Pick<Column<unknown>, 'align' | 'hideOnPhone' | 'hideInPrint'>): string | undefined {
  const classes = [column.align === 'end' ? 'end' : '', column.hideOnPhone ? 'hide-phone' : '', column.hideInPrint ? 'no-print' : ''].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}
