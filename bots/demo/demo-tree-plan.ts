/**
 * Where `demo generate` hangs its lower units when the demo organisation is there (D-dashboard-12).
 *
 * The generated tree gives every province/sector one upper-grassroots union and every upper-grassroots union one
 * grassroots union, then draws the rest at random. At the README's quick-start size (200 units for 46
 * provinces/sectors) that left the demo leader's Hồ Chí Minh City with a single upper-grassroots union of three
 * factories: a drill-down of one child at each step. The federations the demo accounts belong to ("showcase"
 * federations) therefore get a fixed spread first — several upper-grassroots unions, each with several grassroots
 * unions — out of the same unit budget; the random draws then place the rest as before.
 *
 * Pure functions of counts and the seed: the SQL that writes the units indexes the arrays returned here by unit
 * number, and only numbers past their end draw a random parent. Without showcase federations (the benches, a
 * database without the demo organisation) the arrays are `1..n`, exactly the previous rule, so those runs keep the
 * data they had.
 */

/** Upper-grassroots unions under each showcase federation (its seeded one included). */
export const SHOWCASE_UPPERS = 4;
/** Grassroots unions under each showcase upper-grassroots union (seeded ones included), chosen per union by the seed. */
export const SHOWCASE_GRASSROOTS_MIN = 3;
export const SHOWCASE_GRASSROOTS_MAX = 5;

/** Upper-grassroots unions the showcase adds beyond the one every province/sector gets. */
export function showcaseExtraUppers(showcaseFederations: number): number {
  return showcaseFederations * (SHOWCASE_UPPERS - 1);
}

export interface UpperPlan {
  /** parents[s - 1] is the federation number of upper-grassroots union s; numbers past the end are drawn at random. */
  parents: number[];
  /** The upper-grassroots numbers under showcase federations, in federation order. */
  showcaseUppers: number[];
}

/**
 * Upper-grassroots union s ≤ secondLevel hangs under federation s (every province/sector gets one; a seeded
 * upper-grassroots union stands in for number s of its federation), then SHOWCASE_UPPERS - 1 more per showcase
 * federation.
 */
export function planUpperParents(secondLevel: number, showcaseFederations: readonly number[]): UpperPlan {
  const parents = Array.from({ length: secondLevel }, (_, i) => i + 1);
  const showcaseUppers: number[] = [];
  for (const federation of showcaseFederations) {
    showcaseUppers.push(federation);
    for (let k = 1; k < SHOWCASE_UPPERS; k++) {
      parents.push(federation);
      showcaseUppers.push(parents.length);
    }
  }
  return { parents, showcaseUppers };
}

/** A small integer hash (the seed and a position give a spread that is the same on every run with that seed). */
function mix(seed: number, position: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(position + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** How many grassroots unions each showcase upper-grassroots union gets, by the seed (MIN..MAX). */
export function showcaseGrassrootsCounts(seed: number, showcaseUppers: readonly number[]): Map<number, number> {
  const span = SHOWCASE_GRASSROOTS_MAX - SHOWCASE_GRASSROOTS_MIN + 1;
  return new Map(showcaseUppers.map((upper, i) => [upper, SHOWCASE_GRASSROOTS_MIN + (mix(seed, i) % span)]));
}

/**
 * Members are spread over the grassroots unions by a power law on a size rank, the rank scattered over the unit
 * numbers by multiplying with this prime (above any unit count, so a permutation): number = 1 + rank * SCRAMBLE mod n.
 */
export const SCRAMBLE = 104_729;

/** The size rank (0 = the biggest share of members) of grassroots number `n` of `count`: the scramble inverted. */
export function sizeRank(n: number, count: number): number {
  // Extended Euclid for the inverse of SCRAMBLE modulo count (they are coprime: SCRAMBLE is a prime above count).
  let [a, b, x, y] = [SCRAMBLE % count, count, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b, x, y] = [b, a - q * b, y, x - q * y];
  }
  const inverse = ((x % count) + count) % count;
  return Number((BigInt(n - 1) * BigInt(inverse)) % BigInt(count));
}

export interface GrassrootsPlanInput {
  upperCount: number;
  grassrootsCount: number;
  showcaseUppers: readonly number[];
  seed: number;
  /** Grassroots numbers already taken by the demo organisation's grassroots unions -> their upper-grassroots number. */
  taken: ReadonlyMap<number, number>;
}

/**
 * parents[s - 1] is the upper-grassroots number of grassroots union s; 0 (or a number past the end) draws a random
 * parent, and a number a seeded union takes is skipped whatever it says. First one grassroots union per
 * upper-grassroots union that has none of the demo organisation's, on the lowest free numbers, as before; then the
 * showcase unions' remaining ones on the free numbers of the smallest member shares. Those extra unions are many
 * (two federations' worth) and would otherwise draw members like any other union, thinning the other 44
 * provinces/sectors below the k rule on the national dashboard; small factories beside each showcase union's one
 * ordinary union are also what an industrial zone looks like. Numbers the budget has no room for are not planned:
 * the tree is then thinner, never wrong.
 */
export function planGrassrootsParents(input: GrassrootsPlanInput): number[] {
  const { upperCount, grassrootsCount, showcaseUppers, seed, taken } = input;
  const seededChildren = new Map<number, number>();
  for (const upper of taken.values()) seededChildren.set(upper, (seededChildren.get(upper) ?? 0) + 1);
  const wanted = showcaseGrassrootsCounts(seed, showcaseUppers);
  const first: number[] = [];
  for (let upper = 1; upper <= upperCount; upper++) if ((seededChildren.get(upper) ?? 0) < 1) first.push(upper);
  const extra: number[] = [];
  for (const upper of showcaseUppers) {
    const have = Math.max(1, seededChildren.get(upper) ?? 0);
    for (let k = have; k < (wanted.get(upper) ?? 0); k++) extra.push(upper);
  }
  const free = Array.from({ length: grassrootsCount }, (_, i) => i + 1).filter((n) => !taken.has(n));
  const assigned = new Map<number, number>();
  free.slice(0, first.length).forEach((n, i) => assigned.set(n, first[i] as number));
  const smallest = free
    .slice(first.length)
    .sort((p, q) => sizeRank(q, grassrootsCount) - sizeRank(p, grassrootsCount))
    .slice(0, extra.length);
  // Each showcase union's extras in number order, so one union's small factories are not all the very smallest.
  smallest.sort((p, q) => p - q).forEach((n, i) => assigned.set(n, extra[i] as number));
  const last = Math.max(0, ...assigned.keys());
  return Array.from({ length: last }, (_, i) => assigned.get(i + 1) ?? 0);
}
