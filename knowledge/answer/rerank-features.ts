import type { LawArticle } from '../../core/knowledge/law.js';
import type { Actor } from '../faq/actor-cue.js';
import { foldedSyllables, wordFeatures } from '../faq/faq-text-features.js';
import type { PassageHit } from '../retrieval/retriever.js';
import { isOtherSide } from './article-side.js';
import { askedQuantity, statesQuantity } from './asked-quantity.js';

/**
 * Features of one candidate article of the law search for the learned reranker (article-reranker.ts, D-answers-49).
 * Generic: the retriever's own parts of the score (retrieval-signals.ts) relative to the best candidate and their
 * ranks among the candidates, the match strength, the document's kind and status, whether the article states a
 * figure of the kind asked (asked-quantity.ts), whether it is the other side's (article-side.ts), and how much of the
 * question's rarer words it holds, rarity read among the candidates themselves (a word all of them hold tells none
 * apart), and how likely the question's words are given the article under the learned word-translation model
 * (D-answers-52), relative to the likeliest candidate. No word of any particular question or article is a feature.
 */
export const RERANK_FEATURE_NAMES = [
  'rank_inverse',
  'rank_log',
  'score_ratio',
  'strength',
  'strength_gap',
  'title_ratio',
  'title_rank',
  'body_ratio',
  'body_rank',
  'expansion_ratio',
  'expansion_rank',
  'expansion_none',
  'passage_ratio',
  'passage_rank',
  'coverage_share',
  'reference',
  'expired',
  'law',
  'decree',
  'quantity_stated',
  'quantity_missing',
  'other_side',
  'rare_overlap',
  'rare_title_overlap',
  'rarest_held',
  'length_log',
  'clause_phrasing_match',
  'translation_gap',
  'translation_rank',
] as const;

export interface RerankQuestion {
  /** The text searched, normalised (the asked part and the story around it together). */
  text: string;
  /** Who ends the job in the question (actor-cue.ts), null when not said. */
  asker: Actor | null;
}

/** An article's word features (unigrams and bigrams, folded), whole and of its title; cached by the caller. */
export interface ArticleTerms {
  all: ReadonlySet<string>;
  title: ReadonlySet<string>;
}

export function articleTerms(article: LawArticle): ArticleTerms {
  return {
    all: new Set(wordFeatures(foldedSyllables(`${article.title}\n${article.text}`))),
    title: new Set(wordFeatures(foldedSyllables(article.title))),
  };
}

type SignalName = 'title' | 'body' | 'expansion' | 'passage';

/** 1 for the candidate with the highest value, 1/2 for the next…; 0 when the value is 0 (that part did not match). */
function ranksOf(values: readonly number[]): number[] {
  return values.map((value) => (value <= 0 ? 0 : 1 / (1 + values.filter((other) => other > value).length)));
}

const ratio = (value: number, best: number) => (best > 0 ? value / best : 0);

export function rerankFeatures(question: RerankQuestion, hits: readonly PassageHit[], termsOf: (article: LawArticle) => ArticleTerms): number[][] {
  if (hits.length === 0) return [];
  const signal = (hit: PassageHit, name: SignalName): number =>
    Math.max(0, name === 'passage' ? (hit.signals?.passage ?? hit.passages[0]?.score ?? 0) : (hit.signals?.[name] ?? 0));
  const columns = Object.fromEntries((['title', 'body', 'expansion', 'passage'] as const).map((name) => [name, hits.map((hit) => signal(hit, name))])) as Record<SignalName, number[]>;
  const best = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, Math.max(...values)])) as Record<SignalName, number>;
  const ranks = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, ranksOf(values)])) as Record<SignalName, number[]>;
  const topScore = Math.max(...hits.map((hit) => hit.score), 0);
  const topStrength = Math.max(...hits.map((hit) => hit.strength));
  const kind = askedQuantity(question.text);
  const terms = hits.map((hit) => termsOf(hit.article));
  // Rarity among the candidates: log(n / df) over the question's words held by at least one of them.
  const asked = [...new Set(wordFeatures(foldedSyllables(question.text)))];
  const weight = new Map<string, number>();
  for (const term of asked) {
    const df = terms.filter((t) => t.all.has(term)).length;
    if (df > 0) weight.set(term, Math.log((hits.length + 1) / df));
  }
  const totalWeight = [...weight.values()].reduce((sum, w) => sum + w, 0);
  const rarest = [...weight].reduce<[string, number] | null>((top, entry) => (!top || entry[1] > top[1] ? entry : top), null);
  // The learned word-translation likelihood (D-answers-52), relative to the likeliest candidate: 0 for it, below for the rest.
  const translations = hits.map((hit) => hit.translation ?? 0);
  const bestTranslation = Math.max(...translations);
  const translationRanks = translations.map((value) => 1 / (1 + translations.filter((other) => other > value).length));
  const heldShare = (set: ReadonlySet<string>) => (totalWeight > 0 ? [...weight].reduce((sum, [term, w]) => sum + (set.has(term) ? w : 0), 0) / totalWeight : 0);

  return hits.map((hit, i) => {
    const lawId = hit.article.lawId;
    const states = kind !== null && statesQuantity(hit.article.text, kind);
    const signals = hit.signals;
    const row: Record<(typeof RERANK_FEATURE_NAMES)[number], number> = {
      rank_inverse: 1 / (i + 1),
      rank_log: Math.log(i + 1),
      score_ratio: ratio(hit.score, topScore),
      strength: hit.strength,
      strength_gap: hit.strength - topStrength,
      title_ratio: ratio(columns.title[i] as number, best.title),
      title_rank: ranks.title[i] as number,
      body_ratio: ratio(columns.body[i] as number, best.body),
      body_rank: ranks.body[i] as number,
      expansion_ratio: ratio(columns.expansion[i] as number, best.expansion),
      expansion_rank: ranks.expansion[i] as number,
      expansion_none: (columns.expansion[i] as number) > 0 ? 0 : 1,
      passage_ratio: ratio(columns.passage[i] as number, best.passage),
      passage_rank: ranks.passage[i] as number,
      coverage_share: signals && hit.score > 0 ? Math.max(0, signals.coverage) / hit.score : 0,
      reference: signals && signals.reference > 0 ? 1 : 0,
      expired: hit.article.status === 'expired' ? 1 : 0,
      law: /QH\d*$/i.test(lawId) ? 1 : 0,
      decree: /N[ĐD]-CP$/i.test(lawId) ? 1 : 0,
      quantity_stated: states ? 1 : 0,
      quantity_missing: kind !== null && !states ? 1 : 0,
      other_side: isOtherSide(hit.article.title, question.asker) ? 1 : 0,
      rare_overlap: heldShare((terms[i] as ArticleTerms).all),
      rare_title_overlap: heldShare((terms[i] as ArticleTerms).title),
      rarest_held: rarest && (terms[i] as ArticleTerms).all.has(rarest[0]) ? 1 : 0,
      length_log: Math.log(1 + hit.article.text.length),
      // How closely the best members' question of one of its khoản asks what this question asks (D-answers-47).
      clause_phrasing_match: hit.phrasedClause?.match ?? 0,
      translation_gap: (translations[i] as number) - bestTranslation,
      translation_rank: hit.translation === undefined ? 0 : (translationRanks[i] as number),
    };
    return RERANK_FEATURE_NAMES.map((name) => row[name]);
  });
}
