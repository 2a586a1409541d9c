import { foldDiacritics } from '../../core/text/vietnamese-fold.js';
import { composeToneLetter, foldComposed, splitToneLetter } from './vietnamese-letters.js';

const ALPHABET =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

describe('Vietnamese letter tables', () => {
  it.each([...ALPHABET, ...ALPHABET.toUpperCase()])('folds %s exactly like foldDiacritics', (letter) => {
    expect(foldComposed(letter)).toBe(foldDiacritics(letter));
  });

  it('splits and recomposes every toned vowel', () => {
    let toned = 0;
    for (const letter of [...ALPHABET, ...ALPHABET.toUpperCase()]) {
      const split = splitToneLetter(letter);
      if (split === null) continue;
      toned++;
      expect(composeToneLetter(split.bare, split.tone)).toBe(letter);
    }
    expect(toned).toBe(120);
  });

  it('folds whole words and leaves other characters alone', () => {
    expect(foldComposed('Người lao động, 5 triệu!')).toBe('Nguoi lao dong, 5 trieu!');
  });
});
