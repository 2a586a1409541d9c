import { splitStoryQuestion } from './asked-clause.js';

/** A stand-in for the members' teencode normaliser: the few words these messages use. */
const teencode = (text: string): string => text.replace(/\bdc\b/g, 'được').replace(/\bko\b/g, 'không').replace(/\bbn\b/g, 'bao nhiêu');

describe('splitStoryQuestion', () => {
  it('reads the opening clause and the question first, the story between them after', () => {
    expect(splitStoryQuestion('em làm ở cty may 3 năm, tháng trước bị ốm nằm viện 1 tuần, cty bảo không có lương, vậy em được hưởng chế độ ốm đau bao nhiêu')).toEqual({
      focus: 'em làm ở cty may 3 năm, vậy em được hưởng chế độ ốm đau bao nhiêu',
      story: 'tháng trước bị ốm nằm viện 1 tuần, cty bảo không có lương',
    });
  });

  it('finds the question in a run-on story typed without punctuation, unaccented or in teencode', () => {
    expect(
      splitStoryQuestion('em lam o cty may 3 nam, thang truoc bi om nam vien 1 tuan cty bao ko co luong vay e dc huong che do om dau bn', teencode),
    ).toEqual({ focus: 'em lam o cty may 3 nam, vay e dc huong che do om dau bn', story: 'thang truoc bi om nam vien 1 tuan cty bao ko co luong' });
  });

  it('keeps questions asked one after the other together, and a condition with its question', () => {
    expect(splitStoryQuestion('bố em mất tuần trước, nhà em đang lo hậu sự, em được nghỉ mấy ngày, có được trả lương không')?.focus).toBe(
      'bố em mất tuần trước, em được nghỉ mấy ngày, có được trả lương không',
    );
    expect(splitStoryQuestion('em làm 3 năm, lương thấp, nếu em nghỉ việc bây giờ, thì em có được trợ cấp thôi việc không')?.focus).toBe(
      'em làm 3 năm, nếu em nghỉ việc bây giờ, thì em có được trợ cấp thôi việc không',
    );
  });

  it('reads a question that says too little of what it is about with the clause before it', () => {
    expect(splitStoryQuestion('em bầu 5 tháng, tổ trưởng hay quát, cty bắt làm đêm, vậy có đúng luật không')).toEqual({
      focus: 'em bầu 5 tháng, cty bắt làm đêm, vậy có đúng luật không',
      story: 'tổ trưởng hay quát',
    });
  });

  it('leaves alone a message with nothing around its focus, or that asks nothing specific', () => {
    expect(splitStoryQuestion('nghỉ phép năm được mấy ngày')).toBeNull();
    expect(splitStoryQuestion('em làm 3 năm, nghỉ phép năm được mấy ngày')).toBeNull();
    expect(splitStoryQuestion('cty nợ lương 3 tháng, em chán lắm, giờ em phải làm sao')).toBeNull();
    // "vậy" closing a clause is no opener: "là sao vậy" is not cut.
    expect(splitStoryQuestion('công ty trừ lương là sao vậy')).toBeNull();
  });
});
