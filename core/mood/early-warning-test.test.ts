import { judgeRise, poissonUpperTail } from './early-warning-test.js';

describe('early-warning test', () => {
  it('computes the Poisson upper tail', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonUpperTail(10, 2)).toBeCloseTo(4.65e-5, 6);
  });

  it('alerts on a jump far above the unit’s own baseline, not on its usual level', () => {
    expect(judgeRise(14, [2, 3, 1, 2, 2, 3, 2, 1]).alert).toBe(true);
    expect(judgeRise(12, [10, 12, 11, 9, 13, 12, 10, 11]).alert).toBe(false);
  });

  it('needs a minimum count, whatever the probability', () => {
    expect(judgeRise(6, [0, 0, 0, 0, 0, 0, 0, 0]).alert).toBe(false);
    expect(judgeRise(8, [0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ alert: true, baseline: 0 });
  });
});
