import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import { fillerRulesFor, type FillerRules } from './query-fillers.js';
import type { RetrievalTuning } from './retrieval-tuning.js';
import type { SynonymExpander, SynonymExpansion } from './synonym-expander.js';
import type { TextAnalyzer, TextView } from './text-views.js';

/**
 * A content term of the question (in the view the question was typed in, plus its folded form) and the
 * syllable positions it came from, for judging how much of the question an article covers.
 */
export interface CoverageTerm {
  term: string;
  folded: string;
  start: number;
  end: number;
  /** How much the term counts towards match strength: 1, or `storyTermWeight` for a word of the story around the question. */
  weight: number;
}

export interface WeightedQuery {
  view: TextView;
  /** False for questions typed without any diacritic: then only the folded fields are searched. */
  accentedQuery: boolean;
  accentedTerms: Map<string, number>;
  foldedTerms: Map<string, number>;
  /** The question's own content terms (no fillers, no bigrams touching a filler), for match strength. */
  coverage: CoverageTerm[];
  expansions: SynonymExpansion[];
}

/**
 * The weighted query of `text`. `story`: the story told around the question (what happened before "vậy em được hưởng
 * bao nhiêu"): searched too, its terms weighted `storyTermWeight` (the asked part's own terms keep theirs, a term in
 * both counts as asked), no word pair across the two, and its words count that much less in match strength, so the
 * story's topic still helps without pulling the search away from what is asked.
 */
export function buildWeightedQuery(
  text: string,
  analyzer: TextAnalyzer,
  expander: SynonymExpander | null,
  tuning: RetrievalTuning,
  story?: string,
): WeightedQuery {
  const storyLength = story === undefined ? 0 : analyzer.view(story).folded.length;
  const joined = story === undefined || storyLength === 0 ? text : `${story}\n${text}`;
  let view = analyzer.view(joined);
  // The positions below say which syllables are the story's: only when the two views simply join.
  const split = storyLength > 0 && view.folded.length === storyLength + analyzer.view(text).folded.length;
  if (!split && joined !== text) view = analyzer.view(text);
  const storyEnd = split ? storyLength : 0;
  const accentedQuery = hasDiacritics(split ? joined : text);
  const rules = fillerRulesFor(accentedQuery, analyzer.fold);
  const expansions = expander ? expander.expand(view) : [];

  /** 1 for the asked part, `storyTermWeight` inside the story, 0 for a pair across the two (skipped). */
  const partWeight = (start: number, end: number): number => {
    if (end <= storyEnd) return tuning.storyTermWeight;
    return start < storyEnd ? 0 : 1;
  };
  const insideMemberSpan = (start: number, end: number): boolean =>
    expansions.some((expansion) => expansion.legal.length > 0 && start >= expansion.span[0] && end <= expansion.span[1]);
  const ownWeight = (start: number, end: number): number => (insideMemberSpan(start, end) ? tuning.memberTermWeight : 1) * partWeight(start, end);

  const accentedTerms = new Map<string, number>();
  const foldedTerms = new Map<string, number>();
  if (accentedQuery) addViewTerms(view.accented, view.accented, rules, tuning, ownWeight, accentedTerms);
  addViewTerms(view.folded, accentedQuery ? view.accented : view.folded, rules, tuning, ownWeight, foldedTerms);
  const coverage = coverageTerms(view, accentedQuery, rules, partWeight);

  for (const expansion of expansions) {
    const spanWeight = partWeight(expansion.span[0], expansion.span[1]) || 1;
    for (const legal of expansion.legal) {
      const always = (): number => 1;
      const scaled = new Map<string, number>();
      if (accentedQuery) {
        addViewTerms(legal.accented, legal.accented, NO_FILLERS, tuning, always, scaled);
        mergeMax(accentedTerms, scaled, expansion.weight * tuning.synonymScale * spanWeight);
        scaled.clear();
      }
      addViewTerms(legal.folded, legal.folded, NO_FILLERS, tuning, always, scaled);
      mergeMax(foldedTerms, scaled, expansion.weight * tuning.synonymScale * spanWeight);
    }
  }
  return { view, accentedQuery, accentedTerms, foldedTerms, coverage, expansions };
}

const NO_FILLERS: FillerRules = { isUnigramFiller: () => false, breaksBigram: () => false };

/**
 * Adds unigrams and bigrams of `tokens` to `into`. `judged` is the same syllables in the form the filler
 * rules expect (accented for accented questions, folded otherwise).
 */
function addViewTerms(
  tokens: readonly string[],
  judged: readonly string[],
  rules: FillerRules,
  tuning: RetrievalTuning,
  weightOf: (start: number, end: number) => number,
  into: Map<string, number>,
): void {
  tokens.forEach((token, i) => {
    if (!rules.isUnigramFiller(judged[i] as string)) setMax(into, token, weightOf(i, i + 1));
  });
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    if (rules.breaksBigram(judged[i] as string) || rules.breaksBigram(judged[i + 1] as string)) continue;
    const weight = weightOf(i, i + 2);
    if (weight > 0) setMax(into, `${tokens[i]} ${tokens[i + 1]}`, tuning.bigramWeight * weight);
  }
}

/** Content unigrams and the bigrams made only of content syllables, in the question's own view. */
function coverageTerms(view: TextView, accentedQuery: boolean, rules: FillerRules, weightOf: (start: number, end: number) => number): CoverageTerm[] {
  const tokens = accentedQuery ? view.accented : view.folded;
  const content = tokens.map((token) => !rules.isUnigramFiller(token));
  const terms: CoverageTerm[] = [];
  tokens.forEach((token, i) => {
    if (content[i]) terms.push({ term: token, folded: view.folded[i] as string, start: i, end: i + 1, weight: weightOf(i, i + 1) });
  });
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const weight = weightOf(i, i + 2);
    if (!content[i] || !content[i + 1] || weight === 0) continue;
    terms.push({ term: `${tokens[i]} ${tokens[i + 1]}`, folded: `${view.folded[i]} ${view.folded[i + 1]}`, start: i, end: i + 2, weight });
  }
  return terms;
}

function setMax(map: Map<string, number>, term: string, weight: number): void {
  const previous = map.get(term);
  if (previous === undefined || weight > previous) map.set(term, weight);
}

function mergeMax(into: Map<string, number>, from: ReadonlyMap<string, number>, factor: number): void {
  for (const [term, weight] of from) setMax(into, term, weight * factor);
}
