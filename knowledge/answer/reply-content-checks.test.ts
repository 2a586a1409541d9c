import type { LawArticle } from '../../core/knowledge/law.js';
import { foreignDates, foreignDocuments, groundedWordShare, personalDataIn } from './reply-content-checks.js';

const article = { id: '293/2025/NĐ-CP#3', lawId: '293/2025/NĐ-CP', articleNo: '3', effectiveDate: '2026-01-01' } as LawArticle;
const passages = 'Mức lương tối thiểu tháng vùng I là 5.310.000 đồng, áp dụng từ ngày 01/01/2026 cho người lao động làm việc theo hợp đồng.';

describe('reply content checks', () => {
  it('finds dates that are neither in the passages nor an effective date', () => {
    expect(foreignDates('Từ ngày 01/07/2024 lương là 5.310.000 đồng.', passages, [article])).toEqual(['01/07/2024']);
    expect(foreignDates('Từ ngày 1/1/2026 lương là 5.310.000 đồng.', '', [article])).toEqual([]);
  });

  it('finds document numbers no retrieved article belongs to', () => {
    expect(foreignDocuments('Theo Nghị định 74/2024/NĐ-CP và 293/2025/NĐ-CP…', [article])).toEqual(['74/2024/NĐ-CP']);
  });

  it('finds personal data: phones, CCCD, e-mails, bank accounts', () => {
    expect(personalDataIn('Gọi anh Nam 0912 345 678 nhé.', passages)).toBe('0912 345 678');
    expect(personalDataIn('CCCD 001203004567 đã ghi nhận.', passages)).toBe('001203004567');
    expect(personalDataIn('Gửi về nguyenvana@gmail.com', passages)).toBe('nguyenvana@gmail.com');
    expect(personalDataIn('STK 19035555666601 Techcombank', passages)).toMatch(/19035555666601/);
    expect(personalDataIn('Lương tối thiểu là 5.310.000 đồng.', passages)).toBeNull();
  });

  it('measures how much of a reply the sources and the question account for', () => {
    expect(groundedWordShare('Lương tối thiểu tháng vùng I là 5.310.000 đồng cho người lao động.', passages, 'lương tối thiểu bao nhiêu')).toBeGreaterThan(0.9);
    expect(groundedWordShare('Tối nay đội tuyển đá bóng với Thái Lan, nhớ xem nhé.', passages, 'lương tối thiểu bao nhiêu')).toBeLessThan(0.45);
  });
});
