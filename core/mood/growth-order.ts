/** What the growth orders read of a unit (a summary's child with its change, core/mood/unit-growth.ts). */
export interface GrowthFigures {
  name: string;
  suppressed: boolean;
  members: number | null;
  previous_members?: number | null | undefined;
  change?: number | null | undefined;
  negative_share_change?: number | null | undefined;
}

export const UNIT_ORDERS = ['negative', 'growth', 'negative_growth'] as const;
export type UnitOrder = (typeof UNIT_ORDERS)[number];

/** A unit with members now and none (published as 0) before: growth without a ratio, ranked above every ratio. */
const isNew = (row: GrowthFigures) => !row.suppressed && (row.members ?? 0) > 0 && row.previous_members === 0;

function byName(a: GrowthFigures, b: GrowthFigures): number {
  return a.name.localeCompare(b.name, 'vi');
}

/**
 * Units by how much their concerns grew against the previous period (D-dashboard-4): new units first (most members
 * first), then the largest relative rise of members; units without a published change — hidden in either period —
 * follow in name order, so the order never tells a hidden figure.
 */
export function byGrowth<Row extends GrowthFigures>(rows: readonly Row[]): Row[] {
  const rank = (row: Row) => (isNew(row) ? 0 : row.change !== null && row.change !== undefined ? 1 : 2);
  return [...rows].sort((a, b) => {
    const ranks = rank(a) - rank(b);
    if (ranks !== 0) return ranks;
    if (rank(a) === 0) return (b.members ?? 0) - (a.members ?? 0) || byName(a, b);
    if (rank(a) === 1) return (b.change as number) - (a.change as number) || byName(a, b);
    return byName(a, b);
  });
}

/** Units by the rise of their negative share in points; units without a published change follow in name order. */
export function byNegativeGrowth<Row extends GrowthFigures>(rows: readonly Row[]): Row[] {
  const shown = (row: Row) => row.negative_share_change !== null && row.negative_share_change !== undefined;
  return [...rows].sort((a, b) => {
    if (shown(a) !== shown(b)) return shown(a) ? -1 : 1;
    if (shown(a)) return (b.negative_share_change as number) - (a.negative_share_change as number) || byName(a, b);
    return byName(a, b);
  });
}

/** The units in the order the leader chose; 'negative' keeps the summary's own order (most negative first). */
export function orderUnits<Row extends GrowthFigures>(rows: readonly Row[], order: UnitOrder): Row[] {
  if (order === 'growth') return byGrowth(rows);
  if (order === 'negative_growth') return byNegativeGrowth(rows);
  return [...rows];
}
