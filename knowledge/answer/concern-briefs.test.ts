import { loadStarterPack } from '../faq/starter-pack.js';
import { CONCERN_BRIEFS, pickConcernBrief } from './concern-briefs.js';

describe('concern briefs', () => {
  it('name curated questions only: each brief is the question of a starter-pack entry', () => {
    const questions = new Set(loadStarterPack().map((entry) => entry.question));
    expect(CONCERN_BRIEFS.filter((brief) => !questions.has(brief.query)).map((brief) => brief.query)).toEqual([]);
  });

  it('read a sum deducted for lateness as a fine, not as wages owed', () => {
    const fines = 'Công ty phạt tiền, trừ lương khi đi làm muộn có đúng luật không?';
    expect(pickConcernBrief('wage_arrears', 'đi làm muộn bị trừ 100k, bực ghê')?.query).toBe(fines);
    expect(pickConcernBrief('wages', 'di tre 5p ma bi tru 50k')?.query).toBe(fines);
    expect(pickConcernBrief('wage_arrears', 'cty nợ lương 2 tháng rồi')?.query).toBe('Công ty chậm trả lương thì có phải bồi thường cho người lao động không?');
  });

  it('tell an illness from work from an accident, and a change of technology from a dismissal', () => {
    expect(pickConcernBrief('safety', 'em bị đau lưng do bê vác ở xưởng mà cty ko tính tai nạn lao động')?.query).toMatch(/^Bị đau lưng, mắc bệnh/);
    expect(pickConcernBrief('safety', 'bị máy kẹp đứt tay mà công ty không lo')?.query).toBe('Bị tai nạn lao động thì công ty phải bồi thường những gì?');
    expect(pickConcernBrief('termination', 'công ty đổi dây chuyền mới rồi cho em nghỉ luôn')?.query).toBe('Bị cắt giảm lao động do công ty tái cơ cấu thì được bồi thường gì?');
  });

  it('give every cued brief a subject its acknowledgement can name ("phản ánh của bạn về …"), lower-case, no topic default', () => {
    expect(CONCERN_BRIEFS.filter((brief) => brief.cue && !brief.subject).map((brief) => brief.query)).toEqual([]);
    expect(CONCERN_BRIEFS.filter((brief) => !brief.cue && brief.subject).map((brief) => brief.query)).toEqual([]);
    for (const brief of CONCERN_BRIEFS) if (brief.subject) expect(brief.subject).toMatch(/^[a-zà-ỹđ]/u);
    expect(pickConcernBrief('wage_arrears', 'đi làm muộn bị trừ 100k')?.subject).toBe('việc bị phạt tiền, trừ lương');
  });
});
