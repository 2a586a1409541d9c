import { splitIntoClauses } from '../retrieval/clause-passages.js';
import type { PassageHit } from '../retrieval/retriever.js';
import type { PromptSource } from './grounded-prompt.vi.js';

export interface SourceSelectionOptions {
  /** Hits weaker than this are never used. */
  minStrength: number;
  /** Hits weaker than this share of the best hit's strength are dropped (they dilute the prompt). */
  relativeFloor: number;
  maxSources: number;
  maxPassagesPerSource: number;
}

/**
 * Picks the articles and clauses an answer may rest on. Clauses keep the law's own order inside an article
 * (khoản 1 before khoản 3) because legal text reads top-down; the retriever returns them best-first.
 */
export function selectSources(hits: readonly PassageHit[], options: SourceSelectionOptions): PromptSource[] {
  const leading = hits.slice(0, options.maxSources);
  const best = leading.reduce((max, hit) => Math.max(max, hit.strength), 0);
  const floor = Math.max(options.minStrength, best * options.relativeFloor);
  return leading
    .filter((hit) => hit.strength >= floor)
    .map((hit, rank) => {
      const matched = hit.passages.slice(0, options.maxPassagesPerSource);
      const chosen = rank === 0 ? withOpeningClause(hit, matched, options.maxPassagesPerSource) : matched;
      const passages = chosen.length > 0 ? chosen : [{ clauseNo: null, text: hit.article.text, score: 0 }];
      return {
        article: hit.article,
        passages: passages
          .map(({ clauseNo, text }) => ({ clauseNo, text }))
          .sort((a, b) => clauseOrder(a.clauseNo) - clauseOrder(b.clauseNo)),
        ...(hit.phrasedClause ? { phrasedClause: hit.phrasedClause } : {}),
      };
    });
}

/**
 * The opening clause of an article usually states its core rule ("khoản 1: ... 12 ngày làm việc"), and the
 * passages that match a member's wording best are often the exceptions after it. The best article always
 * shows its opening clause, in place of its weakest matched clause if the limit is reached.
 */
function withOpeningClause(hit: PassageHit, matched: PassageHit['passages'], limit: number): PassageHit['passages'] {
  const [opening] = splitIntoClauses(hit.article.text);
  if (!opening || matched.some((passage) => passage.clauseNo === opening.clauseNo)) return matched;
  const kept = matched.length >= limit ? matched.slice(0, limit - 1) : matched;
  return [...kept, { ...opening, score: 0 }];
}

function clauseOrder(clauseNo: string | null): number {
  if (clauseNo === null) return -1;
  const parsed = Number.parseInt(clauseNo, 10);
  return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
}

/** The text of every passage shown to the model, for grounding checks. */
export function sourcesText(sources: readonly PromptSource[]): string {
  return sources
    .map((source) => [source.article.title, ...source.passages.map((passage) => passage.text)].join('\n'))
    .join('\n\n');
}
