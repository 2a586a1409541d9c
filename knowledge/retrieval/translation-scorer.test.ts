import { thrownCode } from '../../tests/support/thrown-code.js';
import { trainTranslationTable } from './translation-model.js';
import { createTranslationScorer } from './translation-scorer.js';

const words = (text: string) => text.split(' ');
const table = trainTranslationTable(
  [
    { source: words('tien lai gui'), target: words('tien loi') },
    { source: words('lai suat ngan hang'), target: words('loi ngan hang') },
    { source: words('tien luong'), target: words('tien luong') },
  ],
  { iterations: 10, minProbability: 0 },
);
// 0: states the interest the member calls "tiền lời"; 1: about wages; 2: shares no word.
const documents = [words('tien lai tra cho nguoi gui'), words('tien luong tra cho nguoi lao dong'), words('thoi gio lam viec ban dem')];

describe('createTranslationScorer (translation language model, Dirichlet-smoothed)', () => {
  const scorer = createTranslationScorer(table, documents);

  it('puts the document whose words translate to the question above one that only shares a common word', () => {
    const scores = scorer.scoreAll(words('tien loi'));
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(scores[2] as number);
    expect(scorer.score(words('tien loi'), 0)).toBeCloseTo(scores[0] as number, 10);
  });

  it('without the table (no pairs) is plain query likelihood: only the shared word counts', () => {
    const plain = createTranslationScorer(trainTranslationTable([]), documents).scoreAll(words('tien loi'));
    expect(plain[0]).toBeCloseTo(plain[1] as number, 1);
    expect(plain[0]).toBeGreaterThan(plain[2] as number);
  });

  it('self-translation alone (selfWeight 1) ignores the table', () => {
    const own = createTranslationScorer(table, documents, { selfWeight: 1 }).scoreAll(words('tien loi'));
    const plain = createTranslationScorer(trainTranslationTable([]), documents, { selfWeight: 1 }).scoreAll(words('tien loi'));
    expect([...own]).toEqual([...plain]);
  });

  it('scores an empty question 0 everywhere, and refuses bad settings or positions with a typed error', () => {
    expect([...scorer.scoreAll([])]).toEqual([0, 0, 0]);
    expect(thrownCode(() => createTranslationScorer(table, documents, { selfWeight: 1.5 }))).toBe('VALIDATION_FAILED');
    expect(thrownCode(() => createTranslationScorer(table, documents, { mu: 0 }))).toBe('VALIDATION_FAILED');
    expect(thrownCode(() => scorer.score(words('loi'), 3))).toBe('VALIDATION_FAILED');
  });
});
