import type { FaqEntry } from '../../core/knowledge/faq.js';
import { officerFaqPhrasings } from './officer-faq-phrasings.js';

const entry = (id: string, question: string, variants: string[], extra: Partial<FaqEntry> = {}): FaqEntry => ({
  id,
  topic: 'maternity',
  question,
  variants,
  answer: 'Trả lời.',
  citations: [{ lawId: '45/2019/QH14', articleNo: '139' }],
  status: 'published',
  updatedAt: '2026-12-03T00:00:00.000Z',
  ...extra,
});

describe("officers' FAQ phrasings as training lines", () => {
  const starter = [entry('mat-leave', 'Nghỉ thai sản được bao lâu?', ['nghi thai san may thang'])];

  it('takes what officers wrote and leaves out the starter pack, compared without diacritics or punctuation', () => {
    const published = [
      entry('mat-leave', 'Nghỉ thai sản được bao lâu?', ['nghỉ thai sản mấy tháng', 'đẻ xong được nghỉ ở nhà mấy tháng vậy']),
      entry('local-1', 'Công đoàn có tặng quà khi sinh con không?', [], { topic: 'union' }),
    ];
    expect(officerFaqPhrasings(published, starter)).toEqual([
      { text: 'đẻ xong được nghỉ ở nhà mấy tháng vậy', route: 'question', topic: 'maternity', sentiment: 'neutral' },
      { text: 'Công đoàn có tặng quà khi sinh con không?', route: 'question', topic: 'union', sentiment: 'neutral' },
    ]);
  });

  it('ignores retired entries and repeats', () => {
    const published = [
      entry('a', 'hỏi một', ['hỏi một'], { status: 'retired' }),
      entry('b', 'hỏi hai', ['Hỏi hai!']),
    ];
    expect(officerFaqPhrasings(published, starter).map((line) => line.text)).toEqual(['hỏi hai']);
  });
});
