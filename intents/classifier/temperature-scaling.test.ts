import { createSeededRandom } from './seeded-random.js';
import { expectedCalibrationError, fitTemperature } from './temperature-scaling.js';
import { softmax } from './softmax-regression.js';

/** Logits of a model that is right 70 % of the time but says so with near certainty. */
function overconfidentLogits(count: number): { logits: Float64Array[]; labels: number[] } {
  const random = createSeededRandom(7);
  const logits: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random() * 3);
    const predicted = random() < 0.7 ? label : (label + 1) % 3;
    const row = new Float64Array(3);
    row[predicted] = 8;
    logits.push(row);
    labels.push(label);
  }
  return { logits, labels };
}

describe('temperature scaling', () => {
  it('cools an overconfident model until its confidence matches its accuracy', () => {
    const { logits, labels } = overconfidentLogits(2000);
    const temperature = fitTemperature(logits, labels);
    expect(temperature).toBeGreaterThan(2);
    const confidence = (t: number): number[] => logits.map((row) => Math.max(...softmax(row, t)));
    const correct = logits.map((row, i) => row.indexOf(Math.max(...row)) === labels[i]);
    const before = expectedCalibrationError(confidence(1), correct);
    const after = expectedCalibrationError(confidence(temperature), correct);
    expect(before).toBeGreaterThan(0.25);
    expect(after).toBeLessThan(0.03);
  });

  it('returns 1 with nothing to fit on', () => {
    expect(fitTemperature([], [])).toBe(1);
  });
});
