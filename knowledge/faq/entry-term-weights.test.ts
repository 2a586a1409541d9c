import { buildEntryTermWeights } from './entry-term-weights.js';

describe('entry term weights', () => {
  const weights = buildEntryTermWeights([
    ['nghi', 'ngang', 'bao', 'truoc', 'den', 'nghi', 'ngang'],
    ['duoi', 'viec', 'bao', 'truoc', 'den'],
    ['nghi', 'phep', 'bao', 'truoc'],
  ]);

  it('gives a word every entry has no weight and the subject word of one entry the most', () => {
    // "bao"/"truoc" are in all three entries: only "duoi" tells the question apart, and only entry 1 has it.
    expect(weights.supportOf(['duoi', 'bao', 'truoc'])(1)).toBeCloseTo(1, 10);
    expect(weights.supportOf(['duoi', 'bao', 'truoc'])(0)).toBe(0);
  });

  it('counts a word once however often the entry repeats it, and ignores words no entry has', () => {
    const share = weights.supportOf(['nghi', 'ngang', 'zzz'])(0);
    expect(share).toBeCloseTo(1, 10);
    expect(weights.supportOf(['nghi', 'ngang'])(2)).toBeGreaterThan(0);
    expect(weights.supportOf(['nghi', 'ngang'])(2)).toBeLessThan(0.5);
  });

  it('is 1 for a question with nothing distinctive (nothing to tell entries apart) and 0 for an unknown entry', () => {
    expect(weights.supportOf(['bao', 'truoc'])(2)).toBe(1);
    expect(weights.supportOf(['duoi'])(7)).toBe(0);
  });
});
