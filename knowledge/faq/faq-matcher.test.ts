import type { FaqEntry } from '../../core/knowledge/faq.js';
import { createFaqMatcher } from './faq-matcher.js';
import { buildTfIdfIndex, cosine } from './tfidf-index.js';

function entry(id: string, question: string, variants: string[], status: FaqEntry['status'] = 'published'): FaqEntry {
  return { id, topic: 'working_time', question, variants, answer: 'Câu trả lời mẫu đủ dài.', citations: [{ lawId: '45/2019/QH14', articleNo: '1' }], status, updatedAt: '2026-01-01T00:00:00.000Z' };
}

const ENTRIES: FaqEntry[] = [
  entry('overtime-pay', 'Tiền lương làm thêm giờ được tính như thế nào?', ['tăng ca chủ nhật được trả bao nhiêu', 'luong tang ca tinh the nao', 'tc ngày lễ đc x3 lương ko']),
  entry('annual-leave', 'Một năm được nghỉ phép bao nhiêu ngày?', ['nghỉ phép năm mấy ngày', 'so ngay nghi phep nam', 'phép năm đc mấy ngày vậy ad']),
  entry('maternity-leave', 'Nghỉ thai sản được bao lâu?', ['nghỉ sinh con mấy tháng', 'nghi thai san bao nhieu thang', 'đẻ đc nghỉ mấy tháng']),
  entry('draft-entry', 'Câu hỏi nháp về lương tối thiểu vùng', ['luong toi thieu vung'], 'draft'),
];

describe('TF-IDF cosine', () => {
  it('is 1 for identical bags and 0 for disjoint ones', () => {
    const index = buildTfIdfIndex([['a', 'b'], ['c']]);
    expect(cosine(index.vectorize(['a', 'b']), index.vectorize(['a', 'b']))).toBeCloseTo(1, 10);
    expect(cosine(index.vectorize(['a']), index.vectorize(['c']))).toBe(0);
  });

  it('scores every document through the postings exactly as one cosine per document does', () => {
    const documents = [['luong', 'toi', 'thieu'], ['nghi', 'phep', 'nam', 'nam'], ['luong', 'tang', 'ca'], ['c'], []];
    const index = buildTfIdfIndex(documents);
    for (const query of [['luong', 'ca', 'moi'], ['nam'], ['khong', 'co'], []]) {
      const vector = index.vectorize(query);
      const touched: number[] = [];
      const scores = index.cosineAll(vector, touched);
      index.documents.forEach((document, i) => expect(scores[i]).toBeCloseTo(cosine(vector, document), 12));
      // Each document sharing a feature is reported once.
      expect([...touched].sort((a, b) => a - b)).toEqual(index.documents.flatMap((document, i) => (cosine(vector, document) > 0 ? [i] : [])));
    }
  });
});

