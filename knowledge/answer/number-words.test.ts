import { numberFromWords, spelledFiguresToDigits } from './number-words.js';

describe('figures written in words', () => {
  it.each([
    [['tám'], 8],
    [['mười', 'lăm'], 15],
    [['hai', 'mươi', 'mốt'], 21],
    [['ba', 'trăm'], 300],
    [['một', 'trăm', 'linh', 'năm'], 105],
    [['năm', 'triệu', 'năm', 'trăm', 'nghìn'], 5_500_000],
    [['bốn', 'triệu', 'bảy', 'trăm', 'ba', 'mươi', 'nghìn'], 4_730_000],
  ])('%j → %d', (words, value) => {
    expect(numberFromWords(words)).toBe(value);
  });

  it('writes the figures followed by a unit in digits, and leaves everything else', () => {
    expect(spelledFiguresToDigits('Bạn được nghỉ thai sản tám tháng.')).toBe('Bạn được nghỉ thai sản 8 tháng.');
    expect(spelledFiguresToDigits('ít nhất ba trăm phần trăm')).toBe('ít nhất 300 phần trăm');
    expect(spelledFiguresToDigits('là năm triệu năm trăm nghìn đồng')).toBe('là 5.500.000 đồng');
    expect(spelledFiguresToDigits('mười lăm ngày làm việc')).toBe('15 ngày làm việc');
    expect(spelledFiguresToDigits('trả một tháng một lần')).toBe('trả một tháng một lần');
    expect(spelledFiguresToDigits('mỗi năm làm việc, ba bên thương lượng')).toBe('mỗi năm làm việc, ba bên thương lượng');
  });
});
