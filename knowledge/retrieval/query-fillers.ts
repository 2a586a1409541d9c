/**
 * Words members use around a question that the law never uses in the same sense: pronouns, particles,
 * chat abbreviations. As single terms they would pull in unrelated articles (`em` matches `trẻ em`), and
 * bigrams that contain a pure particle (`em hỏi`, `ạ`) only add noise.
 *
 * Unaccented queries are checked in folded form; a folded form that is also a common legal syllable
 * (`chi` = chị / chi trả) only loses its unigram, never its bigrams.
 */
const UNIGRAM_FILLERS_ACCENTED = [
  'em', 'anh', 'chị', 'tôi', 'mình', 'tớ', 'tui', 'bạn', 'ad', 'admin', 'ạ', 'ơi', 'nhé', 'nha', 'hả', 'à', 'dạ',
  'vâng', 'nhỉ', 'hen', 'ko', 'k', 'kg', 'hok', 'khum', 'j', 'gì', 'ntn', 'sao', 'nào', 'vậy', 'thế', 'zậy', 'z', 'v',
  'có', 'là', 'thì', 'mà', 'và', 'cho', 'bị', 'với', 'khi', 'nếu', 'này', 'đó', 'như', 'để', 'ai', 'hỏi', 'giúp',
  'ạk', 'nhá', 'luôn', 'rồi', 'r', 'đc', 'dc', 'được', 'không', 'hông', 'chưa', 'phải', 'muốn', 'biết', 'xin',
  'e', 'a', 'c', 'mn', 'mọi', 'người', 'ơii', 'nhiêu', 'mấy', 'đâu', 'chứ', 'nhỉ', 'ạ', 'luật', 'đúng',
  // The question words of "bao lâu", "bao nhiêu", "bn": the law never asks, so they only dilute the coverage of
  // short questions ("sinh em bé được nghỉ bao lâu") until they look "not covered".
  'bao', 'lâu', 'bn',
  // "đi" is how members say they go to work, to a check-up, on leave ("đi làm muộn", "đi khám"): in the law it is
  // mostly the fixed phrase "đi làm việc ở nước ngoài", so "đi làm" alone drew the overseas-work law to a question
  // about being late (D-answers-19). "làm việc ở nước ngoài" still finds that law.
  'đi',
] as const;

/** Particles and pronouns that never belong to a legal compound, in either view. */
const BIGRAM_BREAKERS_ACCENTED = [
  'em', 'anh', 'chị', 'tôi', 'tớ', 'tui', 'bạn', 'ad', 'admin', 'ạ', 'ơi', 'nhé', 'nha', 'hả', 'à', 'dạ', 'vâng',
  'nhỉ', 'hen', 'ko', 'k', 'kg', 'hok', 'khum', 'j', 'ntn', 'zậy', 'z', 'ạk', 'nhá', 'r', 'e', 'mn', 'ơii', 'đi',
] as const;

/** Folded forms that are also frequent legal syllables: unaccented, they may be the legal word. */
const AMBIGUOUS_WHEN_FOLDED = new Set(['chi', 'minh', 'ban', 'a', 'c', 'da', 'ha', 'thi', 'ma', 'co', 'la', 'the', 'de', 'do', 'nao', 'nguoi', 'moi', 'khong', 'phai', 'duoc', 'cho', 'bi', 'voi', 'khi', 'neu', 'nay', 'nhu', 'ai', 'hoi', 'giup', 'luon', 'roi', 'chua', 'muon', 'biet', 'xin', 'anh', 'em', 'toi', 'tu']);

export interface FillerRules {
  isUnigramFiller(syllable: string): boolean;
  breaksBigram(syllable: string): boolean;
}

export function fillerRulesFor(accentedQuery: boolean, fold: (syllable: string) => string): FillerRules {
  if (accentedQuery) {
    const unigrams = new Set<string>(UNIGRAM_FILLERS_ACCENTED);
    const breakers = new Set<string>(BIGRAM_BREAKERS_ACCENTED);
    return { isUnigramFiller: (s) => unigrams.has(s), breaksBigram: (s) => breakers.has(s) };
  }
  const unigrams = new Set(UNIGRAM_FILLERS_ACCENTED.map(fold));
  const breakers = new Set(BIGRAM_BREAKERS_ACCENTED.map(fold).filter((s) => !AMBIGUOUS_WHEN_FOLDED.has(s) || s === 'em'));
  return { isUnigramFiller: (s) => unigrams.has(s), breaksBigram: (s) => breakers.has(s) };
}