describe('FAQ matcher', () => {
  const matcher = createFaqMatcher(ENTRIES);

  it.each([
    ['Lương làm thêm giờ tính thế nào ạ?', 'overtime-pay'],
    ['luong lam them gio tinh nhu the nao', 'overtime-pay'],
    ['cho em hỏi nghỉ phép năm được mấy ngày', 'annual-leave'],
    ['nghi thai san duoc bao lau vay', 'maternity-leave'],
  ])('matches %s', (question, id) => {
    expect(matcher.match(question)?.entry.id).toBe(id);
  });

  it('reads a minimum-wage region the same in roman, digit or words, and tells III from I (issue #11 item 5)', () => {
    const regions = createFaqMatcher([
      entry('region-1', 'Lương tối thiểu vùng I là bao nhiêu?', []),
      entry('region-3', 'Lương tối thiểu vùng III là bao nhiêu?', []),
    ]);
    expect(regions.rank('luong toi thieu vung 3 la bao nhieu', 1)[0]?.entry.id).toBe('region-3');
    expect(regions.rank('lương tối thiểu vùng ba là bao nhiêu', 1)[0]?.entry.id).toBe('region-3');
    expect(regions.rank('lương tối thiểu vùng 1 là bao nhiêu', 1)[0]?.entry.id).toBe('region-1');
    expect(regions.rank('luong toi thieu vung i la bao nhieu', 1)[0]?.entry.id).toBe('region-1');
  });

  it('reads "%" as "phần trăm", so a question asking for a rate meets the rate entry (D-answers-15)', () => {
    const rates = createFaqMatcher([
      entry('ui-rate', 'Bảo hiểm thất nghiệp đóng bao nhiêu phần trăm lương?', []),
      entry('ui-length', 'Bảo hiểm thất nghiệp được hưởng bao nhiêu tháng?', []),
    ]);
    expect(rates.rank('bảo hiểm thất nghiệp đóng mấy %', 1)[0]?.entry.id).toBe('ui-rate');
    expect(rates.rank('bao hiem that nghiep dong 1% luong dung khong', 1)[0]?.entry.id).toBe('ui-rate');
  });

  it('tolerates a typo through character n-grams', () => {
    const [top] = matcher.rank('nghỉ thai sảm được bao lâu', 1);
    expect(top?.entry.id).toBe('maternity-leave');
  });

  it('does not answer unrelated or one-word messages', () => {
    expect(matcher.match('giá vàng hôm nay bao nhiêu')).toBeNull();
    expect(matcher.match('thai sản')).toBeNull();
    expect(matcher.best('phép?')).toBeNull();
  });

  it('never matches draft entries', () => {
    expect(matcher.size).toBe(3);
    expect(matcher.rank('luong toi thieu vung', 5).map((match) => match.entry.id)).not.toContain('draft-entry');
  });

  it('reports the phrasing that matched and a score in [0, 1]', () => {
    const match = matcher.match('tc ngày lễ đc x3 lương ko');
    expect(match).toMatchObject({ entry: { id: 'overtime-pay' }, matchedText: 'tc ngày lễ đc x3 lương ko' });
    expect(match?.score).toBeGreaterThan(0.9);
    expect(match?.score).toBeLessThanOrEqual(1);
  });

  it('applies the normaliser to both sides and honours the threshold', () => {
    const expanding = createFaqMatcher(ENTRIES, { normalize: (text) => text.replace(/\bphép\b/giu, 'phép năm') });
    expect(expanding.match('phép được bao nhiêu ngày')?.entry.id).toBe('annual-leave');
    const strict = createFaqMatcher(ENTRIES, { threshold: 0.99 });
    expect(strict.match('cho em hỏi nghỉ phép năm được mấy ngày')).toBeNull();
  });

  it('uses related legal phrases so member words meet FAQ words', () => {
    const related = (text: string) => (text.split(' ').includes('đẻ') ? ['thai san'] : []);
    const withSynonyms = createFaqMatcher(ENTRIES, { relatedPhrases: related });
    const plain = createFaqMatcher(ENTRIES);
    const question = 'vợ em đẻ thì nghỉ được bao lâu';
    expect(withSynonyms.best(question)?.entry.id).toBe('maternity-leave');
    expect(withSynonyms.best(question)?.score ?? 0).toBeGreaterThan(plain.rank(question, 3).find((m) => m.entry.id === 'maternity-leave')?.score ?? 0);
  });

  it('re-ranks close entries by the words only they have, keeping the reported score (D-answers-18)', () => {
    const termination = [
      entry('employee-quit', 'Nghỉ ngang không báo trước thì phải đền gì?', ['nghi ngang ko bao truoc phai den gi']),
      entry('unlawful-dismissal', 'Bị đuổi việc trái luật được bồi thường gì?', ['bi duoi viec trai luat duoc boi thuong gi']),
      entry('leave-notice', 'Xin nghỉ phép phải báo trước mấy ngày?', []),
      entry('resign-notice', 'Nghỉ việc phải báo trước bao nhiêu ngày?', []),
      entry('overtime', 'Tăng ca được trả bao nhiêu phần trăm lương?', ['luong tang ca tinh the nao']),
    ];
    const question = 'cong ty duoi viec khong bao truoc';
    // "báo trước" is in four entries, "đuổi việc" in one: the bag of grams follows the shared words, the re-rank
    // the subject.
    expect(createFaqMatcher(termination, { rerankWeight: 0 }).rank(question, 1)[0]?.entry.id).toBe('employee-quit');
    const [top, next] = createFaqMatcher(termination, { actorCue: false }).rank(question, 2);
    expect(top?.entry.id).toBe('unlawful-dismissal');
    expect(top?.score ?? 1).toBeLessThan(next?.score ?? 0);
  });

  it('puts a close entry about the other side of a termination after the rest (actor-cue.ts, D-answers-19)', () => {
    const termination = [
      entry('employee-quit', 'Nghỉ ngang không báo trước thì phải đền mấy tháng lương?', ['nghỉ ngang phải đền tháng lương không', 'tự nghỉ ngang có phải đền không']),
      entry('unlawful-dismissal', 'Bị đuổi việc trái luật được bồi thường gì?', ['bị đuổi ngang không báo trước được đền gì']),
      entry('overtime', 'Tăng ca được trả bao nhiêu phần trăm lương?', ['luong tang ca tinh the nao']),
    ];
    const question = 'bị đuổi ngang không báo trước phải đền mấy tháng lương';
    expect(createFaqMatcher(termination, { actorCue: false, threshold: 0 }).rank(question, 1)[0]?.entry.id).toBe('employee-quit');
    expect(createFaqMatcher(termination, { threshold: 0 }).rank(question, 1)[0]?.entry.id).toBe('unlawful-dismissal');
    // Without a cue in the question nothing moves.
    expect(createFaqMatcher(termination, { threshold: 0 }).rank('không báo trước phải đền mấy tháng lương', 1)[0]?.entry.id).toBe('employee-quit');
  });
});
