import type { LawArticle, LawDocument } from '../../core/knowledge/law.js';
import { miniCorpusJsonl, miniLawsJson } from '../../tests/knowledge/fixtures/mini-law-corpus.js';
import { parseLawCorpus } from '../law/parse-law-corpus.js';
import { findSuccessorDocuments, mapExpiredToReplacements } from './expired-successors.js';
import { createTextAnalyzer } from './text-views.js';

const analyzer = createTextAnalyzer();
const doc = (lawId: string, name: string, status: LawDocument['status'], effectiveDate: string, versionNote: string | null = null): LawDocument => ({
  lawId,
  name,
  type: 'Luật',
  issuer: null,
  effectiveDate,
  expiredDate: null,
  status,
  versionNote,
});

describe('findSuccessorDocuments', () => {
  it('reads "replaced by" in the version note', () => {
    const documents = [doc('A/2012', 'Luật A 2012', 'expired', '2013-01-01', 'Historical: replaced by B/2024.'), doc('B/2024', 'Luật Khác 2024', 'in_force', '2025-01-01')];
    expect(findSuccessorDocuments(documents, analyzer)).toEqual(new Map([['A/2012', 'B/2024']]));
  });

  it('otherwise takes the latest in-force document with the same name without its year', () => {
    const documents = [
      doc('X/2014', 'Luật Bảo hiểm xã hội 2014', 'expired', '2016-01-01'),
      doc('X/2006', 'Luật Bảo hiểm xã hội 2006', 'in_force', '2007-01-01'),
      doc('X/2024', 'Luật Bảo hiểm xã hội 2024', 'in_force', '2025-07-01'),
      doc('Y/2024', 'Luật Công đoàn 2024', 'in_force', '2025-07-01'),
    ];
    expect(findSuccessorDocuments(documents, analyzer).get('X/2014')).toBe('X/2024');
  });
});

describe('mapExpiredToReplacements', () => {
  it('pairs an expired article with the same-titled article of its successor', () => {
    const corpus = parseLawCorpus({ articlesJsonl: miniCorpusJsonl(), lawsJson: miniLawsJson() });
    const successors = findSuccessorDocuments(corpus.documents, analyzer);
    const replacement = mapExpiredToReplacements(corpus.articles, (i) => corpus.articles[i]?.status === 'expired', successors, analyzer);
    const position = (id: string) => corpus.articles.findIndex((a) => a.id === id);
    expect(replacement[position('LD2012__D9')]).toBe(position('LD2019__D7'));
    expect(replacement[position('LD2012__D10')]).toBe(-1);
    expect(replacement[position('LD2019__D7')]).toBe(-1);
  });

  it('pairs a retitled article by its text when no title matches', () => {
    const article = (id: string, lawId: string, title: string, text: string, status: LawArticle['status']): LawArticle => ({
      id,
      lawId,
      lawName: lawId,
      lawType: 'Bộ luật',
      articleNo: id,
      title,
      text,
      chapter: null,
      section: null,
      effectiveDate: null,
      status,
    });
    const articles = [
      article('old', 'OLD', 'Bảo vệ thai sản đối với lao động nữ', 'Lao động nữ làm công việc nặng nhọc khi mang thai từ tháng thứ 07 được giảm bớt 01 giờ làm việc hằng ngày mà vẫn hưởng đủ lương.', 'expired'),
      article('new', 'NEW', 'Bảo vệ thai sản', 'Lao động nữ làm công việc nặng nhọc khi mang thai được giảm bớt 01 giờ làm việc hằng ngày mà không bị cắt giảm tiền lương.', 'in_force'),
      article('other', 'NEW', 'Nghỉ thai sản', 'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.', 'in_force'),
      article('gone', 'OLD', 'Sổ lao động', 'Người sử dụng lao động cấp sổ lao động giấy cho người lao động.', 'expired'),
    ];
    const replacement = mapExpiredToReplacements(articles, (i) => articles[i]?.status === 'expired', new Map([['OLD', 'NEW']]), analyzer);
    expect([...replacement]).toEqual([1, -1, -1, -1]);
  });
});
