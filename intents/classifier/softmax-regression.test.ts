import { FeatureAccumulator, hashFeature } from './feature-hashing.js';
import { buildFeatureSpace, compactVector, computeLogits, softmax, trainSoftmax } from './softmax-regression.js';

function vectorOf(words: string[]) {
  const features = new FeatureAccumulator(['w']);
  for (const word of words) features.add(0, word);
  return features.toVector({ w: 1 });
}

const data = [
  { words: ['luong', 'thap'], label: 0 },
  { words: ['luong', 'cham'], label: 0 },
  { words: ['tang', 'ca'], label: 1 },
  { words: ['ca', 'dem'], label: 1 },
  { words: ['bao', 'hiem'], label: 2 },
  { words: ['so', 'bao', 'hiem'], label: 2 },
];

describe('softmax regression', () => {
  const hashed = data.map((d) => vectorOf(d.words));
  const space = buildFeatureSpace(hashed);
  const vectors = hashed.map((v) => compactVector(v, space));
  const labels = data.map((d) => d.label);

  it('learns a separable toy problem', () => {
    const model = trainSoftmax(vectors, labels, space.hashes.length, 3);
    vectors.forEach((vector, i) => {
      const p = softmax(computeLogits(model, vector));
      expect(p.indexOf(Math.max(...p))).toBe(labels[i]);
    });
  });

  it('is deterministic: same data and seed give identical weights', () => {
    const a = trainSoftmax(vectors, labels, space.hashes.length, 3);
    const b = trainSoftmax(vectors, labels, space.hashes.length, 3);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('orders the feature space by hash, whatever the data order', () => {
    const reversed = buildFeatureSpace([...hashed].reverse());
    expect(Array.from(reversed.hashes)).toEqual(Array.from(space.hashes));
  });

  it('ignores features it never saw', () => {
    const unseen = compactVector(vectorOf(['hoan', 'toan', 'moi']), space);
    expect(unseen.rows.length).toBe(0);
  });

  it('softmax is stable for large logits and respects temperature', () => {
    const p = softmax([1000, 999], 1);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    const cooled = softmax([2, 0], 4);
    expect(cooled[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 6);
  });

  it('hashes features with FNV-1a', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
  });
});
