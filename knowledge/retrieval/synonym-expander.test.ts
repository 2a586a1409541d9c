import { createSynonymExpander } from './synonym-expander.js';
import { loadDefaultSynonymGroups, parseSynonymGroups } from './synonym-groups.js';
import { createTextAnalyzer } from './text-views.js';
import { AppError } from '../../core/errors/app-error.js';

describe('synonym expansion', () => {
  const analyzer = createTextAnalyzer();
  const expander = createSynonymExpander(
    [
      { member: ['nợ lương', 'chậm lương'], legal: ['trả lương', 'kỳ hạn trả lương'] },
      { member: ['đẻ'], legal: ['thai sản'], weight: 0.8 },
      { member: ['bảo hiểm'], legal: ['bảo hiểm xã hội'] },
      { member: ['bảo hiểm thất nghiệp'], legal: ['trợ cấp thất nghiệp'] },
    ],
    analyzer,
  );
  const legalOf = (text: string) => expander.expand(analyzer.view(text)).flatMap((e) => e.legal.map((l) => l.accented.join(' ')));

  it('finds member words with and without diacritics', () => {
    expect(legalOf('công ty nợ lương 2 tháng')).toEqual(['trả lương', 'kỳ hạn trả lương']);
    expect(legalOf('cong ty no luong 2 thang')).toEqual(['trả lương', 'kỳ hạn trả lương']);
  });

  it('reports the span of the question it matched and the group weight', () => {
    const [expansion] = expander.expand(analyzer.view('vợ em đẻ'));
    expect(expansion?.span).toEqual([2, 3]);
    expect(expansion?.weight).toBe(0.8);
  });

  it('matches a one-syllable word with diacritics only when typed with them', () => {
    expect(legalOf('vo em de roi')).toEqual([]);
    expect(legalOf('để em hỏi')).toEqual([]);
  });

  it('does not add a legal phrase the question already contains', () => {
    expect(legalOf('chậm lương thì trả lương thế nào')).toEqual(['kỳ hạn trả lương']);
  });

  it('prefers the longest phrase at a position', () => {
    const spans = expander.expand(analyzer.view('bảo hiểm thất nghiệp')).map((e) => e.span);
    expect(spans).toContainEqual([0, 4]);
  });
});

describe('synonym list', () => {
  it('ships at least 60 groups covering the brief’s examples', () => {
    const groups = loadDefaultSynonymGroups();
    expect(groups.length).toBeGreaterThanOrEqual(60);
    const all = groups.flatMap((g) => [...g.member, ...g.legal]);
    for (const phrase of ['sinh con', 'thai sản', 'đuổi việc', 'sa thải', 'nợ lương', 'nghỉ phép', 'nghỉ hằng năm', 'tăng ca', 'ot', 'làm thêm giờ', 'lương cơ bản', 'lương tối thiểu vùng', 'mức lương tối thiểu', 'trợ cấp thất nghiệp', 'thôi việc']) {
      expect(all.some((p) => p.includes(phrase))).toBe(true);
    }
  });

  it('rejects a malformed list with CONFIG_INVALID naming the field', () => {
    let error: unknown;
    try {
      parseSynonymGroups({ groups: [{ member: [], legal: ['x'] }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFIG_INVALID');
    expect((error as AppError).fields[0]?.path).toBe('synonyms.groups.0.member');
  });
});

describe('the shipped synonym list (D-answers-26)', () => {
  const analyzer = createTextAnalyzer();
  const expander = createSynonymExpander(loadDefaultSynonymGroups(), analyzer);
  const legalOf = (text: string) => expander.expand(analyzer.view(text)).flatMap((e) => e.legal.map((l) => l.accented.join(' ')));

  it('reads twins and falling ill as the law says them, typed or unaccented', () => {
    expect(legalOf('vợ đẻ hai bé song sinh thì chồng nghỉ bao lâu')).toContain('sinh đôi');
    expect(legalOf('vo de 2 be song sinh')).toContain('sinh đôi');
    expect(legalOf('lỡ bệnh phải nghỉ thì bảo hiểm trả mấy ngày')).toContain('ốm đau');
    expect(legalOf('lo benh phai nghi thi bh tra may ngay')).toContain('ốm đau');
  });
});
