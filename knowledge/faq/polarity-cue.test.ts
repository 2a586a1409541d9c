import { foldedSyllables } from './faq-text-features.js';
import { asksWhenGranted, entryIsAboutWithheld } from './polarity-cue.js';
import { createFaqMatcher } from './faq-matcher.js';
import type { FaqEntry } from '../../core/knowledge/faq.js';

const fold = (text: string) => foldedSyllables(text.toLowerCase());

describe('polarity cue', () => {
  it('reads a question asking when a right applies, not a yes/no question or one asking when it is withheld', () => {
    expect(asksWhenGranted(fold('Người lao động được trả trợ cấp mất việc làm trong trường hợp nào?'))).toBe(true);
    expect(asksWhenGranted(fold('Trường hợp nào nghỉ việc không được trợ cấp thôi việc?'))).toBe(false);
    expect(asksWhenGranted(fold('say rượu bị tai nạn có được bồi thường không'))).toBe(false);
  });

  it('names an entry about a right withheld only when a third of its phrasings say so', () => {
    expect(entryIsAboutWithheld([fold('Trường hợp nào không được trợ cấp thôi việc?'), fold('tự ý bỏ việc có mất trợ cấp không'), fold('truong hop khong duoc tro cap')])).toBe(true);
    expect(entryIsAboutWithheld([fold('Nghỉ thai sản mấy tháng?'), fold('thai sản được nghỉ bao lâu'), fold('sinh con nghi may thang'), fold('không được nghỉ thai sản thì sao')])).toBe(false);
  });

  it('puts the entry on exceptions after the rest when the question asks when the right applies', () => {
    const entry = (id: string, question: string, variants: string[]): FaqEntry => ({
      id, topic: 'termination', question, variants, answer: 'x', citations: [{ lawId: '45/2019/QH14', articleNo: '47' }], status: 'published', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const matcher = createFaqMatcher([
      entry('exceptions', 'Trường hợp nào không được trợ cấp mất việc làm?', ['truong hop nao khong duoc tro cap mat viec lam', 'khi nào không được trợ cấp mất việc làm']),
      entry('allowance', 'Trợ cấp mất việc làm tính thế nào?', ['tro cap mat viec lam bao nhieu', 'được trợ cấp mất việc làm bao nhiêu tháng lương']),
    ]);
    expect(matcher.rank('Người lao động được trợ cấp mất việc làm trong trường hợp nào?', 2)[0]?.entry.id).toBe('allowance');
    expect(matcher.rank('Trường hợp nào người lao động không được trợ cấp mất việc làm?', 1)[0]?.entry.id).toBe('exceptions');
  });
});
