import type { LawArticle } from '../../core/knowledge/law.js';
import { contentSyllables, foldedSyllables } from '../faq/faq-text-features.js';
import type { ArticlePhrasings } from './article-phrasings.js';
import { trainTranslationTable, type TranslationTraining } from './translation-model.js';
import { translationPairs } from './translation-pairs.js';
import { createTranslationScorer, type TranslationScoring } from './translation-scorer.js';

/**
 * The terms both sides of the translation model are read in: folded syllables, so an unaccented or teencode question
 * (after the members' normaliser) and the law share one vocabulary, without the fillers members add to every question
 * and without numbers (article numbers cited in the law's text were learned as "translations" of everyday words).
 * Unigrams only: with syllable bigrams the vocabularies grow tenfold and the dense EM of translation-model.ts with them.
 */
export function translationTerms(text: string): string[] {
  return contentSyllables(foldedSyllables(text)).filter((syllable) => !/\d/.test(syllable));
}

export interface ArticleTranslation {
  /** How many (question, law text) pairs the table learned from. */
  readonly pairs: number;
  /**
   * The mean log-likelihood of the question's terms given each article (by position); higher is likelier. The question
   * comes already through the members' normaliser (the retriever's query), which is not applied twice.
   */
  scoreAll(question: string): Float64Array;
  score(question: string, position: number): number;
}

/**
 * Trains the word-translation table on the phrasings the retriever is given (translation-pairs.ts) and scores
 * questions against every article's title and text (translation-scorer.ts), D-answers-52. `prepare.question` is the
 * members' normaliser (the phrasings are members' text, read as their questions are), `prepare.law` the index's.
 */
export function buildArticleTranslation(
  articles: readonly LawArticle[],
  phrasings: readonly ArticlePhrasings[],
  accepts: (position: number) => boolean,
  prepare: { question: (text: string) => string; law: (text: string) => string },
  options: { training?: Partial<TranslationTraining>; scoring?: Partial<TranslationScoring> } = {},
): ArticleTranslation {
  const question = (text: string) => translationTerms(prepare.question(text));
  // Each article's text is read twice (a source of its phrasings' pairs, a document scored): once is enough.
  const lawTerms = new Map<string, string[]>();
  const law = (text: string) => {
    let terms = lawTerms.get(text);
    if (!terms) lawTerms.set(text, (terms = translationTerms(prepare.law(text))));
    return terms;
  };
  const table = trainTranslationTable(translationPairs(articles, phrasings, accepts, { question, law }), options.training);
  const scorer = createTranslationScorer(table, articles.map((article) => law(`${article.title}\n${article.text}`)), options.scoring);
  return {
    pairs: table.pairs,
    scoreAll: (text) => scorer.scoreAll(translationTerms(text)),
    score: (text, position) => scorer.score(translationTerms(text), position),
  };
}
