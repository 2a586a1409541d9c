/**
 * k-anonymity for published tables (issue #10 item 4). Primary suppression hides every cell with fewer than k
 * distinct members. Complementary suppression then makes sure no hidden cell can be computed from a published
 * total: in every group whose total is shown (a unit's row, a topic's column, …) the hidden cells are either none,
 * or at least two whose members add up to k or more, so subtraction only ever yields a group of ≥ k people.
 * Counts are treated as if they added up (the conservative case: distinct members of siblings nearly do, messages
 * always do). Cells with zero members are not cells: they are simply absent.
 */
export interface SuppressionCell {
  members: number;
  /** Keys of the groups whose total is published somewhere (e.g. `unit:HN`, `topic:wages`). */
  groups: readonly string[];
}

/**
 * Returns, for each cell, whether it must be hidden. `forced` cells are hidden whatever their size (because a
 * coarser table already hides the group they belong to).
 */
export function suppressCells(cells: readonly SuppressionCell[], k: number, forced: readonly boolean[] = []): boolean[] {
  const hidden = cells.map((cell, i) => forced[i] === true || (cell.members > 0 && cell.members < k));
  const byGroup = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    for (const group of cell.groups) {
      const list = byGroup.get(group) ?? [];
      list.push(i);
      byGroup.set(group, list);
    }
  });
  // Hiding one more cell can break another group's balance, so repeat until nothing changes (it terminates: each
  // pass hides at least one more cell or stops).
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of byGroup.values()) {
      for (;;) {
        const hiddenHere = members.filter((i) => hidden[i]);
        if (hiddenHere.length === 0) break;
        const hiddenSum = hiddenHere.reduce((sum, i) => sum + (cells[i] as SuppressionCell).members, 0);
        if (hiddenHere.length >= 2 && hiddenSum >= k) break;
        const candidates = members.filter((i) => !hidden[i]).sort((a, b) => (cells[a] as SuppressionCell).members - (cells[b] as SuppressionCell).members);
        const next = candidates[0];
        if (next === undefined) break;
        hidden[next] = true;
        changed = true;
      }
    }
  }
  return hidden;
}
