import { lawArticlePath, withoutCitationLine } from './citation-line.js';

describe('the citation paragraph', () => {
  it('is removed, and only it, wherever it stands', () => {
    const text = 'Làm thêm ngày thường ít nhất 150%.\n\nCăn cứ: Điều 98 Bộ luật Lao động 2019 (hiệu lực từ 01/01/2021).\n\nThông tin chỉ mang tính tham khảo.';
    expect(withoutCitationLine(text)).toBe('Làm thêm ngày thường ít nhất 150%.\n\nThông tin chỉ mang tính tham khảo.');
    expect(withoutCitationLine('Căn cứ: Điều 3 Nghị định 293/2025/NĐ-CP.')).toBe('');
    expect(withoutCitationLine('Căn cứ vào hợp đồng, bạn được nghỉ.')).toBe('Căn cứ vào hợp đồng, bạn được nghỉ.');
  });

  it('links to the article page with the document number escaped', () => {
    expect(lawArticlePath('145/2020/NĐ-CP', '55')).toBe('/luat?van-ban=145%2F2020%2FN%C4%90-CP&dieu=55');
  });
});
