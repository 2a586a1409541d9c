import { articleSide, isOtherSide, preferAskersSide } from './article-side.js';

const hit = (title: string) => ({ article: { title } });

describe('whose side of ending the contract an article sets out', () => {
  it('reads the side a right or duty to end the contract belongs to', () => {
    expect(articleSide('Quyền đơn phương chấm dứt hợp đồng lao động của người lao động')).toBe('employee');
    expect(articleSide('Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động')).toBe('employer');
    expect(articleSide('Nghĩa vụ của người sử dụng lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật')).toBe('employer');
    expect(articleSide('Nghia vu cua nguoi lao dong khi don phuong cham dut hop dong lao dong trai phap luat')).toBe('employee');
  });

  it('names no side for articles not on ending a job, naming both sides or only the representative body', () => {
    expect(articleSide('Quyền và nghĩa vụ của người lao động')).toBeNull();
    expect(articleSide('Trường hợp người sử dụng lao động không được thực hiện quyền đơn phương chấm dứt hợp đồng lao động')).toBeNull();
    expect(articleSide('Trợ cấp thôi việc')).toBeNull();
    expect(articleSide('Quyền chấm dứt của tổ chức đại diện người lao động tại cơ sở')).toBeNull();
  });

  it('moves the other side\'s articles after the asker\'s among the leading hits only', () => {
    const worker = hit('Quyền đơn phương chấm dứt hợp đồng lao động của người lao động');
    const employer = hit('Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động');
    const wages = hit('Kỳ hạn trả lương');
    expect(preferAskersSide([employer, wages, worker], 'employee', 3)).toEqual([wages, worker, employer]);
    expect(preferAskersSide([employer, wages, worker], null, 3)).toEqual([employer, wages, worker]);
    expect(preferAskersSide([wages, worker, employer], 'employer', 1)).toEqual([wages, worker, employer]);
    expect(isOtherSide(employer.article.title, 'employer')).toBe(false);
  });
});
