import { UNIT_FEATURE_NAMES } from '../answer/unit-features.js';
import { modelScore } from '../answer/unit-chooser.js';
import { informative, trainUnitChooser, type ChooserGroup } from './chooser-training.js';

const width = UNIT_FEATURE_NAMES.length;
const planted = UNIT_FEATURE_NAMES.indexOf('figure_of_kind_asked');

/** A deterministic pseudo-random sequence, so the planted data is the same on every run. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Questions of five candidates each, noise everywhere; the one candidate stating the kind of figure asked is the positive. */
function plantedGroups(count: number, seed: number): ChooserGroup[] {
  const random = noise(seed);
  return Array.from({ length: count }, (_, q) => {
    const answer = Math.floor(random() * 5);
    const features = Array.from({ length: 5 }, (_, c) => Array.from({ length: width }, (_, j) => (j === planted ? (c === answer ? 1 : 0) : random())));
    return { batch: `b${q % 3}`, id: `q${q}`, features, positive: features.map((_, c) => c === answer) };
  });
}

const options = { l2: 0.01, iterations: 200, learningRate: 0.5, articles: 6, set: 'dev' };

describe('trainUnitChooser', () => {
  it('learns a planted rule and chooses by it on questions it did not see', () => {
    const model = trainUnitChooser(plantedGroups(60, 7), options);
    const unseen = plantedGroups(40, 99);
    const chosenRight = unseen.filter((group) => {
      const scores = group.features.map((row) => modelScore(model, row));
      return group.positive[scores.indexOf(Math.max(...scores))];
    }).length;
    expect(chosenRight).toBe(40);
    const strongest = model.weights.map(Math.abs).indexOf(Math.max(...model.weights.map(Math.abs)));
    expect(UNIT_FEATURE_NAMES[strongest]).toBe('figure_of_kind_asked');
  });

  it('records what it was trained on, and learns only from questions with both kinds of candidate', () => {
    const groups = [...plantedGroups(6, 3), { batch: 'b9', id: 'none', features: [new Array(width).fill(0)], positive: [false] }];
    expect(informative(groups[6] as ChooserGroup)).toBe(false);
    const model = trainUnitChooser(groups, options);
    expect(model.trainedOn).toEqual({ set: 'dev', batches: ['b0', 'b1', 'b2'], questions: 6, l2: 0.01 });
    expect(model.features).toEqual([...UNIT_FEATURE_NAMES]);
    expect(model.spread.every((s) => s > 0)).toBe(true);
  });

  it('gives the same model for the same data (full-batch descent, no shuffling)', () => {
    expect(trainUnitChooser(plantedGroups(20, 5), options)).toEqual(trainUnitChooser(plantedGroups(20, 5), options));
  });
});
