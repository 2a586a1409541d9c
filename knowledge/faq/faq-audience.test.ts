import type { FaqEntry } from '../../core/knowledge/faq.js';
import { createFaqMatcher } from './faq-matcher.js';

const base = (id: string, answer: string, extra: Partial<FaqEntry> = {}): FaqEntry => ({
  id,
  topic: 'working_time',
  question: 'Làm thêm giờ được trả lương bao nhiêu?',
  variants: ['lam them gio duoc tra bao nhieu', 'tăng ca được trả lương thế nào'],
  answer,
  citations: [{ lawId: '45/2019/QH14', articleNo: '98' }],
  status: 'published',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

// Units: national root n → province p → grassroots g; a sibling province q.
const entries: FaqEntry[] = [
  base('ot-national', 'Theo luật: ít nhất 150%.'),
  base('ot-province', 'Tỉnh P: thoả ước 170%.', { ownerUnitId: 'p', overridesId: 'ot-national' }),
  base('ot-grassroots', 'Công ty G: 200% theo thoả ước.', { ownerUnitId: 'g', overridesId: 'ot-national' }),
  base('canteen-g', 'Nhà ăn công ty G mở từ 11 giờ.', {
    ownerUnitId: 'g',
    topic: 'living_conditions',
    question: 'Nhà ăn công ty mở cửa mấy giờ?',
    variants: ['nha an cong ty mo cua may gio'],
  }),
];
const matcher = createFaqMatcher(entries);
const ask = 'làm thêm giờ được trả lương bao nhiêu';

describe('FAQ answers by the member\'s unit', () => {
  it('answers members without a unit, or outside the overriding branch, with the national entry', () => {
    expect(matcher.match(ask)?.entry.id).toBe('ot-national');
    expect(matcher.match(ask, { unitPath: null })?.entry.id).toBe('ot-national');
    expect(matcher.match(ask, { unitPath: '/n/q/' })?.entry.id).toBe('ot-national');
  });

  it('gives the deepest override on the member\'s own path', () => {
    expect(matcher.match(ask, { unitPath: '/n/p/' })?.entry.id).toBe('ot-province');
    expect(matcher.match(ask, { unitPath: '/n/p/g/' })?.entry.id).toBe('ot-grassroots');
    expect(matcher.rank(ask, 5, { unitPath: '/n/p/g/' }).map((hit) => hit.entry.id)).not.toContain('ot-national');
  });

  it('keeps local entries to their subtree', () => {
    const canteen = 'nhà ăn công ty mở cửa mấy giờ';
    expect(matcher.match(canteen, { unitPath: '/n/p/g/' })?.entry.id).toBe('canteen-g');
    expect(matcher.match(canteen, { unitPath: '/n/p/' })).toBeNull();
    expect(matcher.match(canteen)).toBeNull();
  });
});
