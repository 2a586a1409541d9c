import type { FaqEntry } from '../../core/knowledge/faq.js';
import type { FaqAudience } from './faq-audience.js';
import type { FaqMatch, FaqMatcher } from './faq-matcher.js';

/**
 * Officers edit the FAQ while the assistant runs. The knowledge service holds this object; after an edit or an
 * import, `replace` swaps in a matcher rebuilt from the stored entries (the index is immutable, so a message
 * being answered during the swap sees either the old or the new FAQ, never a half-built one).
 */
export interface SwappableFaqMatcher extends Pick<FaqMatcher, 'match' | 'best' | 'rank'> {
  replace(entries: readonly FaqEntry[]): void;
  readonly size: number;
  readonly threshold: number;
}

export function createSwappableFaqMatcher(
  build: (entries: readonly FaqEntry[]) => FaqMatcher,
  initial: readonly FaqEntry[],
): SwappableFaqMatcher {
  let current = build(initial);
  return {
    match: (text: string, audience?: FaqAudience): FaqMatch | null => current.match(text, audience),
    best: (text: string, audience?: FaqAudience): FaqMatch | null => current.best(text, audience),
    rank: (text: string, limit: number, audience?: FaqAudience): FaqMatch[] => current.rank(text, limit, audience),
    replace: (entries) => {
      current = build(entries);
    },
    get size() {
      return current.size;
    },
    get threshold() {
      return current.threshold;
    },
  };
}
