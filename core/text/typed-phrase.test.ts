import { saysPhrase } from './typed-phrase.js';

describe('saysPhrase', () => {
  it('finds the phrase typed with its marks or without them, whole syllables only', () => {
    expect(saysPhrase('Em là lao động tự do, có được đóng không?', 'tự do')).toBe(true);
    expect(saysPhrase('em la lao dong tu do', 'tự do')).toBe(true);
    expect(saysPhrase('LAO ĐỘNG TỰ DO', 'tự do')).toBe(true);
    expect(saysPhrase('em tu dong bhxh', 'tự đóng')).toBe(true);
    expect(saysPhrase('tự dođóng', 'tự do')).toBe(false);
  });

  it('does not read a word typed with other marks as the phrase', () => {
    expect(saysPhrase('em nghỉ từ đó đến giờ', 'tự do')).toBe(false);
    expect(saysPhrase('công ty tự động trừ lương', 'tự đóng')).toBe(false);
    expect(saysPhrase('anything', '')).toBe(false);
  });
});
