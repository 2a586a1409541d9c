import type { FaqEntry } from '../../core/knowledge/faq.js';
import { loadDefaultSynonymGroups } from '../retrieval/synonym-groups.js';
import { createRelatedPhrases } from './faq-synonyms.js';
import { createFaqMatcher, type FaqMatcher, type FaqMatcherOptions } from './faq-matcher.js';

/** The matcher as the product runs it: tuned threshold and weights plus the shipped member ↔ legal synonyms. */
export function createDefaultFaqMatcher(entries: readonly FaqEntry[], options: Omit<FaqMatcherOptions, 'relatedPhrases'> = {}): FaqMatcher {
  return createFaqMatcher(entries, { ...options, relatedPhrases: createRelatedPhrases(loadDefaultSynonymGroups()) });
}
