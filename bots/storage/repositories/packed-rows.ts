/**
 * A compact JSON form for many rows of the same flat shape (the kept mood figures, D-mood-12): the column names once,
 * each text column's distinct values once, then one number per cell. A national aggregate is about a quarter of its
 * plain JSON, which is what reading it back costs. `unpackRows(packRows(rows))` equals `rows`.
 */
export interface PackedRows {
  columns: string[];
  /** Per column: its distinct texts when it holds text (cells are indexes into it), null when it holds numbers. */
  texts: (string[] | null)[];
  cells: (number | null)[];
}

type FlatValue = string | number | boolean | null;

export function packRows(rows: readonly Record<string, FlatValue>[]): PackedRows {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const texts = columns.map((column) => (rows.some((row) => typeof row[column] === 'string') ? ([] as string[]) : null));
  const indexes = texts.map(() => new Map<string, number>());
  const cells: (number | null)[] = [];
  for (const row of rows) {
    columns.forEach((column, i) => {
      const value = row[column] ?? null;
      const dictionary = texts[i];
      if (value === null) cells.push(null);
      else if (dictionary) {
        if (typeof value !== 'string') throw new TypeError(`packRows: column ${column} mixes text and ${typeof value}`);
        const index = indexes[i] as Map<string, number>;
        let at = index.get(String(value));
        if (at === undefined) {
          at = dictionary.length;
          dictionary.push(String(value));
          index.set(String(value), at);
        }
        cells.push(at);
      } else if (typeof value === 'number') cells.push(value);
      else throw new TypeError(`packRows: column ${column} holds ${typeof value}, not text or a number`);
    });
  }
  return { columns, texts, cells };
}

export function unpackRows<T>(packed: PackedRows): T[] {
  const { columns, texts, cells } = packed;
  const rows: T[] = [];
  for (let start = 0; start < cells.length; start += columns.length) {
    const row: Record<string, FlatValue> = {};
    columns.forEach((column, i) => {
      const cell = cells[start + i] ?? null;
      const dictionary = texts[i];
      row[column] = cell === null ? null : dictionary ? (dictionary[cell] as string) : cell;
    });
    rows.push(row as T);
  }
  return rows;
}
