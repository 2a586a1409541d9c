import type { FaqEntry } from '../../core/knowledge/faq.js';
import { createFaqMatcher } from './faq-matcher.js';
import { createSwappableFaqMatcher } from './swappable-faq-matcher.js';

const entry = (id: string, question: string): FaqEntry => ({
  id,
  topic: 'wages',
  question,
  variants: [],
  answer: 'Câu trả lời mẫu đủ dài để hợp lệ.',
  citations: [{ lawId: '45/2019/QH14', articleNo: '90' }],
  status: 'published',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('swappable FAQ matcher', () => {
  it('answers from the entries it was last given', () => {
    const matcher = createSwappableFaqMatcher((entries) => createFaqMatcher(entries), [entry('old', 'Lương tháng trả vào ngày nào trong tháng?')]);
    expect(matcher.match('lương tháng trả vào ngày nào')?.entry.id).toBe('old');
    matcher.replace([entry('new', 'Thưởng Tết có bắt buộc phải trả không?')]);
    expect(matcher.size).toBe(1);
    expect(matcher.match('lương tháng trả vào ngày nào')).toBeNull();
    expect(matcher.match('thưởng Tết có bắt buộc không')?.entry.id).toBe('new');
  });
});
