import { compareModels, signTestP } from './compare-models.js';
import type { NluExample } from './training-data.js';

type Labels = { route: string; topic: string; sentiment: string };
/** A stand-in model answering from a table (the comparison only reads labels), the gold labels unless told otherwise. */
const tableModel = (wrong: ReadonlySet<string>, gold: Map<string, Labels>) => ({
  classifyLabels: (text: string) => {
    const labels = gold.get(text) ?? { route: 'question', topic: 'other', sentiment: 'neutral' };
    return { ...labels, route: wrong.has(text) ? 'smalltalk' : labels.route, confidence: { route: 1, topic: 1, sentiment: 1 }, flags: [] } as never;
  },
});

function devSet(n: number): { dev: NluExample[]; gold: Map<string, Labels> } {
  // Texts without diacritics: typed and stripped views are the same text, so each message scores 0 or 2.
  const dev = Array.from({ length: n }, (_, i) => ({ text: `cau hoi so ${i}`, route: 'question', topic: 'wages', sentiment: 'neutral' }) as NluExample);
  return { dev, gold: new Map(dev.map((e) => [e.text, { route: e.route, topic: e.topic, sentiment: e.sentiment }])) };
}
const texts = (dev: NluExample[], from: number, to: number) => new Set(dev.slice(from, to).map((e) => e.text));

describe('signTestP', () => {
  it('is the exact upper tail of Binomial(n, 1/2)', () => {
    expect(signTestP(0, 10)).toBe(1);
    expect(signTestP(10, 10)).toBeCloseTo(1 / 1024, 10);
    expect(signTestP(9, 10)).toBeCloseTo(11 / 1024, 10);
    expect(signTestP(5, 10)).toBeCloseTo(638 / 1024, 10);
    expect(signTestP(0, 0)).toBe(1);
    // Large n stays finite and monotone.
    expect(signTestP(450, 782)).toBeLessThan(signTestP(420, 782));
    expect(signTestP(450, 782)).toBeGreaterThan(0);
  });
});

describe('compareModels (paired, on dev)', () => {
  const { dev, gold } = devSet(400);

  it('does not call a model worse for a loss the dev set cannot tell from noise', () => {
    // Active wrong on 0–10, candidate wrong on 5–21: 11 lost, 5 gained — a 1.5-point drop, the noise of D-nlu-1.
    const result = compareModels(tableModel(texts(dev, 5, 21), gold), tableModel(texts(dev, 0, 10), gold), dev);
    expect(result.heads.route).toMatchObject({ lost: 11, gained: 5 });
    expect(result.heads.route!.p).toBeGreaterThan(0.05);
    expect(result.worse).toBe(false);
    expect(result.activeMean! - result.candidateMean!).toBeGreaterThan(0);
  });

  it('calls it worse when it loses clearly more than it gains, naming the head', () => {
    const result = compareModels(tableModel(texts(dev, 0, 30), gold), tableModel(texts(dev, 0, 5), gold), dev);
    expect(result.heads.route).toMatchObject({ lost: 25, gained: 0 });
    expect(result.worse).toBe(true);
    expect(result.reasons.join()).toMatch(/^route: 25 dev messages lost against 0 gained/);
    expect(result.heads.topic).toMatchObject({ lost: 0, gained: 0, p: 1 });
  });

  it('never calls a better model worse, and has nothing to compare without an active model or dev set', () => {
    expect(compareModels(tableModel(new Set(), gold), tableModel(texts(dev, 0, 100), gold), dev).worse).toBe(false);
    expect(compareModels(tableModel(new Set(), gold), null, dev)).toMatchObject({ basis: 'none', worse: false });
    expect(compareModels(tableModel(new Set(), gold), tableModel(new Set(), gold), [])).toMatchObject({ basis: 'none', worse: false });
  });
});
