import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { LawArticle } from '../../core/knowledge/law.js';
import { caseLeftOut, entryFit } from './faq-fit.js';

const article: LawArticle = {
  id: '145_2020_ND-CP__D41',
  lawId: '145/2020/NĐ-CP',
  lawName: 'Nghị định 145/2020/NĐ-CP',
  lawType: 'Luật',
  articleNo: '41',
  title: 'Trách nhiệm tổ chức đối thoại định kỳ tại nơi làm việc',
  text: '1. Người sử dụng lao động tổ chức đối thoại định kỳ ít nhất 01 năm một lần.\n2. Trong thời hạn 03 ngày làm việc kể từ ngày kết thúc đối thoại, người sử dụng lao động phải công bố công khai nội dung chính của đối thoại tại nơi làm việc.',
  chapter: null,
  section: null,
  effectiveDate: null,
  status: 'in_force',
};
const sources = [{ article, passages: [{ clauseNo: '2', text: article.text.split('\n')[1] as string }] }];

const entry = (answer: string): FaqEntry => ({
  id: 'dialogue',
  topic: 'union',
  question: 'Công ty có phải tổ chức đối thoại tại nơi làm việc không?',
  variants: [],
  answer,
  citations: [{ lawId: '45/2019/QH14', articleNo: '63' }],
  status: 'published',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('entryFit', () => {
  const question = 'đối thoại xong công ty phải công bố nội dung đối thoại trong bao lâu';

  it('scores the law\'s clause above an entry on the topic that states no such period', () => {
    const fit = entryFit(question, entry('Có. Công ty phải tổ chức đối thoại tại nơi làm việc định kỳ ít nhất 01 năm một lần.'), sources, 2);
    expect(fit.law - fit.entry).toBeGreaterThan(0.1);
    expect(fit.lawUnit?.text).toContain('03 ngày làm việc');
  });

  it('scores an entry that states what was asked at least as high as the clause', () => {
    const fit = entryFit(question, entry('Công ty tổ chức đối thoại định kỳ.\n\nTrong 03 ngày làm việc sau khi đối thoại xong, công ty phải công bố nội dung chính của đối thoại.'), sources, 2);
    expect(fit.entry).toBeGreaterThanOrEqual(fit.law - 0.1);
  });

  it('has nothing of the law to offer without sources', () => {
    expect(entryFit(question, entry('Có.'), [], 2)).toMatchObject({ law: 0, lawUnit: null });
  });

  it('reads every clause of the articles the entry cites, which the search need not have brought', () => {
    const fit = entryFit(question, entry('Có. Công ty phải tổ chức đối thoại tại nơi làm việc định kỳ ít nhất 01 năm một lần.'), [], 2, [article]);
    expect(fit.lawUnit?.text).toContain('03 ngày làm việc');
    expect(fit.law).toBeGreaterThan(fit.entry);
  });

  it('says how far the entry restates the best clause: little for an entry on another case of the topic', () => {
    const otherCase = entryFit(question, entry('Công ty phải tổ chức đối thoại tại nơi làm việc định kỳ ít nhất 01 năm một lần.'), sources, 2);
    const restating = entryFit(question, entry('Trong thời hạn 03 ngày làm việc kể từ ngày kết thúc đối thoại, người sử dụng lao động phải công bố công khai nội dung chính của đối thoại tại nơi làm việc.'), sources, 2);
    expect(otherCase.restated).toBeLessThan(0.3);
    expect(restating.restated).toBeGreaterThan(0.9);
    expect(entryFit(question, entry('Có.'), [], 2).restated).toBe(1);
  });

  it('leaves out an expired article the entry cites', () => {
    const fit = entryFit(question, entry('Có.'), [], 2, [{ ...article, status: 'expired' }]);
    expect(fit.lawUnit).toBeNull();
  });

  it('prefers the clause of the party asked among siblings sharing the question\'s words', () => {
    const recovery: LawArticle = {
      ...article,
      id: '41_2024_QH15__D49',
      lawId: '41/2024/QH15',
      articleNo: '49',
      title: 'Giải quyết hưởng trợ cấp dưỡng sức, phục hồi sức khỏe',
      text:
        '1. Trong thời hạn 07 ngày làm việc kể từ ngày người lao động trở lại làm việc, người sử dụng lao động lập danh sách gửi cơ quan bảo hiểm xã hội.\n' +
        '2. Trong thời hạn 07 ngày làm việc kể từ ngày nhận danh sách, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết.',
    };
    const asked = 'công ty gửi danh sách lên bảo hiểm rồi, bảo hiểm giải quyết trong bao lâu';
    const onLeave = entry('Bạn được nghỉ dưỡng sức tối đa 10 ngày trong một năm.');
    expect(entryFit(asked, onLeave, [], 2, [recovery], 'insurer').lawUnit?.clauseNo).toBe('2');
    expect(entryFit(asked, onLeave, [], 2, [recovery], 'employer').lawUnit?.clauseNo).toBe('1');
  });
});

describe('caseLeftOut (D-answers-53)', () => {
  const maternity: LawArticle = {
    ...article,
    id: '41_2024_QH15__D54',
    lawId: '41/2024/QH15',
    lawName: 'Luật Bảo hiểm xã hội 2024',
    articleNo: '54',
    title: 'Thời gian hưởng chế độ thai sản khi sinh con',
    text: '1. Lao động nữ mang thai hộ được nghỉ việc hưởng chế độ thai sản khi sinh con cho đến thời điểm giao đứa trẻ nhưng không vượt quá 06 tháng; trường hợp giao đứa trẻ trong 60 ngày thì được nghỉ cho đến khi đủ 60 ngày.',
  };
  const leave: FaqEntry = {
    ...entry('Lao động nữ sinh con được nghỉ thai sản 06 tháng; nghỉ trước khi sinh không quá 02 tháng.'),
    id: 'maternity-leave',
    question: 'Sinh con được nghỉ thai sản bao lâu?',
  };
  const lawSources = [{ article: maternity, passages: [] }];

  it("returns the first source's clause stating the figure for the case the entry does not speak of", () => {
    expect(caseLeftOut('em mang thai hộ thì được nghỉ thai sản bao lâu', leave, lawSources, 0.15)?.clauseNo).toBe('1');
  });

  it('is null when the entry speaks of the case, or only the way the question is put differs', () => {
    expect(caseLeftOut('sinh con thì được nghỉ thai sản bao lâu', leave, lawSources, 0.15)).toBeNull();
    // Asking no figure: the rule is for figures of a kind only.
    expect(caseLeftOut('em mang thai hộ có được nghỉ thai sản không', leave, lawSources, 0.15)).toBeNull();
  });
});
