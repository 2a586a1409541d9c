import { fitGroupSoftmax, isInformativeGroup } from './softmax-group-fit.js';

describe('fitGroupSoftmax', () => {
  it('learns to prefer the feature that marks the right candidate, and standardises with the rows seen', () => {
    const groups = [
      { features: [[1, 0], [0, 0]], positive: [true, false] },
      { features: [[0, 1], [1, 1]], positive: [false, true] },
    ];
    const fit = fitGroupSoftmax(groups, 2, { l2: 0.01, iterations: 50, learningRate: 0.5 });
    expect(fit.mean).toEqual([0.5, 0.5]);
    expect(fit.spread).toEqual([0.5, 0.5]);
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('keeps only groups with both a right and another candidate', () => {
    expect(isInformativeGroup({ features: [[1], [0]], positive: [true, false] })).toBe(true);
    expect(isInformativeGroup({ features: [[1], [0]], positive: [true, true] })).toBe(false);
    expect(isInformativeGroup({ features: [[1], [0]], positive: [false, false] })).toBe(false);
  });
});
