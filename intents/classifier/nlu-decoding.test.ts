import type { HeadPrediction } from './multi-head-model.js';
import { decodeNluLabels } from './nlu-decoding.js';

function prediction(probabilities: Record<string, number>): HeadPrediction {
  const ranked = Object.entries(probabilities)
    .map(([label, probability]) => ({ label, probability }))
    .sort((a, b) => b.probability - a.probability);
  return { label: ranked[0]?.label ?? '', confidence: ranked[0]?.probability ?? 0, ranked };
}

const neutral = prediction({ neutral: 0.8, negative: 0.15, positive: 0.05 });

describe('decodeNluLabels', () => {
  it('keeps independent choices that already agree with the labelling rules', () => {
    const decoded = decodeNluLabels(prediction({ question: 0.9, feedback: 0.1 }), prediction({ wages: 0.7, other: 0.3 }), neutral);
    expect(decoded).toMatchObject({ route: 'question', topic: 'wages', sentiment: 'neutral' });
    expect(decoded.confidence.route).toBeCloseTo(0.9);
    expect(decoded.confidence.topic).toBeCloseTo(1, 5);
  });

  it('never gives a question the topic other', () => {
    const decoded = decodeNluLabels(prediction({ question: 0.8, smalltalk: 0.2 }), prediction({ other: 0.5, wages: 0.3, contract: 0.2 }), neutral);
    expect(decoded).toMatchObject({ route: 'question', topic: 'wages' });
    expect(decoded.confidence.topic).toBeCloseTo(0.6, 5);
  });

  it('lets a sure topic overturn an unsure small-talk route', () => {
    const decoded = decodeNluLabels(
      prediction({ smalltalk: 0.45, question: 0.4, feedback: 0.15 }),
      prediction({ maternity: 0.9, other: 0.1 }),
      neutral,
    );
    expect(decoded).toMatchObject({ route: 'question', topic: 'maternity' });
  });

  it('gives small talk and out-of-scope the topic other', () => {
    const decoded = decodeNluLabels(prediction({ out_of_scope: 0.95, question: 0.05 }), prediction({ wages: 0.6, other: 0.4 }), neutral);
    expect(decoded).toMatchObject({ route: 'out_of_scope', topic: 'other' });
  });

  it('lets a hand-off keep any topic', () => {
    const decoded = decodeNluLabels(prediction({ handoff: 0.9, question: 0.1 }), prediction({ other: 0.55, safety: 0.45 }), neutral);
    expect(decoded).toMatchObject({ route: 'handoff', topic: 'other' });
  });
});
