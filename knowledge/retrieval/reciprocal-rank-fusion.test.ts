import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

describe('reciprocalRankFusion', () => {
  it('rewards items ranked well by both lists', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'd', 'a'],
    ]);
    expect(fused.map((entry) => entry.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61);
  });

  it('keeps a single ranking in order and breaks ties by first appearance', () => {
    expect(reciprocalRankFusion([['x', 'y']]).map((e) => e.id)).toEqual(['x', 'y']);
    expect(reciprocalRankFusion([['p'], ['q']]).map((e) => e.id)).toEqual(['p', 'q']);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
