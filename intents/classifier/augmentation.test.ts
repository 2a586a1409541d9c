import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { augmentText } from './augmentation.js';
import { createSeededRandom } from './seeded-random.js';

describe('augmentText', () => {
  const text = 'Công ty không trả lương cho người lao động hai tháng rồi, em phải làm gì?';

  it('adds an unaccented copy and abbreviated copies', () => {
    const variants = augmentText(text, createSeededRandom(1));
    expect(variants).toContain('Cong ty khong tra luong cho nguoi lao dong hai thang roi, em phai lam gi?');
    expect(variants.some((v) => hasDiacritics(v) && /\b(?:ko|k|cty|lg|nld|e|r|j)\b/.test(v))).toBe(true);
    expect(variants.some((v) => !hasDiacritics(v) && /\b(?:ko|k|cty|lg|nld|e|r|j)\b/.test(v))).toBe(true);
  });

  it('is reproducible with the same seed', () => {
    expect(augmentText(text, createSeededRandom(42))).toEqual(augmentText(text, createSeededRandom(42)));
  });

  it('drops variants that normalise to what is already there', () => {
    // The tone-style flip (hòa/hoà) is undone by the canonicaliser; an unaccented message has no unaccented twin.
    expect(augmentText('Hòa giải ở đâu', createSeededRandom(1), { folded: false, abbreviated: false, toneFlip: true, abbreviationRate: 0 })).toEqual([]);
    expect(augmentText('hoa giai o dau', createSeededRandom(1), { folded: true, abbreviated: false, toneFlip: false, abbreviationRate: 0 })).toEqual([]);
  });
});
