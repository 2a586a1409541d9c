import { TOPICS } from '../../core/nlu/labels.js';
import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { loadStarterPack } from './starter-pack.js';

/** Topics the brief asks to cover more deeply than the minimum of four. */
const DEEP_TOPICS = ['wages', 'working_time', 'social_insurance', 'termination', 'maternity'] as const;

describe('FAQ starter pack', () => {
  const entries = loadStarterPack();

  it('has at least 300 validated, published entries (issue #11: what members actually ask)', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(entries.every((entry) => entry.status === 'published')).toBe(true);
  });

  it('covers every topic except `other`, deeper where members ask most', () => {
    const counts = new Map<string, number>();
    for (const entry of entries) counts.set(entry.topic, (counts.get(entry.topic) ?? 0) + 1);
    for (const topic of TOPICS.filter((t) => t !== 'other')) expect([topic, counts.get(topic) ?? 0]).toEqual([topic, expect.any(Number)]);
    const shallow = TOPICS.filter((topic) => topic !== 'other' && (counts.get(topic) ?? 0) < 4);
    expect(shallow).toEqual([]);
    expect(DEEP_TOPICS.filter((topic) => (counts.get(topic) ?? 0) < 8)).toEqual([]);
    expect(counts.get('other') ?? 0).toBe(0);
  });

  it('gives each entry at least three variants, one of them typed without diacritics', () => {
    const thin = entries.filter((entry) => entry.variants.length < 3).map((entry) => entry.id);
    expect(thin).toEqual([]);
    const noUnaccented = entries.filter((entry) => !entry.variants.some((variant) => !hasDiacritics(variant))).map((entry) => entry.id);
    expect(noUnaccented).toEqual([]);
  });

  it('writes answers in Vietnamese with diacritics and cites at least one article each', () => {
    for (const entry of entries) {
      expect([entry.id, hasDiacritics(entry.answer)]).toEqual([entry.id, true]);
      expect([entry.id, entry.citations.length > 0]).toEqual([entry.id, true]);
    }
  });

  it('uses unique question texts (two entries asking the same thing would fight in the matcher)', () => {
    const questions = entries.map((entry) => entry.question.toLowerCase());
    expect(new Set(questions).size).toBe(questions.length);
  });
});
