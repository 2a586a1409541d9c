import { cleanCharacters } from './character-cleanup.js';

describe('cleanCharacters', () => {
  it.each([
    ['\u00d0ảm bảo', 'Đảm bảo'],
    ['\u00f0ược', 'được'],
    ['lương\u200b tháng', 'lương tháng'],
    ['Người'.normalize('NFD'), 'Người'],
    ['lương\u00a0tháng', 'lương tháng'],
    ['ｌương ５ triệu', 'lương 5 triệu'],
    ['c\u043eng ty', 'cong ty'],
    ['“công ty” nói…', '"công ty" nói...'],
    ['bảo\u00adhiểm', 'bảohiểm'],
  ])('%j → %j', (input, expected) => {
    expect(cleanCharacters(input)).toBe(expected);
  });

  it('keeps the case', () => {
    expect(cleanCharacters('Nguyễn Văn AN')).toBe('Nguyễn Văn AN');
  });
});
