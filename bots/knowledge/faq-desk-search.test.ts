import type { FaqListFilter, StoredFaqEntry } from '../storage/repositories/faq-repository.js';
import { createFaqDeskSearch } from './faq-desk-search.js';

const stored = (id: string, question: string, answer = 'Có.'): StoredFaqEntry => ({
  id,
  topic: 'working_time',
  question,
  variants: [],
  answer,
  citations: [],
  status: 'published',
  version: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ownerUnitId: null,
  overridesId: null,
  owner: null,
});

/** The repository's list as it is: id order, its own paging, the filter passed on. */
function fakeFaqs(entries: StoredFaqEntry[]) {
  const calls: FaqListFilter[] = [];
  return {
    calls,
    entries,
    list: (filter: FaqListFilter = {}) => {
      calls.push(filter);
      const offset = filter.offset ?? 0;
      return Promise.resolve({ entries: entries.slice(offset, offset + (filter.limit ?? 1000)), total: entries.length });
    },
  };
}

describe('the knowledge desk search over the FAQ list', () => {
  const entries = [
    stored('a-answer', 'Làm đêm được gì?', 'Tiền tăng ca ban đêm cao hơn.'),
    stored('b-apart', 'Ca đêm có được tăng lương không?'),
    stored('c-question', 'Tiền tăng ca tính thế nào?'),
    stored('d-other', 'Nghỉ phép năm bao nhiêu ngày?'),
  ];

  it('ranks the whole filtered list, then pages it, with the total of what matched', async () => {
    const faqs = fakeFaqs(entries);
    const search = createFaqDeskSearch(faqs);
    const first = await search.list({ q: 'tang ca', status: 'active', limit: 2, offset: 0 });
    const second = await search.list({ q: 'tang ca', status: 'active', limit: 2, offset: 2 });
    expect(first).toEqual({ entries: [entries[2], entries[0]], total: 3 });
    expect(second).toEqual({ entries: [entries[1]], total: 3 });
    // The filters go to the repository; the words do not.
    expect(faqs.calls[0]).toEqual({ status: 'active', limit: 5000, offset: 0 });
  });

  it('reads the search with the usual spelling confusions only when nothing matches as typed, and says so', async () => {
    const search = createFaqDeskSearch(fakeFaqs(entries));
    expect(await search.list({ q: 'tăng ca', limit: 10, offset: 0 })).not.toHaveProperty('spelling');
    // Only pieces as typed ("chợ" somewhere, "thôi việc" together): the phrase under the key wins.
    const pieces = [stored('a-market', 'Đi chợ mua đồ. Cấp trên bắt thôi việc được không?'), stored('b-allowance', 'Trợ cấp thôi việc tính thế nào?')];
    expect(await createFaqDeskSearch(fakeFaqs(pieces)).list({ q: 'chợ cấp thôi việc', limit: 10, offset: 0 })).toMatchObject({ entries: [pieces[1], pieces[0]], spelling: true });
    // Nothing under the key either: an empty list, not a stretch.
    expect(await search.list({ q: 'bão lụt', limit: 10, offset: 0 })).toEqual({ entries: [], total: 0 });
    expect(await search.list({ q: 'ngỉ phép', limit: 10, offset: 0 })).toEqual({ entries: [entries[3]], total: 1, spelling: true });
  });

  it('lists in the repository order with its paging when there are no words to look for', async () => {
    const faqs = fakeFaqs(entries);
    const search = createFaqDeskSearch(faqs);
    expect(await search.list({ q: ' ?! ', limit: 2, offset: 1 })).toEqual({ entries: [entries[1], entries[2]], total: 4 });
    expect(await search.list({ limit: 2, offset: 0 })).toEqual({ entries: [entries[0], entries[1]], total: 4 });
    expect(faqs.calls.map((call) => [call.limit, call.offset])).toEqual([
      [2, 1],
      [2, 0],
    ]);
  });

  it('reads an edited entry anew', async () => {
    const faqs = fakeFaqs([stored('a', 'Tiền tăng ca tính thế nào?')]);
    const search = createFaqDeskSearch(faqs);
    expect((await search.list({ q: 'tang ca', limit: 10, offset: 0 })).total).toBe(1);
    faqs.entries[0] = { ...stored('a', 'Nghỉ phép năm bao nhiêu ngày?'), version: 2 };
    expect((await search.list({ q: 'tang ca', limit: 10, offset: 0 })).total).toBe(0);
    expect((await search.list({ q: 'nghi phep', limit: 10, offset: 0 })).total).toBe(1);
  });
});
