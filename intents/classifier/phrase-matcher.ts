/**
 * Finds which of many multi-syllable phrases occur in a token sequence: phrases are indexed by their first
 * syllable, so a message is scanned once whatever the size of the lexicon.
 */
export interface PhraseMatcher<T> {
  readonly byFirstWord: ReadonlyMap<string, ReadonlyArray<{ words: readonly string[]; tag: T }>>;
}

export function buildPhraseMatcher<T>(entries: Iterable<{ phrase: string; tag: T }>): PhraseMatcher<T> {
  const byFirstWord = new Map<string, Array<{ words: string[]; tag: T }>>();
  for (const { phrase, tag } of entries) {
    const words = phrase.split(' ').filter((word) => word !== '');
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, tag });
    byFirstWord.set(first, list);
  }
  return { byFirstWord };
}

/** Every tag whose phrase occurs somewhere in `tokens` (whole tokens only). */
export function matchPhrases<T>(matcher: PhraseMatcher<T>, tokens: readonly string[]): Set<T> {
  const found = new Set<T>();
  for (let i = 0; i < tokens.length; i++) {
    const candidates = matcher.byFirstWord.get(tokens[i] as string);
    if (candidates === undefined) continue;
    for (const { words, tag } of candidates) {
      if (found.has(tag) || i + words.length > tokens.length) continue;
      let matches = true;
      for (let j = 1; j < words.length; j++) {
        if (tokens[i + j] !== words[j]) {
          matches = false;
          break;
        }
      }
      if (matches) found.add(tag);
    }
  }
  return found;
}
