import type { FaqEntry } from '../../core/knowledge/faq.js';
import { createFaqMatcher } from '../faq/faq-matcher.js';
import { wordLead } from './entry-lead.js';

const entryOf = (id: string, question: string, variants: string[]): FaqEntry => ({
  id,
  topic: 'union',
  question,
  variants,
  answer: 'Câu trả lời.',
  citations: [{ lawId: '45/2019/QH14', articleNo: '1' }],
  status: 'published',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const dialogue = entryOf('dialogue', 'Công ty có phải tổ chức đối thoại tại nơi làm việc không?', ['đối thoại định kỳ tại nơi làm việc', 'doi thoai tai noi lam viec']);
const bargaining = entryOf('bargaining', 'Thương lượng tập thể tại nơi làm việc gồm nội dung gì?', ['thuong luong tap the o cong ty']);
const question = 'công ty tổ chức đối thoại định kỳ tại nơi làm việc mấy lần một năm';

/** Entries sharing no word with the question: a pack that grew in other directions. */
const unrelated = Array.from({ length: 120 }, (_, i) =>
  entryOf(`other-${i}`, `Bánh mì phở số ${i} ngon không?`, [`cà phê sữa đá số ${i}`, `xe máy sửa chữa số ${i}`]),
);

describe('wordLead', () => {
  it('is the share of the question\'s words the first entry holds beyond the second\'s', () => {
    expect(wordLead(question, dialogue, bargaining)).toBeGreaterThan(0.3);
    expect(wordLead(question, bargaining, dialogue)).toBeLessThan(0);
    expect(wordLead(question, dialogue, dialogue)).toBe(0);
    expect(wordLead(question, dialogue, undefined)).toBeGreaterThan(wordLead(question, dialogue, bargaining));
  });

  it('stays the same when the pack grows with unrelated entries, while the matcher\'s score gap moves (D-answers-40)', () => {
    const small = createFaqMatcher([dialogue, bargaining]).rank(question, 2);
    const grown = createFaqMatcher([dialogue, bargaining, ...unrelated]).rank(question, 2);
    expect(small.map((m) => m.entry.id)).toEqual(['dialogue', 'bargaining']);
    expect(grown.map((m) => m.entry.id)).toEqual(['dialogue', 'bargaining']);
    const gap = (ranked: typeof small) => (ranked[0]?.score ?? 0) - (ranked[1]?.score ?? 0);
    // The idf of every feature moved: the raw gap a margin was read on is not the same.
    expect(Math.abs(gap(small) - gap(grown))).toBeGreaterThan(0.005);
    const lead = (ranked: typeof small) => wordLead(question, ranked[0]!.entry, ranked[1]?.entry);
    expect(lead(grown)).toBe(lead(small));
  });
});
