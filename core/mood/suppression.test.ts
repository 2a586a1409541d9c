import { suppressCells } from './suppression.js';

describe('suppressCells', () => {
  it('hides cells below k and leaves the others', () => {
    expect(suppressCells([{ members: 3, groups: [] }, { members: 5, groups: [] }, { members: 0, groups: [] }], 5)).toEqual([true, false, false]);
  });

  it('hides a second cell of a group with a published total, so the hidden one cannot be subtracted out', () => {
    const cells = [
      { members: 2, groups: ['unit:A'] },
      { members: 40, groups: ['unit:A'] },
      { members: 9, groups: ['unit:A'] },
    ];
    // Total 51 minus the 40 shown leaves the 11 of two hidden cells: neither is known.
    expect(suppressCells(cells, 5)).toEqual([true, false, true]);
  });

  it('keeps hiding until the hidden members of a group add up to k', () => {
    const cells = [1, 1, 3, 30].map((members) => ({ members, groups: ['g'] }));
    expect(suppressCells(cells, 5)).toEqual([true, true, true, false]);
  });

  it('on random tables: in every group the hidden cells are none, or at least two adding up to k, or the whole group', () => {
    // A seeded generator (core tests import no library): 500 random tables of up to 25 cells in 4 overlapping groups.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const names = ['a', 'b', 'c', 'd'];
    for (let run = 0; run < 500; run++) {
      const k = 2 + random(9);
      const cells = Array.from({ length: random(26) }, () => ({ members: random(31), groups: names.filter(() => random(2) === 1) }));
      const hidden = suppressCells(cells, k);
      cells.forEach((cell, i) => {
        if (cell.members > 0 && cell.members < k) expect(hidden[i]).toBe(true);
      });
      for (const group of names) {
        const members = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell.groups.includes(group));
        const hiddenHere = members.filter(({ i }) => hidden[i]);
        if (hiddenHere.length === 0 || hiddenHere.length === members.length) continue;
        expect(hiddenHere.length).toBeGreaterThanOrEqual(2);
        expect(hiddenHere.reduce((sum, { cell }) => sum + cell.members, 0)).toBeGreaterThanOrEqual(k);
      }
    }
  });
});
