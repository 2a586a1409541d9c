import { splitIntoClauses } from './clause-passages.js';

describe('splitIntoClauses', () => {
  it('keeps the lead-in, then one passage per khoản with its điểm', () => {
    const text = 'Lời dẫn của điều.\n1. Khoản một:\na) Điểm a;\nb) Điểm b.\n2. Khoản hai.\nDòng tiếp theo của khoản hai.';
    expect(splitIntoClauses(text)).toEqual([
      { clauseNo: null, text: 'Lời dẫn của điều.' },
      { clauseNo: '1', text: '1. Khoản một:\na) Điểm a;\nb) Điểm b.' },
      { clauseNo: '2', text: '2. Khoản hai.\nDòng tiếp theo của khoản hai.' },
    ]);
  });

  it('does not take a number out of sequence for a new khoản', () => {
    const text = '1. Mức lương:\n2026. Năm áp dụng ghi ở đầu dòng.\n2. Khoản hai.';
    expect(splitIntoClauses(text).map((p) => p.clauseNo)).toEqual(['1', '2']);
    expect(splitIntoClauses(text)[0]?.text).toContain('2026.');
  });

  it('returns the whole text as one passage when there is no khoản', () => {
    expect(splitIntoClauses('Một đoạn duy nhất.')).toEqual([{ clauseNo: null, text: 'Một đoạn duy nhất.' }]);
    expect(splitIntoClauses('')).toEqual([]);
  });
});
