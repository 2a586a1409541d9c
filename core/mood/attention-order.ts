/**
 * What the order reads of a unit's figures: a live summary's child (with its negative share) or a stored monthly
 * report's row (without). Hidden figures (`suppressed`, fewer than k members) are never compared with shown ones.
 */
export interface AttentionFigures {
  name: string;
  suppressed: boolean;
  members: number | null;
  mood_index: number | null;
  negative_share?: number | null;
}

type Rank = 0 | 1 | 2;

/** Shown figures first, then units whose figures are hidden (some members, how they feel unknown), then silent ones. */
function rank(row: AttentionFigures): Rank {
  if (row.suppressed) return 1;
  return row.members ? 0 : 2;
}

/** Nulls after numbers, whatever the direction. */
function compareNullable(a: number | null | undefined, b: number | null | undefined, descending: boolean): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return descending ? b - a : a - b;
}

/**
 * Units in the order a leader should look at them (D-dashboard-2): the highest share of negative members first, then
 * the lowest mood index, then the most members; units whose figures are hidden come after every unit with figures,
 * in name order, so the order itself never tells a hidden figure; units with no member at all come last.
 */
export function byAttention<Row extends AttentionFigures>(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => {
    const ranks = rank(a) - rank(b);
    if (ranks !== 0) return ranks;
    if (rank(a) === 0) {
      const order =
        compareNullable(a.negative_share, b.negative_share, true) || compareNullable(a.mood_index, b.mood_index, false) || compareNullable(a.members, b.members, true);
      if (order !== 0) return order;
    }
    return a.name.localeCompare(b.name, 'vi');
  });
}
