import { normalizeText } from '../normalize/normalize-text.js';
import { DEFAULT_FEATURE_CONFIG, extractFeatures } from './text-features.js';

const hashesOf = (text: string, lastClause: boolean) => new Set(extractFeatures(normalizeText(text), { ...DEFAULT_FEATURE_CONFIG, lastClause }).hashes);

describe('text features: the last clause', () => {
  it('adds features of the words after the last punctuation of a message with several clauses', () => {
    const story = 'cty ko chịu đối thoại dù cđ gửi văn bản 3 lần, giờ ae làm j đc nữa';
    const without = hashesOf(story, false);
    const added = [...hashesOf(story, true)].filter((hash) => !without.has(hash));
    expect(added.length).toBeGreaterThan(0);
  });

  it('adds nothing to a one-clause message (its words are already the whole message)', () => {
    const question = 'nghỉ thai sản được mấy tháng?';
    expect([...hashesOf(question, true)].sort()).toEqual([...hashesOf(question, false)].sort());
  });

  it('reads the clause the same way typed or without diacritics', () => {
    const typed = hashesOf('công ty nợ lương 2 tháng, em phải làm gì', true);
    const bare = hashesOf('cong ty no luong 2 thang, em phai lam gi', true);
    const typedOnly = hashesOf('công ty nợ lương 2 tháng em phải làm gì', true);
    const bareOnly = hashesOf('cong ty no luong 2 thang em phai lam gi', true);
    // The clause features are folded: both spellings gain the same ones.
    const gained = (withClause: Set<number>, plain: Set<number>) => [...withClause].filter((h) => !plain.has(h)).sort();
    expect(gained(typed, typedOnly)).toEqual(gained(bare, bareOnly));
  });
});
