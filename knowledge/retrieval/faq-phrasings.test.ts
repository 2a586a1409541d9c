import { fileURLToPath } from 'node:url';
import type { FaqEntry } from '../../core/knowledge/faq.js';
import { loadExpansionPhrasings, phrasingsFromFaq } from './faq-phrasings.js';

const entry = (id: string, status: FaqEntry['status'], citations: FaqEntry['citations']): FaqEntry => ({
  id,
  topic: 'wages',
  question: 'Công ty trả lương chậm thì sao?',
  variants: ['cty tra luong cham', 'lương về muộn có được đền không'],
  answer: '…',
  citations,
  status,
  updatedAt: '2026-12-05T00:00:00.000Z',
});

describe('phrasingsFromFaq', () => {
  it('gives a published entry’s question and variants, typed and folded, to every article it cites', () => {
    const phrasings = phrasingsFromFaq([
      entry('late-pay', 'published', [
        { lawId: 'LD/2019', articleNo: '5' },
        { lawId: 'ND/2020', articleNo: '9' },
      ]),
    ]);
    expect(phrasings).toEqual([
      { lawId: 'LD/2019', articleNo: '5', phrasings: ['Công ty trả lương chậm thì sao?', 'cty tra luong cham', 'lương về muộn có được đền không'] },
      { lawId: 'ND/2020', articleNo: '9', phrasings: ['Công ty trả lương chậm thì sao?', 'cty tra luong cham', 'lương về muộn có được đền không'] },
    ]);
  });

  it('leaves out drafts and retired entries: members are not told them', () => {
    expect(phrasingsFromFaq([entry('a', 'draft', [{ lawId: 'LD/2019', articleNo: '5' }]), entry('b', 'retired', [{ lawId: 'LD/2019', articleNo: '5' }])])).toEqual([]);
  });

  it('adds the phrasing files after the FAQ’s: the articles’, then the clauses’ with their khoản', () => {
    const dir = fileURLToPath(new URL('./testing/article-phrasings/', import.meta.url));
    const clauseDir = fileURLToPath(new URL('./testing/clause-phrasings/', import.meta.url));
    const all = loadExpansionPhrasings([entry('late-pay', 'published', [{ lawId: 'LD/2019', articleNo: '5' }])], dir, clauseDir);
    expect(all.map((p) => (p.clauseNo ? `${p.articleNo}.${p.clauseNo}` : p.articleNo))).toEqual(['5', '3', '5', '8', '3.2', '5.2', '7.2']);
  });
});
