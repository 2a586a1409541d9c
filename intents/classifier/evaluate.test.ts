import { evaluatePredictions } from './evaluate.js';

describe('evaluatePredictions', () => {
  it('computes accuracy, macro and weighted F1 and per-label figures', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predicted = ['a', 'a', 'b', 'b', 'b', 'a'];
    const report = evaluatePredictions(gold, predicted);
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeCloseTo(4 / 6, 4);
    // a: p=2/3 r=2/3 f=2/3; b: p=2/3 r=1 f=0.8; c: p=0 r=0 f=0
    expect(report.per_label.a).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 });
    expect(report.per_label.b).toEqual({ precision: 0.6667, recall: 1, f1: 0.8, support: 2 });
    expect(report.per_label.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(report.macro_f1).toBeCloseTo((2 / 3 + 0.8 + 0) / 3, 3);
    expect(report.weighted_f1).toBeCloseTo((3 * (2 / 3) + 2 * 0.8) / 6, 3);
  });

  it('counts labels that are only ever predicted, with support 0, outside the macro average', () => {
    const report = evaluatePredictions(['a', 'a'], ['a', 'z']);
    expect(report.per_label.z).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(report.macro_f1).toBeCloseTo(report.per_label.a?.f1 ?? -1, 4);
  });

  it('handles an empty test set', () => {
    expect(evaluatePredictions([], [])).toEqual({ n: 0, accuracy: 0, macro_f1: 0, weighted_f1: 0, per_label: {} });
  });
});
