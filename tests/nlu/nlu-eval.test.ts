import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import {
  createNluClassifier,
  evaluatePredictions,
  nluExampleSchema,
  parseJsonLines,
  trainClassifier,
  type NluExample,
} from '../../intents/index.js';

/**
 * End-to-end quality gate of the shipped NLU: train on intents/data/train, score the full classifier (joint
 * decoding, hand-off rules) on intents/data/dev, as typed and with every diacritic stripped. The floors sit a
 * few points under the measured figures so a regression fails the build. The locked test set is NOT used here:
 * it is only measured (tests/bench/nlu.bench.ts), so a failing gate never tempts anyone to tune on it.
 * Without the data folder the suite runs on its own small fixture with looser floors.
 */

const dataDir = join(process.cwd(), 'intents/data');
const haveData = existsSync(join(dataDir, 'train')) && existsSync(join(dataDir, 'dev'));

function readDir(dir: string): NluExample[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parseJsonLines(readFileSync(join(dir, name), 'utf8'), nluExampleSchema, name));
}

const train = haveData ? readDir(join(dataDir, 'train')) : readDir(join(process.cwd(), 'intents/classifier/fixtures'));
const heldout = haveData ? readDir(join(dataDir, 'dev')) : readDir(join(import.meta.dirname, 'fixtures'));
const FLOORS = haveData ? { route: 0.93, topic: 0.88, sentiment: 0.85 } : { route: 0.6, topic: 0.5, sentiment: 0.6 };
const MAX_STRIPPED_GAP = haveData ? 0.02 : 0.15;
const HEADS = ['route', 'topic', 'sentiment'] as const;

describe('NLU evaluation on the dev messages', () => {
  const clock = { now: () => new Date('2026-11-23T03:00:00Z') };
  const classifier = createNluClassifier(trainClassifier(train), { clock });
  const score = (texts: string[]) => {
    const results = texts.map((text) => classifier.classify(text));
    return Object.fromEntries(
      HEADS.map((head) => [head, evaluatePredictions(heldout.map((e) => e[head]), results.map((r) => r[head])).accuracy]),
    ) as Record<(typeof HEADS)[number], number>;
  };
  const accented = score(heldout.map((e) => e.text));
  const stripped = score(heldout.map((e) => foldDiacritics(e.text)));

  it('has something to evaluate', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(8);
  });

  it.each(HEADS)('%s accuracy stays above its floor, accented and stripped', (head) => {
    expect(accented[head]).toBeGreaterThanOrEqual(FLOORS[head]);
    expect(stripped[head]).toBeGreaterThanOrEqual(FLOORS[head] - MAX_STRIPPED_GAP);
  });

  it.each(HEADS)('%s accuracy without diacritics is within 2 points of accented', (head) => {
    expect(Math.abs(accented[head] - stripped[head])).toBeLessThanOrEqual(MAX_STRIPPED_GAP + 1e-9);
  });
});
