import { createSynonymExpander } from '../retrieval/synonym-expander.js';
import type { SynonymGroup } from '../retrieval/synonym-groups.js';
import { createTextAnalyzer } from '../retrieval/text-views.js';

/**
 * Members say "nghỉ đẻ", the FAQ says "nghỉ thai sản". The retrieval helper's synonym groups already map member
 * words to legal words; the FAQ matcher reuses them so that both sides of a comparison share the legal term.
 * Returns the folded legal phrases a text implies (not those it already contains).
 */
export function createRelatedPhrases(groups: readonly SynonymGroup[]): (text: string) => string[] {
  const analyzer = createTextAnalyzer();
  const expander = createSynonymExpander(groups, analyzer);
  return (text: string) => expander.expand(analyzer.view(text)).flatMap((expansion) => expansion.legal.map((view) => view.folded.join(' ')));
}
