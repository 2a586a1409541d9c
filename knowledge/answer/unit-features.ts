import { foldDiacritics, syllables } from '../../core/text/vietnamese-fold.js';
import { canonicalRegionSyllables } from '../../core/text/wage-region.js';
import { answerUnits, FIGURE, questionShape, REFERENCE, statesDoingWithout, termWeights, unitScore, type AnswerUnit, type QuestionShape } from './answer-units.js';
import { statesQuantity } from './asked-quantity.js';
import { withoutReplacedExpired } from './extractive-answer.js';
import type { PromptSource } from './grounded-prompt.vi.js';

/** A retrieved article as the unit chooser sees it: the search's rank order, its score and its match strength. */
export interface ChooserSource extends PromptSource {
  /** Match strength in [0,1] (retriever.ts), comparable across questions. */
  strength: number;
  /** The search's score, comparable within one search only (read relative to the first hit's). */
  score: number;
}

/** What the chooser is asked: the question, the leading retrieved articles, the articles the nearest FAQ entry cites. */
export interface ChooserInput {
  question: string;
  sources: readonly ChooserSource[];
  faqCited: readonly { lawId: string; articleNo: string }[];
}

export interface UnitCandidate {
  unit: AnswerUnit;
  /** Rank of the unit's article among the sources (0: the search's first). */
  rank: number;
}

/**
 * The features of a candidate unit, all generic (no domain word, no label): how the search ranked its article, how
 * much of the question the unit and its lead-in share, whether it states the kind of figure asked, where it stands
 * in its article, what kind of text it is. Names are stored with the weights: a model trained on other features
 * does not load (unit-chooser.ts).
 */
export const UNIT_FEATURE_NAMES = [
  'hand_score',
  'rank_reciprocal',
  'rank_first',
  'strength',
  'strength_relative',
  'score_relative',
  'own_words',
  'lead_in_words',
  'own_pairs',
  'title_words',
  'figure_any',
  'figure_of_kind_asked',
  'figure_asked_none_stated',
  'negated_act_stated',
  'opening_clause',
  'position_in_article',
  'matched_clause',
  'decree',
  'expired',
  'length_log',
  'list_point',
  'faq_cited',
] as const;

export type UnitFeatureName = (typeof UNIT_FEATURE_NAMES)[number];

/** Every unit of the first `articles` sources, whole articles (the clause that states the fact may not be a matched one). */
export function unitCandidates(sources: readonly ChooserSource[], articles: number): UnitCandidate[] {
  return withoutReplacedExpired(sources)
    .slice(0, articles)
    .flatMap((source, rank) => answerUnits(source.article, null).map((unit) => ({ unit, rank })));
}

const fold = (text: string) => canonicalRegionSyllables(syllables(foldDiacritics(text).toLowerCase()));
const pairsOf = (words: readonly string[]) => new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));

function share(terms: ReadonlySet<string>, has: (term: string) => boolean): number {
  if (terms.size === 0) return 0;
  let hits = 0;
  for (const term of terms) if (has(term)) hits += 1;
  return hits / terms.size;
}

/** One feature vector per candidate, in `UNIT_FEATURE_NAMES` order. */
export function unitFeatures(input: ChooserInput, candidates: readonly UnitCandidate[]): number[][] {
  const shape = questionShape(input.question);
  const weights = termWeights(shape, candidates.map((c) => c.unit));
  const kept = withoutReplacedExpired(input.sources);
  const best = kept.reduce((max, source) => Math.max(max, source.strength), 0) || 1;
  const firstScore = kept[0]?.score || 1;
  const unitsPerArticle = new Map<AnswerUnit['article'], number>();
  for (const { unit } of candidates) unitsPerArticle.set(unit.article, (unitsPerArticle.get(unit.article) ?? 0) + 1);
  const positions = new Map<AnswerUnit['article'], number>();
  return candidates.map(({ unit, rank }) => {
    const source = kept[rank] as ChooserSource;
    const position = positions.get(unit.article) ?? 0;
    positions.set(unit.article, position + 1);
    const values: Record<UnitFeatureName, number> = {
      hand_score: unitScore(shape, unit, weights),
      rank_reciprocal: 1 / (1 + rank),
      rank_first: rank === 0 ? 1 : 0,
      strength: source.strength,
      strength_relative: source.strength / best,
      score_relative: source.score / firstScore,
      ...overlaps(shape, unit),
      ...figures(shape, unit),
      negated_act_stated: statesDoingWithout(unit.text, shape.negated) ? 1 : 0,
      opening_clause: unit.clauseNo === null || unit.clauseNo === '1' ? 1 : 0,
      position_in_article: position / Math.max(1, (unitsPerArticle.get(unit.article) ?? 1) - 1),
      matched_clause: source.passages.some((passage) => passage.clauseNo === unit.clauseNo) ? 1 : 0,
      decree: /Nghị định|Thông tư/u.test(unit.article.lawType) ? 1 : 0,
      expired: unit.article.status === 'expired' ? 1 : 0,
      length_log: Math.log(1 + unit.core.length) / Math.log(1000),
      list_point: unit.listLeadIn !== undefined ? 1 : 0,
      faq_cited: input.faqCited.some((cited) => cited.lawId === unit.article.lawId && cited.articleNo === unit.article.articleNo) ? 1 : 0,
    };
    return UNIT_FEATURE_NAMES.map((name) => values[name]);
  });
}

/** Shares of the question's words and word pairs in the unit's own words, its lead-in only, and its article's title. */
function overlaps(shape: QuestionShape, unit: AnswerUnit): Pick<Record<UnitFeatureName, number>, 'own_words' | 'lead_in_words' | 'own_pairs' | 'title_words'> {
  const own = fold(unit.core);
  const ownWords = new Set(own);
  const leadWords = new Set(fold(unit.text));
  const titleWords = new Set(fold(unit.article.title));
  const ownPairs = pairsOf(own);
  return {
    own_words: share(shape.unigrams, (w) => ownWords.has(w)),
    lead_in_words: share(shape.unigrams, (w) => !ownWords.has(w) && leadWords.has(w)),
    own_pairs: share(shape.bigrams, (p) => ownPairs.has(p)),
    title_words: share(shape.unigrams, (w) => titleWords.has(w)),
  };
}

/** Whether the unit states a figure, one of the kind asked, or none though one is asked (the question's own figures aside). */
function figures(shape: QuestionShape, unit: AnswerUnit): Pick<Record<UnitFeatureName, number>, 'figure_any' | 'figure_of_kind_asked' | 'figure_asked_none_stated'> {
  const folded = shape.stated.reduce((text, figure) => text.split(figure).join(' '), foldDiacritics(unit.core).toLowerCase().replace(REFERENCE, ' '));
  const any = FIGURE.test(folded) || /\d/.test(folded);
  return {
    figure_any: any ? 1 : 0,
    figure_of_kind_asked: shape.kind !== null && any && statesQuantity(folded, shape.kind) ? 1 : 0,
    figure_asked_none_stated: shape.quantity && !any ? 1 : 0,
  };
}
