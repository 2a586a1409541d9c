import { thrownCode } from '../../tests/support/thrown-code.js';
import { trainTranslationTable, type TranslationPair } from './translation-model.js';

const words = (text: string) => text.split(' ');
// Members say "loi" (tiền lời) where the law says "lai" (lãi), "mat" (ngã mất) where it says "chet"; the law's other
// words come and go.
const CORPUS: TranslationPair[] = [
  { source: words('tien lai gui'), target: words('tien loi') },
  { source: words('lai suat ngan hang'), target: words('loi ngan hang') },
  { source: words('nguoi lao dong chet'), target: words('nguoi mat') },
  { source: words('chet do tai nan'), target: words('mat tai nan') },
  { source: words('tro cap tien tuat'), target: words('tro cap') },
  { source: words('tien luong'), target: words('tien luong') },
];

const p = (table: ReturnType<typeof trainTranslationTable>, from: string, to: string) => table.targetsOf.get(from)?.find((row) => row.term === to)?.p ?? 0;

describe('trainTranslationTable (IBM Model 1 by EM)', () => {
  const table = trainTranslationTable(CORPUS, { iterations: 10, minProbability: 0 });

  it('learns the obvious translations from co-occurrence alone', () => {
    expect(p(table, 'lai', 'loi')).toBeGreaterThan(0.5);
    expect(p(table, 'chet', 'mat')).toBeGreaterThan(0.5);
    // "tien" is explained by itself, which leaves "loi" to "lai".
    expect(p(table, 'tien', 'tien')).toBeGreaterThan(p(table, 'tien', 'loi'));
    expect(table.pairs).toBe(CORPUS.length);
  });

  it('gives each law term a probability distribution over the member terms', () => {
    for (const row of table.targetsOf.values()) expect(row.reduce((sum, { p: value }) => sum + value, 0)).toBeCloseTo(1, 6);
  });

  it('prunes small translations and keeps the larger first', () => {
    const pruned = trainTranslationTable(CORPUS, { minProbability: 0.2 });
    for (const row of pruned.targetsOf.values()) {
      expect(row.every(({ p: value }) => value >= 0.2)).toBe(true);
      expect(row.map(({ p: value }) => value)).toEqual([...row.map(({ p: value }) => value)].sort((a, b) => b - a));
    }
  });

  it('learns nothing from nothing, and skips pairs with an empty side', () => {
    expect(trainTranslationTable([]).targetsOf.size).toBe(0);
    expect(trainTranslationTable([{ source: [], target: ['loi'] }]).pairs).toBe(0);
  });

  it('refuses bad input with a typed error', () => {
    expect(thrownCode(() => trainTranslationTable(CORPUS, { iterations: 0 }))).toBe('VALIDATION_FAILED');
    expect(thrownCode(() => trainTranslationTable(CORPUS, { minProbability: 1 }))).toBe('VALIDATION_FAILED');
    expect(thrownCode(() => trainTranslationTable([{ source: ['lai', ''], target: ['loi'] }]))).toBe('VALIDATION_FAILED');
    expect(thrownCode(() => trainTranslationTable([{ source: 'lai' as unknown as string[], target: ['loi'] }]))).toBe('VALIDATION_FAILED');
  });
});
