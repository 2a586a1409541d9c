import { leadWithNamedRegion } from './region-focus.js';

const ANSWER = 'Từ ngày 01/01/2026, mức lương tối thiểu như sau:\n- Vùng I: 5.310.000 đồng/tháng (25.500 đồng/giờ);\n- Vùng II: 4.730.000 đồng/tháng (22.700 đồng/giờ);\n- Vùng III: 4.140.000 đồng/tháng (20.000 đồng/giờ);\n- Vùng IV: 3.700.000 đồng/tháng (17.800 đồng/giờ).';

describe('leadWithNamedRegion', () => {
  it('leads with the line of the one region the member named, roman, digit or unaccented', () => {
    expect(leadWithNamedRegion(ANSWER, 'lương tối thiểu vùng III bao nhiêu').split('\n\n')[0]).toBe('Vùng III: 4.140.000 đồng/tháng (20.000 đồng/giờ).');
    expect(leadWithNamedRegion(ANSWER, 'luong toi thieu vung 1 la bn').split('\n\n')[0]).toBe('Vùng I: 5.310.000 đồng/tháng (25.500 đồng/giờ).');
    expect(leadWithNamedRegion(ANSWER, 'vung iv thi sao').split('\n\n')[0]).toBe('Vùng IV: 3.700.000 đồng/tháng (17.800 đồng/giờ).');
    expect(leadWithNamedRegion(ANSWER, 'vùng 2').endsWith(ANSWER)).toBe(true);
  });

  it('leaves the answer alone when no region, several regions or no such line', () => {
    expect(leadWithNamedRegion(ANSWER, 'lương tối thiểu bao nhiêu')).toBe(ANSWER);
    expect(leadWithNamedRegion(ANSWER, 'vùng I và vùng II khác nhau bao nhiêu')).toBe(ANSWER);
    expect(leadWithNamedRegion('Thử việc tối đa 60 ngày.', 'vùng I thử việc')).toBe('Thử việc tối đa 60 ngày.');
  });
});
