import {
  planGrassrootsParents,
  planUpperParents,
  SCRAMBLE,
  SHOWCASE_GRASSROOTS_MAX,
  SHOWCASE_GRASSROOTS_MIN,
  SHOWCASE_UPPERS,
  showcaseExtraUppers,
  sizeRank,
} from './demo-tree-plan.js';

const countBy = (values: number[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<number, number>());

describe('demo tree plan', () => {
  it('without showcase federations is the previous rule: number s under parent s, the rest at random', () => {
    expect(planUpperParents(46, []).parents).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    expect(planGrassrootsParents({ upperCount: 46, grassrootsCount: 107, showcaseUppers: [], seed: 1, taken: new Map() })).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
  });

  it('gives each showcase federation SHOWCASE_UPPERS upper-grassroots unions, its own number first', () => {
    const plan = planUpperParents(46, [1, 5]);
    expect(plan.parents).toHaveLength(46 + showcaseExtraUppers(2));
    expect(countBy(plan.parents).get(1)).toBe(SHOWCASE_UPPERS);
    expect(countBy(plan.parents).get(5)).toBe(SHOWCASE_UPPERS);
    expect(plan.showcaseUppers.slice(0, SHOWCASE_UPPERS)).toEqual([1, 47, 48, 49]);
    for (const upper of plan.showcaseUppers.slice(SHOWCASE_UPPERS)) expect(plan.parents[upper - 1]).toBe(5);
  });

  it('gives every upper-grassroots union a grassroots union and each showcase one several, seeded children counted', () => {
    const upper = planUpperParents(46, [1, 5]);
    const upperCount = upper.parents.length;
    // The demo organisation's four grassroots unions on their numbers: two under upper 1, two under upper 5.
    const taken = new Map([[1, 5], [84, 5], [60, 1], [36, 1]]);
    for (const seed of [1, 2, 3, 77]) {
      const parents = planGrassrootsParents({ upperCount, grassrootsCount: 101, showcaseUppers: upper.showcaseUppers, seed, taken });
      // A number a seeded union takes plans nothing (it keeps its own parent).
      for (const n of taken.keys()) if (n <= parents.length) expect(parents[n - 1]).toBe(0);
      const children = countBy(parents.filter((parent) => parent > 0));
      for (const parent of taken.values()) children.set(parent, (children.get(parent) ?? 0) + 1);
      for (let u = 1; u <= upperCount; u++) expect(children.get(u) ?? 0).toBeGreaterThanOrEqual(1);
      for (const u of upper.showcaseUppers) {
        expect(children.get(u)).toBeGreaterThanOrEqual(SHOWCASE_GRASSROOTS_MIN);
        expect(children.get(u)).toBeLessThanOrEqual(SHOWCASE_GRASSROOTS_MAX);
      }
      // The same seed, the same plan.
      expect(planGrassrootsParents({ upperCount, grassrootsCount: 101, showcaseUppers: upper.showcaseUppers, seed, taken })).toEqual(parents);
    }
  });

  it("puts the showcase unions' extra grassroots unions on the smallest member shares", () => {
    const upper = planUpperParents(46, [1, 5]);
    const parents = planGrassrootsParents({ upperCount: upper.parents.length, grassrootsCount: 101, showcaseUppers: upper.showcaseUppers, seed: 1, taken: new Map() });
    // Numbers past the one-per-union block that the plan fills are all in the last ranks of the member skew.
    const extras = parents.map((parent, i) => ({ parent, n: i + 1 })).filter(({ parent, n }) => parent > 0 && n > upper.parents.length);
    expect(extras.length).toBeGreaterThan(0);
    for (const { n } of extras) expect(sizeRank(n, 101)).toBeGreaterThanOrEqual(101 - extras.length - upper.parents.length);
  });

  it('inverts the member scramble', () => {
    for (const count of [1, 99, 107, 9153]) {
      for (const rank of [0, 1, 2, Math.floor(count / 2), count - 1].filter((r) => r < count)) expect(sizeRank(1 + ((rank * SCRAMBLE) % count), count)).toBe(rank);
    }
  });

  it('leaves numbers out rather than overflow a small budget', () => {
    const upper = planUpperParents(3, [1]);
    const parents = planGrassrootsParents({ upperCount: upper.parents.length, grassrootsCount: 6, showcaseUppers: upper.showcaseUppers, seed: 1, taken: new Map() });
    expect(parents.length).toBeLessThanOrEqual(6);
    expect(countBy(parents).size).toBe(upper.parents.length);
  });
});
